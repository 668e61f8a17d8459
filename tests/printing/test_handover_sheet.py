"""The hand-over sheet: where scanning is not used, one page per housing unit for the inmates to sign,
its rows in the order the counsellor walks the unit (room, then call number)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reviewer_app.journal.print_records import unit_of
from reviewer_app.journal.printing import HANDOVER_FROM
from reviewer_app.printing.handover_sheet import unit_sheets, write_sheets_pdf
from tests.printing import pdfread
from tests.printing.conftest import Counsellor


def test_one_signing_page_per_housing_unit_in_walking_order(
    qtbot: QtBot, counsellor: Counsellor, tmp_path: Path
) -> None:
    desk = counsellor.desk
    desk.refresh()
    desk.print_pdf(desk.to_print(), tmp_path / "today.pdf")
    waiting = [p for p in desk.queue() if p.local_status in HANDOVER_FROM]
    units = list(dict.fromkeys(unit_of(p.housing_unit) for p in waiting))
    assert len(units) >= 2

    sheets = unit_sheets(waiting)
    out = tmp_path / "簽收單.pdf"
    pages = write_sheets_pdf(out, sheets, facility_name="臺東戒治所", printed_by="黃輔導員", now=desk.clock())

    assert pages == pdfread.pages(out) == len(units)  # one page a unit (a unit's rows fit on one page)
    for number, unit in enumerate(units, start=1):
        text = pdfread.pdfium_text(out, number)  # in the order painted: row after row
        plain = pdfread.plain(text)
        assert unit in text and "簽收單" in text and "收件人簽名" in plain and "轉交人" in plain
        mine = [p for p in waiting if unit_of(p.housing_unit) == unit]
        others = [p for p in waiting if unit_of(p.housing_unit) != unit]
        # every post of the unit on its page, in walking order, and none of another unit
        where = [plain.index(f"{p.inmate.call_number}{p.inmate.name}") for p in mine]
        assert where == sorted(where)
        assert all(f"{p.inmate.call_number}{p.inmate.name}" not in plain for p in others)
        assert all(str(p.post_id) in text for p in mine)
