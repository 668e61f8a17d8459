"""How the supervisor tools talk to the shared database: on the shared network workers, never on the
GUI thread. Reads belong to their widget and are cancelled when it closes; a save (a lift, a
shortening, a dismissal, a reason) must finish even then, and announces what it changed so that every
open window showing that data reloads (:mod:`reviewer_app.ui.common.changes`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from reviewer_app.qt import QObject
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.operations import Operation, in_flight

T = TypeVar("T")


def read(
    owner: QObject,
    fn: Callable[[], T],
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    name: str,
) -> Operation[T]:
    return (
        Operation(fn, owner=owner, name=name)
        .success(done)
        .failure(failed)
        .run_in_background(executors.network())
    )


def save(
    owner: QObject,
    fn: Callable[[], T],
    done: Callable[[T], None],
    failed: Callable[[BaseException], None],
    name: str,
    *kinds: str,
) -> Operation[T]:
    return (
        Operation(fn, owner=owner, name=name)
        .success(done)
        .failure(failed)
        .changes(*kinds)
        .must_finish()
        .run_in_background(executors.network())
    )


def busy(owner: QObject) -> bool:
    """Work of ``owner`` has not answered yet."""
    return in_flight(owner) > 0
