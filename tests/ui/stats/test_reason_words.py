"""Every catalogue reason the statistics name in zh-TW also has its own short English name on screen:
in English a supervisor never reads a raw code such as INMATE_RELEASED in a chart or a table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reviewer_app.qt import QApplication
from reviewer_app.stats.figures import REASON_LABELS
from reviewer_app.ui.common.i18n import apply_language
from reviewer_app.ui.stats import wording


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    assert apply_language(qapp, "en")
    yield
    apply_language(qapp, "zh_TW")


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("code", sorted(REASON_LABELS))
def test_each_reason_has_an_english_name(code: str) -> None:
    shown = wording.reason(code)
    assert code not in shown and shown != REASON_LABELS[code]
    assert shown.isascii()  # English words, not the zh-TW label


@pytest.mark.parametrize("code", sorted(REASON_LABELS))
def test_each_reason_reads_in_chinese_by_default(qapp: QApplication, code: str) -> None:
    assert apply_language(qapp, "zh_TW")
    assert wording.reason(code) == REASON_LABELS[code]
