"""Screenshots of the review desk from the demo data, for the README: ``python scripts/screenshots.py``.

Seeds a demo shared database in a temporary folder (nothing of the user's is read or written), pulls
the reviewer's queue, renders the real windows offscreen in zh-TW with the shipped font and saves them
with ``QWidget.grab()`` into ``docs/screenshots/``:

- ``main-window.png``   the queue, the document viewer and the decision panel (a service application)
- ``desk-1366x768.png`` the desk as it opens on a 1366×768 laptop screen (a post's photo)
- ``desk-1366x768-en.png`` the same desk switched to English from 設定 > 語言 while it runs
- ``compare.png``       the applicant's photo beside the ID document
- ``post-photo.png``    a post whose photo carries GPS data: metadata and the privacy warning
- ``reject-dialog.png`` rejecting a post with two reasons, the family's text previewed
- ``since-rejection.png`` 與前次退件比較: a post sent again after a rejection against the rejected one
- ``help-overlay.png``  the keyboard help (F1)
- ``staff-notes.png``   a colleague's staff note and one waiting to sync, on a 1366×768 desk
- ``overdue-items.png`` the supervisor's 逾期未決 tab: the service clock's target, days off, late items
- ``statistics.png``    the supervisors' statistics view (its own busier demo data: screenshot_stats.py)
- ``counsellor-view.png`` the counsellor's view: posts to print and to hand over (its own demo data)
- ``printed-page.png``  page 1 of a post printed to PDF, rendered with pdftoppm (its code bottom right)
- ``counsellor-scan-1366x768.png`` the counsellor's view at 1366×768, a page scanned for the wrong inmate
- ``morning-view.png``  今日工作: to print, to hand over by unit in walking order, held back and why
- ``handover-sheet.png`` a housing unit's hand-over sheet (簽收單), rendered with pdftoppm
- ``second-looks.png``  the 待覆核 queue (four eyes) at 1366×768 (its own demo data)
- ``appeal.png``        the supervisor's 申覆 tab: an appeal beside the rejected post (screenshot_appeal.py)

``--only printing`` makes the counsellor's five only, ``--only appeal`` the appeal only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1600, 1000
#: A common laptop screen: the desk fits it as it opens (desk-1366x768.png).
LAPTOP = (1366, 768)


def offscreen_screen(folder: Path) -> str:
    """The offscreen platform with a screen as big as the screenshots (its default is 800×800, and the
    desk fits itself to the screen)."""
    config = folder / "screen.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", default="zh_TW", choices=["zh_TW", "en"])
    parser.add_argument("--only", choices=["printing", "appeal"], help="make only these screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reviewer-screens-") as folder:
        if args.only == "appeal":
            application(Path(folder), args.language)
            from screenshot_appeal import shoot_appeal  # scripts/ is on sys.path when this file runs

            shoot_appeal(args.out, Path(folder))
            return 0
        if args.only == "printing":
            application(Path(folder), args.language)
            shoot_printing(args.out, Path(folder))
            return 0
        return shoot(Path(folder), args.out, args.language)


def application(folder: Path, language: str) -> Any:
    """The offscreen application in `language`, with nothing of the user's read or written."""
    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(folder)
    os.environ["REVIEWER_DATA_DIR"] = str(folder / "data")
    os.environ["REVIEWER_CACHE_DIR"] = str(folder / "cache")
    sys.path.insert(0, str(ROOT))
    from reviewer_app.ui.common.app import make_application
    from reviewer_app.ui.common.gui_gc import GuiThreadCollector
    from reviewer_app.ui.common.preferences import Preferences, open_settings

    settings_path = folder / "desk.ini"
    Preferences(open_settings(settings_path)).set_language(language)
    app = make_application([sys.argv[0]], settings_path)
    GuiThreadCollector(app)  # as run_desk does: garbage holding a widget is never freed on a worker
    return app


