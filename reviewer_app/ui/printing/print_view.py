"""The counsellor's view (輔導員): approved posts to print, printed ones to hand over.

A tree grouped by housing unit → inmate → post with check boxes; tick many (a unit, an inmate, or one
post), then 預覽列印 (Ctrl+P, a QPrintPreviewDialog), 列印 (to a printer), 輸出 PDF, 重印… (asks a
reason) or 登錄轉交… (delivered by whom and when, or undeliverable: 移監 / 出監 / 其他). A whole print
run can be ticked at once from 選取整批. Printing marks the posts printed in the workstation's journal
and pushes; so does the hand-over (reviewer_app/journal/printing.py, reviewer_app/sync/push_records.py).

Standalone: it takes the journal, the sync (its engine is the shared database) and the document
store it needs. Its background work runs on the shared executors: the list and the pushes on the
network workers, one at a time (lane.py), hand-overs on the journal's worker, decoding and painting
on the documents' worker; the widgets only show what comes back. A print run and a hand-over are
written even when the view closes meanwhile, and announce PRINTED / HANDOVERS: every open print view
(this one too) reloads its list when it hears them. Plugging it in for the counsellor role (and
supervisors, who may print too: ``security.can(role, "print")``)::

    view = PrintView(context.journal, context.sync, context.documents, staff_display_name=name)
    ...                     # a tab or the central widget; view.shutdown() (closeEvent) returns at once

It never pulls claims (a counsellor reviews nothing): it reads its own list and pushes with
``Sync.push``. Its parts: the tree (tree_model.py), the actions (commands.py), the preview
(preview_dialog.py), the reprint and hand-over questions (reprint_dialog.py, handover_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from reviewer_app.core.timeutil import local
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal.journal import Journal
from reviewer_app.journal.page_scan import ScanOutcome, hand_over_scanned
from reviewer_app.journal.printing import (
    HANDOVER_FROM,
    PRINTABLE,
    PRINTED_STATUSES,
    RETURNED,
    PrintRefused,
    QueuedPost,
)
from reviewer_app.printing.batch import Fetch, PreparedPost, Quality, prepare_post
from reviewer_app.printing.handover_sheet import UnitSheet, render_sheets, unit_sheets, write_sheets_pdf
from reviewer_app.printing.jobs import PrintDesk, PrintRun
from reviewer_app.printing.page_code import key_of
from reviewer_app.printing.render import (
    RenderSummary,
    configure_printer,
    new_pdf_printer,
    print_font_family,
)
from reviewer_app.qt import (
    QComboBox,
    QDialog,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPrintDialog,
    QPrinter,
    QProgressBar,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.sync.service import PushResult, SharedDatabaseUnavailable, Sync
from reviewer_app.ui.common import executors, words
from reviewer_app.ui.common.announcer import Announcer
from reviewer_app.ui.common.changes import HANDOVERS, PRINTED
from reviewer_app.ui.common.executors import Executor
from reviewer_app.ui.common.file_dialog import save_file_dialog
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.common.shortcuts import make_action, retranslate_actions
from reviewer_app.ui.printing.commands import make_print_commands, tool_button
from reviewer_app.ui.printing.handover_dialog import HandoverDialog, HandoverInput
from reviewer_app.ui.printing.lane import SerialLane
from reviewer_app.ui.printing.morning_view import MorningDialog
from reviewer_app.ui.printing.preview_dialog import PostsPreviewDialog
from reviewer_app.ui.printing.print_list import (
    UNDELIVERABLE,
    PrintList,
    UndeliverableNote,
    batch_label,
    load_print_list,
    post_notes,
    status_text,
    transferred_text,
    undeliverable_text,
)
from reviewer_app.ui.printing.record_question import RecordQuestion
from reviewer_app.ui.printing.reprint_dialog import ReprintDialog
from reviewer_app.ui.printing.scan_bar import ScanBar, scan_outcome_text
from reviewer_app.ui.printing.tree_model import PrintQueueModel, print_tree

T = TypeVar("T")


class PrintView(BackgroundWidget):
    #: the list on screen is the newest
    refreshed = Signal()
    #: posts were printed (paper or PDF) and recorded: how many
    printed = Signal(int)
    #: a PDF was written without recording a print (its path)
    exported = Signal(str)
    #: hand-overs were recorded: how many
    handedOver = Signal(int)
    #: a line for the counsellor (also shown in the view)
    message = Signal(str)
    #: the shared database answered (True) or could not be reached (False)
    connectionChanged = Signal(bool)

    def __init__(
        self,
        journal: Journal,
        sync: Sync,
        documents: DocumentStore | Fetch,
        *,
        staff_display_name: str,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("printView")
        if sync.journal is not journal:
            raise ValueError("the sync must push this journal")
        self.journal = journal
        fetch = documents.fetch_to_print if isinstance(documents, DocumentStore) else documents
        self.desk = PrintDesk(sync, fetch, staff_display_name, clock)
        self.shared_db = SerialLane(self, self._update_actions)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(self.printer)
        self._loaded: PrintList | None = None
        self.preview_dialog: PostsPreviewDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.reprint_dialog: ReprintDialog | None = None
        self.handover_dialog: HandoverDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.record_question: RecordQuestion | None = None
        self.morning_dialog: MorningDialog | None = None
        self._closed = False

        self.model = PrintQueueModel(self)
        self.tree = print_tree(self.model)

        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("printFilter")
        for key, label in self._filter_words():
            self.filter_combo.addItem(label, key)
        self.filter_combo.currentIndexChanged.connect(self._show)
        self.batch_combo = QComboBox()
        self.batch_combo.setObjectName("printBatches")
        self.batch_combo.setMinimumContentsLength(18)
        self.batch_combo.activated.connect(self._batch_chosen)

        self.commands = make_print_commands(
            self,
            refresh=self.refresh,
            preview=self.preview_checked,
            print_=self.print_checked,
            pdf=self.export_checked,
            reprint=self.reprint_checked,
            handover=self.handover_checked,
            tick_all=lambda: self.model.check_all(True),
            tick_none=lambda: self.model.check_all(False),
            back_to_print=self.back_to_print_checked,
        )
        c = self.commands
        self.morning_action = make_action(
            self,
            lambda: self.tr("Today's work"),
            ["Ctrl+Shift+M"],
            self.open_morning,
            "printMorning",
            "print",
        )
        self.morning_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.texts = LiveTexts()  # the fixed words, said again when the language changes
        bar = QHBoxLayout()
        show_label, run_label = QLabel(), QLabel()
        self.texts.bind(show_label.setText, lambda: self.tr("Show"))
        self.texts.bind(run_label.setText, lambda: self.tr("Tick a print run"))
        bar.addWidget(show_label)
        bar.addWidget(self.filter_combo)
        bar.addSpacing(12)
        bar.addWidget(run_label)
        bar.addWidget(self.batch_combo)
        bar.addStretch(1)
        for action in (self.morning_action, c.refresh, c.tick_all, c.tick_none):
            bar.addWidget(tool_button(action))
        buttons = QHBoxLayout()
        for action in (c.preview, c.print_, c.pdf, c.reprint, c.handover, c.back_to_print):
            buttons.addWidget(tool_button(action))
        buttons.addStretch(1)
        self.progress = QProgressBar()
        self.progress.setObjectName("printProgress")
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        buttons.addWidget(self.progress)
        self.status_label = QLabel()
        self.status_label.setObjectName("printStatus")
        self.status_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("printMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.transferred_label = QLabel()
        self.transferred_label.setObjectName("printTransferred")
        self.transferred_label.setWordWrap(True)
        self.transferred_label.hide()

        self.scan_bar = ScanBar(self)
        self.scan_bar.pageScanned.connect(self._page_scanned)
        self.scan_action = make_action(
            self, lambda: self.tr("Scan a page"), ["F6"], self.scan_bar.focus, "printScan", "print"
        )
        self.scan_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scan_bar)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.transferred_label)
        layout.addWidget(self.message_label)

        self.model.dataChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._update_actions()
        self.listen_to({PRINTED, HANDOVERS}, lambda _kinds, _origin: self.refresh())
        self.refresh()

    def _run(
        self, executor: Executor, fn: Callable[[], T], done: Callable[[T], None], name: str, *kinds: str
    ) -> None:
        """Start `fn` on `executor`; a failure is shown in the view. With `kinds` it is a write that
        must finish (the view may close meanwhile) and announces them."""

        def ended(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                try:
                    callback(value)
                finally:
                    self._update_actions()

            return call

        run_work(self, executor, fn, ended(done), ended(self._failed), name, saves=kinds)
        self._update_actions()

    def _open(self, name: str, dialog: QDialog, accepted: Callable[[], object]) -> None:
        """Open `dialog` (modal, not blocking) as ``self.<name>`` until it closes; `accepted` runs on OK."""
        setattr(self, name, dialog)

        def finished(result: int) -> None:
            setattr(self, name, None)
            if result == QDialog.DialogCode.Accepted:
                accepted()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        QDialog.open(dialog)  # the plain open (QPrintDialog overloads open with a receiver)

    # ---- state -----------------------------------------------------------------------------------

    @property
    def scan_edit(self) -> QLineEdit:
        return self.scan_bar.edit

    @property
    def recipient_combo(self) -> QComboBox:
        return self.scan_bar.recipient_combo

    @property
    def scan_result(self) -> QLabel:
        return self.scan_bar.result

    @property
    def scan_refused(self) -> bool:
        return self.scan_bar.refused

    @property
    def announcer(self) -> Announcer:
        return self.scan_bar.announcer

    def is_busy(self) -> bool:
        return super().is_busy() or self.shared_db.busy()

    def checked_posts(self) -> list[QueuedPost]:
        return self.model.checked_posts()

    def set_filter(self, key: str) -> None:
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(key)))

    def _say(self, text: str) -> None:
        self.message_label.setText(text)
        self.message.emit(text)

    def _update_actions(self, *_: object) -> None:
        self.commands.update(self.model.checked_posts(), busy=self.is_busy(), loading=self.shared_db.busy())

    # ---- loading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the list from the shared database (on a worker); offline, the journal's last copy."""
        if self._closed:
            return
        desk = self.desk
        self.shared_db.run(lambda: load_print_list(desk), self._loaded_list, self._failed, "print-refresh")

    def _filter_words(self) -> list[tuple[str, str]]:
        return [
            ("to_print", self.tr("To print")),
            ("held_back", self.tr("Held back")),
            ("to_hand_over", self.tr("To hand over")),
            ("undeliverable", self.tr("Undeliverable")),
            ("delivered", self.tr("Delivered lately")),
            ("all", self.tr("All")),
        ]

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.retranslate()

    def retranslate(self) -> None:
        """The desk's language changed: the view's words in it; the ticks, the filter and the run
        chosen stay."""
        self.texts.retranslate()
        for index, (_key, label) in enumerate(self._filter_words()):
            self.filter_combo.setItemText(index, label)
        self.batch_combo.setItemText(0, self.tr("(choose)"))
        if self._loaded is not None:
            for index, batch in enumerate(self._loaded.batches, start=1):
                self.batch_combo.setItemText(index, batch_label(batch))
            self.status_label.setText(status_text(self._loaded))
        retranslate_actions(self)
        self._update_actions()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.headers()) - 1)
        self.tree.viewport().update()  # the rows are worded as they are painted

    def _loaded_list(self, loaded: PrintList) -> None:
        self._loaded = loaded
        self._show()
        self.batch_combo.clear()
        self.batch_combo.addItem(self.tr("(choose)"), None)
        for batch in loaded.batches:
            self.batch_combo.addItem(batch_label(batch), batch.key)
        self.status_label.setText(status_text(loaded))
        waiting = [p.inmate for p in loaded.posts if p.local_status in HANDOVER_FROM]  # in walking order
        self.scan_bar.set_inmates({i.id: i for i in waiting}.values())
        if self.morning_dialog is not None:
            self.morning_dialog.set_list(loaded, self.desk.clock())
        self.transferred_label.setText(transferred_text(loaded))
        self.transferred_label.setVisible(bool(loaded.transferred))
        self.connectionChanged.emit(not loaded.offline)
        self.refreshed.emit()

    def _show(self, *_: object) -> None:
        if self._loaded is None:
            return
        posts = self._loaded.filtered(str(self.filter_combo.currentData()))
        self.model.set_posts(posts, post_notes(self._loaded))
        self.tree.expandAll()

    def _batch_chosen(self, row: int) -> None:
        key = self.batch_combo.itemData(row)
        if not key or self._loaded is None:
            return
        batch = next((b for b in self._loaded.batches if b.key == key), None)
        if batch is None:
            return
        self.select_batch(batch.post_ids)

    def select_batch(self, post_ids: Sequence[int]) -> None:
        """Tick a whole print run's posts that still wait for their hand-over."""
        self.set_filter("to_hand_over")
        self.model.check_all(False)
        self.model.set_checked(post_ids)
        self._say(
            self.tr("{count} posts of the print run ticked").format(count=len(self.model.checked_ids()))
        )

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PrintRefused):
            self._say(words.refusal(error))
        elif isinstance(error, SharedDatabaseUnavailable):
            self._say(self.tr("The shared database is unreachable; the records wait on this workstation."))
            self.connectionChanged.emit(False)
        else:
            self._say(self.tr("Something went wrong: {error}").format(error=error))
        self.progress.hide()

    # ---- printing --------------------------------------------------------------------------------

    def _printable_checked(self) -> list[QueuedPost]:
        """The ticked posts that can be printed (none: the counsellor is told to tick some)."""
        posts = [p for p in self.model.checked_posts() if p.local_status in PRINTED_STATUSES | {PRINTABLE}]
        if not posts:
            self._say(self.tr("Tick the posts to print first."))
        return posts

    def _with_reason(self, posts: list[QueuedPost], then: Callable[[str | None], None]) -> None:
        """Ask why, when some of the posts were printed before (a reprint); then go on."""
        again = [p for p in posts if p.local_status in PRINTED_STATUSES]
        if not again:
            then(None)
            return
        dialog = ReprintDialog(len(again), self)
        self._open("reprint_dialog", dialog, lambda: then(dialog.reason()) if dialog.reason() else None)

    def preview_checked(self) -> None:
        """Ctrl+P: the ticked posts in a print preview (decoded on a worker, then shown)."""
        posts = self._printable_checked()
        if not posts:
            return
        self._with_reason(posts, lambda reason: self._prepare_preview(posts, reason))

    def _prepare_preview(self, posts: list[QueuedPost], reason: str | None) -> None:
        fetch = self.desk.fetch
        snapshots = [p.snapshot for p in posts]

        def prepare() -> list[PreparedPost]:
            print_font_family()  # made once (about half a second): here, not on the GUI thread
            return [prepare_post(s, fetch, Quality.PREVIEW, compact=True) for s in snapshots]

        self._progress(self.tr("Preparing the preview…"))
        self._run(
            executors.documents(),
            prepare,
            lambda prepared: self._open_preview(posts, prepared, reason),
            "preview",
        )

    def _open_preview(
        self, posts: list[QueuedPost], prepared: list[PreparedPost], reason: str | None
    ) -> None:
        self.progress.hide()
        if self._closed:
            return
        dialog = PostsPreviewDialog(
            self.printer,
            prepared,
            printed_by=self.desk.display_name,
            clock=self.desk.clock,
            reprints={p.post_id for p in posts if p.local_status in PRINTED_STATUSES},
            parent=self,
        )
        self._say(
            self.tr("Preview of {count} posts: nothing is recorded unless printed.").format(count=len(posts))
        )

        def closed(_result: int) -> None:
            if not dialog.print_requested:
                self._say(self.tr("Preview closed; nothing was printed."))

        dialog.finished.connect(closed)
        self._open(
            "preview_dialog",
            dialog,
            lambda: self._start_print(self.printer, posts, reason) if dialog.print_requested else None,
        )

    def print_checked(self) -> None:
        """The ticked posts to a printer (Qt's print dialog chooses it)."""
        posts = self._printable_checked()
        if not posts:
            return
        self._with_reason(posts, lambda reason: self._ask_printer(posts, reason))

    def reprint_checked(self) -> None:
        """Print again the ticked posts that were printed before (asks the reason)."""
        posts = [p for p in self.model.checked_posts() if p.local_status in PRINTED_STATUSES]
        if not posts:
            self._say(self.tr("Tick printed posts to reprint."))
            return
        self._with_reason(posts, lambda reason: self._ask_printer(posts, reason))

    def _ask_printer(self, posts: list[QueuedPost], reason: str | None) -> None:
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("printDialog")
        self._open("print_dialog", dialog, lambda: self._start_print(self.printer, posts, reason))

    def export_checked(self) -> None:
        """The ticked posts to a PDF file (asks where, in Qt's own dialog in the desk's language)."""
        posts = self._printable_checked()
        if not posts:
            return
        suggested = Path.home() / f"家庭聯絡簿-{local(self.desk.clock()):%Y%m%d-%H%M}.pdf"
        dialog = save_file_dialog(self, self.tr("Export PDF"), suggested, self.tr("PDF files (*.pdf)"), "pdf")
        chosen: list[str] = []
        dialog.fileSelected.connect(chosen.append)
        self._open("file_dialog", dialog, lambda: self.export_pdf(Path(chosen[-1])) if chosen else None)

    def export_pdf(self, path: Path, record: bool | None = None) -> None:
        """The ticked posts to `path`. Recorded as printed only if the counsellor says so (`record`
        None: asked); then a reprint reason is asked for posts printed before."""
        posts = self._printable_checked()
        if not posts:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        if record is None:
            self._ask_record(posts, path)
        elif record:
            self._with_reason(posts, lambda reason: self._start_print(new_pdf_printer(path), posts, reason))
        else:
            self._start_copy(path, posts)

    def _ask_record(self, posts: list[QueuedPost], path: Path) -> None:
        question = RecordQuestion(len(posts), self)
        self.record_question = question

        def finished(_result: int) -> None:
            self.record_question = None
            question.deleteLater()
            if question.answer is not None:
                self.export_pdf(path, record=question.answer)

        question.finished.connect(finished)
        question.open()

    def _start_copy(self, path: Path, posts: list[QueuedPost]) -> None:
        """A PDF of the posts that records nothing: they stay where they are in the list."""
        if self._closed:
            return
        desk = self.desk
        printer = new_pdf_printer(path)

        def work() -> RenderSummary:
            return desk.paint_copy(printer, posts)

        self._progress(self.tr("Writing the PDF of {count} posts…").format(count=len(posts)))
        self._run(executors.documents(), work, lambda summary: self._copied(summary, path), "pdf-copy")

    def _copied(self, summary: RenderSummary, path: Path) -> None:
        self.progress.hide()
        text = self.tr(
            "PDF written: {posts} posts, {pages} pages ({path}). Not recorded as printed: they stay in To print."  # noqa: E501
        ).format(posts=summary.posts, pages=summary.pages, path=path)
        if summary.notes:
            text += "\n" + "\n".join(summary.notes)
        self._say(text)
        self.exported.emit(str(path))

    def _progress(self, text: str, maximum: int = 0) -> None:
        self.progress.setRange(0, maximum)
        self.progress.setValue(0)
        self.progress.show()
        self._say(text)

    def _start_print(self, printer: QPrinter, posts: list[QueuedPost], reason: str | None) -> None:
        if self._closed:
            return
        desk = self.desk
        copies = max(1, printer.copyCount())

        def work() -> PrintRun:
            return desk.print_to(printer, posts, copies=copies, reprint_reason=reason)

        self._progress(self.tr("Printing {count} posts…").format(count=len(posts)))
        # Painted with the documents it fetches, then recorded in the journal: written even if the view
        # closes meanwhile (the list reloads when PRINTED is heard).
        self._run(executors.documents(), work, lambda run: self._printed(run, printer), "print-run", PRINTED)

    def _printed(self, run: PrintRun, printer: QPrinter) -> None:
        self.progress.hide()
        self.model.check_all(False)
        where = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
        text = self.tr("Printed {posts} posts, {pages} pages.").format(
            posts=run.summary.posts, pages=run.summary.pages
        )
        if where:
            text += " " + self.tr("PDF: {path}").format(path=where)
        if run.summary.notes:
            text += "\n" + "\n".join(run.summary.notes)
        self._say(text)
        self.printed.emit(run.summary.posts)
        self._push()

    # ---- hand-over -------------------------------------------------------------------------------

    def handover_checked(self) -> None:
        """登錄轉交 for the ticked printed posts (one, a few, or a whole print run)."""
        posts = [p for p in self.model.checked_posts() if p.local_status in HANDOVER_FROM]
        if not posts:
            self._say(self.tr("Tick printed posts to record their hand-over."))
            return
        dialog = HandoverDialog(len(posts), self.desk.display_name, self.desk.clock(), self)
        self._open("handover_dialog", dialog, lambda: self._record_handover(posts, dialog.values()))

    def back_to_print_checked(self) -> None:
        """放回待列印: ticked posts that could not be handed over go back to To print (the inmate is
        back); recorded and pushed like a hand-over, their reason and note kept in the history."""
        posts = [p for p in self.model.checked_posts() if p.local_status == UNDELIVERABLE]
        if not posts:
            self._say(self.tr("Tick undeliverable posts to put them back in To print."))
            return
        now = self.desk.clock()
        self._record_handover(posts, HandoverInput(RETURNED, self.desk.display_name, now, None, None, None))

    def _record_handover(self, posts: list[QueuedPost], values: HandoverInput) -> None:
        desk = self.desk
        ids = [p.post_id for p in posts]

        def record() -> int:
            records = desk.book.record_handover(
                ids,
                outcome=values.outcome,
                handed_over_by=values.handed_over_by,
                handed_over_at=values.handed_over_at,
                recipient=values.recipient,
                note=values.note,
                reason=values.reason,
                recorded_by=desk.username,
                workstation=desk.workstation,
                now=desk.clock(),
            )
            return len(records)

        def done(count: int) -> None:
            self.model.check_all(False)
            if values.outcome == "delivered":
                self._say(self.tr("Hand-over recorded for {count} posts.").format(count=count))
            elif values.outcome == RETURNED:
                self._say(self.tr("{count} posts are back in To print.").format(count=count))
            else:
                why = undeliverable_text(UndeliverableNote(values.reason, values.note))
                self._say(
                    self.tr(
                        "Recorded that {count} posts could not be handed over ({why}). They wait under Undeliverable until handed over."  # noqa: E501
                    ).format(count=count, why=why)
                )
            self.handedOver.emit(count)
            self._push()

        self._run(executors.journal(), record, done, "print-handover", HANDOVERS)

    def _page_scanned(self, text: str, inmate_id: int | None) -> None:
        """A page code from the scan field: checked and recorded in one step on the journal's worker."""
        key = key_of(text)
        if key is None:
            return
        if inmate_id is None:
            self.scan_bar.refuse(
                self.tr("Scan the inmate's card or choose the recipient first; nothing recorded.")
            )
            return
        desk = self.desk
        chosen = self.scan_bar.inmate(inmate_id)

        def record() -> ScanOutcome:
            return hand_over_scanned(
                desk.book,
                key,
                inmate_id=inmate_id,
                handed_over_by=desk.display_name,
                recorded_by=desk.username,
                workstation=desk.workstation,
                now=desk.clock(),
            )

        def done(outcome: ScanOutcome) -> None:
            text, ok = scan_outcome_text(outcome, chosen)
            if ok:
                self.scan_bar.done(text)
                self.handedOver.emit(1)
                self._push()
            else:
                self.scan_bar.refuse(text)

        def failed(error: BaseException) -> None:
            self.scan_bar.refuse(words.refusal(error) if isinstance(error, PrintRefused) else str(error))

        run_work(self, executors.journal(), record, done, failed, "print-scan", saves=(HANDOVERS,))

    # ---- the morning ------------------------------------------------------------------------------

    def open_morning(self) -> None:
        """今日工作 (Ctrl+Shift+M): the day at one glance, and the hand-over sheets."""
        if self.morning_dialog is None:
            dialog = MorningDialog(
                print_sheets=self._ask_sheets_printer, sheets_pdf=self.write_sheets, parent=self
            )
            self.morning_dialog = dialog

            def closed(_result: int) -> None:
                self.morning_dialog = None
                dialog.deleteLater()

            dialog.finished.connect(closed)
        if self._loaded is not None:
            self.morning_dialog.set_list(self._loaded, self.desk.clock())
        self.morning_dialog.show()
        self.morning_dialog.raise_()

    def _sheets(self) -> tuple[list[UnitSheet], str]:
        posts = self._loaded.filtered("to_hand_over") if self._loaded is not None else []
        facility = posts[0].snapshot.facility.name if posts else ""
        return unit_sheets(posts), facility

    def _ask_sheets_printer(self) -> None:
        sheets, facility = self._sheets()
        if not sheets:
            return
        dialog = QPrintDialog(self.printer, self)
        dialog.setObjectName("sheetsPrintDialog")
        printer, desk = self.printer, self.desk

        def paint() -> int:
            return render_sheets(
                printer, sheets, facility_name=facility, printed_by=desk.display_name, now=desk.clock()
            )

        self._open(
            "print_dialog",
            dialog,
            lambda: self._run(executors.documents(), paint, self._sheets_done, "sheets-print"),
        )

    def write_sheets(self, path: Path) -> None:
        """The hand-over sheets of the units to hand over, one page a unit, as a PDF at `path`."""
        sheets, facility = self._sheets()
        if not sheets:
            self._say(self.tr("Nothing to hand over: no hand-over sheet."))
            return
        desk = self.desk

        def write() -> int:
            return write_sheets_pdf(
                path, sheets, facility_name=facility, printed_by=desk.display_name, now=desk.clock()
            )

        def done(pages: int) -> None:
            self._sheets_done(pages, str(path))
            self.exported.emit(str(path))

        self._progress(self.tr("Writing the hand-over sheets…"))
        self._run(executors.documents(), write, done, "sheets-pdf")

    def _sheets_done(self, pages: int, where: str = "") -> None:
        self.progress.hide()
        text = self.tr("Hand-over sheets: {pages} pages, one per housing unit.").format(pages=pages)
        self._say(text + (f" {where}" if where else ""))

    # ---- sync ------------------------------------------------------------------------------------

    def _push(self) -> None:
        """The records just written go to the shared database; the refresh their notification asked
        for waits behind the push in the lane, and shows the outcome either way."""

        def pushed(result: PushResult) -> None:
            self.connectionChanged.emit(True)
            notes = result.records.notes
            if notes:
                self._say(self.message_label.text() + "\n" + "\n".join(notes))

        self.shared_db.run(self.desk.push, pushed, self._failed, "print-push", PRINTED)

    # ---- closing ---------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Returns at once (closeEvent calls it too): reads are dropped, a print run or hand-over being
        written ends in the background (the process waits for it at exit: executors.finish_all)."""
        if self._closed:
            return
        self._closed = True
        self.shared_db.close()
        super().shutdown()
