"""Text that a spreadsheet would take for a formula, and the one guard every export writes cells through.

Display names, reasons, titles, workstation names end up in the monthly report and the audit trail,
opened in Excel: a cell starting with one of these characters is run as a formula (a name could carry a
live HYPERLINK into the agency's return). Every CSV cell goes through :func:`spreadsheet_safe`, which
puts such text after Excel's own text marker, the apostrophe (OWASP, CSV injection); XLSX cells are
typed string cells. Staff accounts refuse such names outright.
"""

from __future__ import annotations

from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def spreadsheet_safe(cell: str | int | float | None) -> str | int | float:
    """A cell for a CSV export: text that looks like a formula with a leading apostrophe, None empty,
    numbers as they are (a number is never a formula)."""
    if cell is None:
        return ""
    if isinstance(cell, str) and looks_like_formula(cell):
        return "'" + cell
    return cell