def shoot(folder: Path, out: Path, language: str) -> int:
    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(folder)
    os.environ["REVIEWER_DATA_DIR"] = str(folder / "data")
    os.environ["REVIEWER_CACHE_DIR"] = str(folder / "cache")
    sys.path.insert(0, str(ROOT))

    import uuid
    from datetime import UTC, date, datetime, timedelta

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from reviewer_app.access.roles import Actor
    from reviewer_app.core.items import DocumentRef
    from reviewer_app.demo.seed import STAFF_USERNAME, seed
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal.journal import Journal
    from reviewer_app.qt import QWidget
    from reviewer_app.shared_db.engine import make_engine, upgrade
    from reviewer_app.shared_db.models import FacilityDay, ItemNote, Post
    from reviewer_app.sync.service import Sync, facility_of
    from reviewer_app.ui.common import executors
    from reviewer_app.ui.common.app import make_application
    from reviewer_app.ui.common.gui_gc import GuiThreadCollector
    from reviewer_app.ui.common.preferences import Preferences, open_settings
    from reviewer_app.ui.desk.main_window import DeskContext, MainWindow
    from reviewer_app.ui.desk.second_look import ComparisonDialog
    from reviewer_app.ui.queue.rows import QueueRow
    from reviewer_app.ui.supervisor import SupervisorTools

    out.mkdir(parents=True, exist_ok=True)
    settings_path = folder / "desk.ini"
    Preferences(open_settings(settings_path)).set_language(language)
    app = make_application([sys.argv[0]], settings_path)
    GuiThreadCollector(app)  # as run_desk does: garbage holding a widget is never freed on a worker

    print("seeding the demo database…", flush=True)
    engine = make_engine(f"sqlite:///{folder / 'shared.sqlite3'}")
    upgrade(engine)
    seed(engine, families=18, full_documents=12)  # 18: the post sent again (since-rejection.png)
    journal = Journal(folder / "journal.sqlite3")
    sync = Sync(engine, journal, STAFF_USERNAME, "TTD-WS-03", facility_of(engine, STAFF_USERNAME))
    sync.pull()
    store = DocumentStore(engine, folder / "document-cache", None)
    context = DeskContext(
        journal=journal,
        sync=sync,
        staff_username=STAFF_USERNAME,
        staff_display_name="李社工師",
        workstation="TTD-WS-03",
        settings_path=settings_path,
        documents=store,
    )
    window = MainWindow(context)
    window.resize(WIDTH, HEIGHT)
    window.show()

    def wait(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    def idle() -> bool:
        return not window.is_busy()

    def save(widget: QWidget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = out / name
        widget.grab().save(str(path))
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)

    def open_item(match: Callable[[QueueRow], bool], what: str) -> None:
        key = next(r.key for r in window.queue.rows_in_view() if match(r))
        window.select_key(key)
        wait(lambda: (d := window.panel.detail()) is not None and d.key == key, what)
        wait(idle, f"documents of {what}")

    wait(lambda: idle() and window.model.rowCount() > 0, "the queue")

    def documents_of(row: QueueRow) -> list[DocumentRef]:
        detail = window.detail_of(row.key)
        return list(detail.snapshot.documents) if detail is not None else []

    def kinds_of(row: QueueRow) -> set[str]:
        return {d.kind for d in documents_of(row)}

    # 1. The main window on a service application with all three documents (ID photo shown).
    def full_application(row: QueueRow) -> bool:
        wanted = {"id_document", "relationship_proof", "applicant_photo"}
        return row.kind == "application" and row.status == "pending" and wanted <= kinds_of(row)

    open_item(full_application, "an application")
    window.table.setFocus()
    save(window, "main-window.png")

    # 2. Compare: the applicant's photo beside the ID document.
    window.viewer.toggle_compare()
    wait(idle, "compare")
    save(window, "compare.png")
    window.viewer.toggle_compare()

    # 3. A post whose photo is GPS-tagged: metadata with the privacy warning.
    def gps_post(row: QueueRow) -> bool:
        docs = documents_of(row)
        return row.kind == "post" and any(d.filename.lower().endswith((".jpg", ".jpeg")) for d in docs)

    for row in window.queue.rows_in_view():
        if not gps_post(row):
            continue
        window.select_key(row.key)
        wait(idle, "a post")
        if window.viewer.gps_warning.isVisible():
            break
    save(window, "post-photo.png")

    # 4. The reject dialog on a post, two reasons ticked.
    post = next(r for r in window.queue.rows_in_view() if r.kind == "post" and r.status == "pending")
    window.select_key(post.key)
    wait(idle, "the post to reject")
    window.reject_current()
    wait(lambda: window.reject_dialog is not None and window.reject_dialog.isVisible(), "the reject dialog")
    dialog = window.reject_dialog
    assert dialog is not None
    dialog.set_checked("P2_CONTENT")
    dialog.set_checked("P4_TOO_LONG")
    dialog.note_edit.setText("內容與子女近況無關，已電話告知家屬")
    save(dialog, "reject-dialog.png")
    dialog.reject()
    wait(lambda: window.reject_dialog is None, "the dialog to close")

    # 4b. 與前次退件比較: the post the demo sent again after a rejection, beside the rejected one.
    def sent_again(row: QueueRow) -> bool:
        detail = window.detail_of(row.key)
        return detail is not None and "他說很想念爸爸" in detail.snapshot.body

    open_item(sent_again, "the post sent again")
    look = window.panel.second_look
    wait(lambda: look.compare_button.isVisible() and idle(), "the comparison")
    look.compare_button.click()
    comparison = window.findChild(ComparisonDialog)
    assert comparison is not None
    comparison.resize(720, 620)
    save(comparison, "since-rejection.png")
    comparison.close()

    # 5. The help overlay over the desk.
    window.select_key(next(r.key for r in window.queue.rows_in_view() if full_application(r)))
    wait(idle, "the application again")
    window.help_overlay.open()
    save(window, "help-overlay.png")
    window.help_overlay.close_overlay()

    window.close()

    # 6. The desk as it first opens on a laptop (its own window settings: nothing remembered).
    laptop = MainWindow(replace(context, settings_path=folder / "laptop.ini"))
    laptop.resize(*LAPTOP)
    laptop.show()
    wait(lambda: not laptop.is_busy() and laptop.model.rowCount() > 0, "the laptop's queue")
    photo_post = next(r for r in laptop.queue.rows_in_view() if r.status == "pending" and gps_post(r))
    laptop.select_key(photo_post.key)
    wait(lambda: not laptop.is_busy() and laptop.viewer.view.has_image(), "the laptop's photo")
    laptop.table.setFocus()
    save(laptop, "desk-1366x768.png")
    # 6b. The same desk switched to the other language from 設定 > 語言, as it runs (no restart).
    other = "en" if language != "en" else "zh_TW"
    first_menu = laptop.menuBar().actions()[0]
    shown_before = first_menu.text()
    laptop.language_actions[other].trigger()
    wait(lambda: first_menu.text() != shown_before and not laptop.is_busy(), "the desk in the other language")
    wait(lambda: laptop.viewer.view.has_image(), "the laptop's photo again")
    save(laptop, f"desk-1366x768-{other.replace('_', '-')}.png")
    laptop.language_actions[language].trigger()  # the rest in the language asked for
    wait(lambda: first_menu.text() == shown_before and not laptop.is_busy(), "the desk back in its language")

    # 6c. Staff notes (issue #21): a colleague's, pulled, and this reviewer's own, waiting to sync.
    with Session(engine) as s, s.begin():
        s.add(
            ItemNote(
                idempotency_key=str(uuid.uuid4()),
                facility_id=sync.who.facility_id,
                item_kind=photo_post.key[0],
                item_id=photo_post.key[1],
                body="家屬來電說明：照片是孩子的畢業典禮，背景有學校名稱，請留意是否需遮蔽。",
                staff_username="supervisor",
                workstation="TTD-WS-01",
                written_at=datetime.now(UTC) - timedelta(hours=20),
            )
        )
        # The service clock: the demo's oldest posts waited past the target (a long weekend, say).
        late = s.scalars(
            select(Post).where(Post.facility_id == sync.who.facility_id, Post.status == "pending").limit(3)
        )
        for days, waiting in zip((9, 8, 6), late, strict=False):
            waiting.submitted_at = datetime.now(UTC) - timedelta(days=days)
    own_note = "已向家屬確認，照片可用。"
    journal.add_note(*photo_post.key, own_note, STAFF_USERNAME, "TTD-WS-03", datetime.now(UTC))
    laptop.sync_now()
    wait(lambda: laptop.sync_controller.overdue_label.isVisible() and not laptop.is_busy(), "the sync")
    wait(lambda: "可用" in laptop.panel.notes_box.notes_label.text() and not laptop.is_busy(), "the notes")
    laptop.panel.notes_box.focus_action.trigger()
    save(laptop, "staff-notes.png")
    laptop.close()

    # 6c. The supervisor's service clock: the facility's items past the target, and its own days off.
    with Session(engine) as s, s.begin():
        s.add(FacilityDay(facility_id=sync.who.facility_id, day=date(2026, 9, 29), working=False,
                          note="颱風停班", set_by="supervisor"))
    tools = SupervisorTools(engine, Actor("supervisor", "supervisor", sync.who.facility_id, "TTD-WS-03"))
    tools.resize(*LAPTOP)
    tools.show()
    tools.setCurrentWidget(tools.service_clock)
    wait(lambda: not tools.is_busy() and tools.service_clock.summary.text() != "", "the overdue items")
    save(tools, "overdue-items.png")
    tools.close()

    executors.finish_all()  # as run_desk does: the window's last work ends before what it uses closes
    store.close()
    journal.close()
    engine.dispose()
    app.processEvents()

    # 7. The supervisors' statistics view, on a demo database of its own with a busier year.
    from screenshot_stats import shoot_statistics  # scripts/ is on sys.path when this file runs

    shoot_statistics(out, folder)

    # 8. The counsellor's view and a printed page, on a demo database of their own.
    shoot_printing(out, folder)

    # 9. The supervisor's appeals tab, on a demo database of its own.
    from screenshot_appeal import shoot_appeal

    shoot_appeal(out, folder)

    # 10. The 待覆核 queue (four eyes), on a demo database of its own.
    from screenshot_second_looks import shoot_second_looks

    shoot_second_looks(out, folder)
    return 0


def shoot_printing(out: Path, folder: Path) -> list[Path]:
    """``counsellor-view.png`` and ``printed-page.png``: a reviewer approves today's posts that pass
    the rules (as the desk would), the counsellor prints one post with a PDF attachment to a PDF
    (page 1 rendered with pdftoppm) and the posts of one housing unit, then the view is shot with all
    posts shown and the next unit ticked."""
    import shutil
    import subprocess

    from reviewer_app.demo.seed import seed
    from reviewer_app.documents.checks import check_document
    from reviewer_app.documents.store import DocumentStore
    from reviewer_app.journal import DecisionRefused, Journal
    from reviewer_app.journal.printing import unit_of
    from reviewer_app.qt import QApplication
    from reviewer_app.shared_db.engine import make_engine, upgrade
    from reviewer_app.sync.service import Sync, facility_of
    from reviewer_app.ui.printing.print_view import PrintView

    app = QApplication.instance()
    assert app is not None, "make the application first"
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise RuntimeError("pdftoppm (poppler-utils) is needed for printed-page.png")
    out.mkdir(parents=True, exist_ok=True)
    print("seeding the printing demo database…", flush=True)
    engine = make_engine(f"sqlite:///{folder / 'printing.sqlite3'}")
    upgrade(engine)
    seed(engine, families=24, full_documents=12)
    facility_id = facility_of(engine, "counsellor")

    review = Journal(folder / "reviewer-journal.sqlite3")
    reviewer = Sync(engine, review, "reviewer", "TTD-WS-03", facility_id)
    reviewer.pull(batch=100)
    seen = DocumentStore(engine, folder / "review-cache", None)
    for item in review.items():
        if item.kind != "post":
            continue
        for doc in item.snapshot.documents:  # opened, as the desk's viewer does (R7: approvals need it)
            check = check_document(seen, doc, item.snapshot.policy)
            if check is not None:
                review.record_document_check(check, reviewer.clock())
        try:
            review.decide(
                kind="post",
                item_id=item.item_id,
                outcome="approve",
                staff_username="reviewer",
                workstation="TTD-WS-03",
                now=reviewer.clock(),
            )
        except DecisionRefused:
            continue
    reviewer.push()
    seen.close()
    review.close()

    journal = Journal(folder / "counsellor-journal.sqlite3")
    sync = Sync(engine, journal, "counsellor", "TTD-WS-07", facility_id)
    store = DocumentStore(engine, folder / "print-cache", None)
    view = PrintView(journal, sync, store, staff_display_name="黃輔導員")
    view.resize(WIDTH, 820)
    view.show()

    def wait(condition: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}")
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()

    wait(lambda: not view.is_busy() and view.model.rowCount() > 0, "the counsellor's list")
    desk = view.desk
    to_print = desk.to_print()
    showcase = next(
        (p for p in to_print if any(d.mime_type == "application/pdf" for d in p.snapshot.documents)),
        to_print[0],
    )
    printed_pdf = folder / "printed.pdf"
    desk.print_pdf([showcase], printed_pdf)
    page = out / "printed-page.png"
    command = [pdftoppm, "-r", "110", "-f", "1", "-l", "1", "-png", "-singlefile"]
    subprocess.run([*command, str(printed_pdf), str(page.with_suffix(""))], check=True)
    print(f"wrote {page.relative_to(ROOT) if page.is_relative_to(ROOT) else page}", flush=True)

    first_unit = unit_of(to_print[0].housing_unit)
    desk.print_pdf([p for p in desk.to_print() if unit_of(p.housing_unit) == first_unit], folder / "unit.pdf")
    desk.push()
    view.refresh()
    wait(lambda: not view.is_busy(), "the list after printing")
    view.set_filter("all")
    remaining = desk.to_print()
    if remaining:
        next_unit = unit_of(remaining[0].housing_unit)
        view.model.set_checked([p.post_id for p in remaining if unit_of(p.housing_unit) == next_unit])
    view.tree.setFocus()
    wait(lambda: True, "the ticks")
    shot = out / "counsellor-view.png"
    view.grab().save(str(shot))
    print(f"wrote {shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot}", flush=True)
    # 暫緩轉交: the seed's restricted and transferred inmates, at a laptop's 1366×768
    view.model.check_all(False)
    view.set_filter("held_back")
    view.resize(1366, 768)
    wait(lambda: True, "the held-back lane")
    held = out / "counsellor-held-back.png"
    view.grab().save(str(held))
    print(f"wrote {held.relative_to(ROOT) if held.is_relative_to(ROOT) else held}", flush=True)
    shots = [page, shot, held, *shoot_counsellors_day(out, folder, view, wait, pdftoppm)]
    view.close()
    store.close()
    journal.close()
    engine.dispose()
    app.processEvents()
    return shots


def shoot_counsellors_day(
    out: Path, folder: Path, view: Any, wait: Callable[[Callable[[], bool], str], None], pdftoppm: str
) -> list[Path]:
    """The scan refused for the wrong inmate (the view at 1366×768), 今日工作 with one post held back,
    and page 1 of the hand-over sheets."""
    import subprocess

    from reviewer_app.journal.printing import HANDOVER_FROM
    from reviewer_app.printing.handover_sheet import unit_sheets, write_sheets_pdf
    from reviewer_app.printing.page_code import code_text

    desk = view.desk
    waiting = [p for p in desk.queue() if p.local_status in HANDOVER_FROM]
    sick = waiting[-1]
    desk.book.record_handover(
        [sick.post_id],
        outcome="undeliverable",
        reason="other",
        note="收容人住院中",
        handed_over_by="黃輔導員",
        handed_over_at=desk.clock(),
        recorded_by=desk.username,
        workstation=desk.workstation,
        now=desk.clock(),
    )
    view.refresh()
    wait(lambda: not view.is_busy(), "the list with one held back")
    written: list[Path] = []

    page = waiting[0]
    other = next(p for p in waiting if p.inmate.id != page.inmate.id and p.post_id != sick.post_id)
    key = next(r.key for r in reversed(desk.book.prints(("pending", "synced"))) if r.post_id == page.post_id)
    view.set_filter("to_hand_over")
    view.resize(*LAPTOP)
    for text in (other.call_number, code_text(key)):  # the wrong inmate's card, then the page
        view.scan_bar.edit.setText(text)
        view.scan_bar.edit.returnPressed.emit()
        wait(lambda: not view.is_busy(), "the scan")
    shot = out / "counsellor-scan-1366x768.png"
    view.grab().save(str(shot))
    written.append(shot)

    view.open_morning()
    morning = view.morning_dialog
    morning.resize(1300, 700)
    wait(lambda: True, "the morning view")
    shot = out / "morning-view.png"
    morning.grab().save(str(shot))
    written.append(shot)
    morning.close()

    sheets_pdf = folder / "sheets.pdf"
    to_hand = [p for p in desk.queue() if p.local_status in HANDOVER_FROM and p.post_id != sick.post_id]
    facility = to_hand[0].snapshot.facility.name
    write_sheets_pdf(
        sheets_pdf, unit_sheets(to_hand), facility_name=facility, printed_by="黃輔導員", now=desk.clock()
    )
    shot = out / "handover-sheet.png"
    command = [pdftoppm, "-r", "80", "-f", "1", "-l", "1", "-png", "-singlefile"]
    subprocess.run([*command, str(sheets_pdf), str(shot.with_suffix(""))], check=True)
    written.append(shot)
    for path in written:
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)
    return written


if __name__ == "__main__":
    sys.exit(main())
