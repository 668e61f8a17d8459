"""Fixtures of the ui/common tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reviewer_app.ui.common.executors import Executor


@pytest.fixture
def executor() -> Iterator[Executor]:
    """A private single-worker executor: work held on it never delays the shared ones."""
    e = Executor("test", 1)
    yield e
    assert e.wait(10_000)
