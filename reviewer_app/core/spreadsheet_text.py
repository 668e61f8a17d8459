"""Text that a spreadsheet would take for a formula.

Display names, reasons and titles end up in the monthly report, opened in Excel: a cell starting with one
of these characters is run as a formula (a name could carry a live HYPERLINK into the agency's return).
The report writes such text after Excel's own text marker; staff accounts refuse such names outright.
"""

from __future__ import annotations

from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)
