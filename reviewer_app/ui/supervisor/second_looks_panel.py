"""The 待覆核 queue (four eyes, issue 21): first decisions of colleagues that wait for a second look,
with who made them, when, their note and the documents; Confirm (Ctrl+Return) or Send back with a note
(Ctrl+R). The first decision's author sees their own rows but cannot confirm them (the engine and, on
PostgreSQL, the database refuse it as well).

Plugging it in::

    panel = SecondLooksPanel(engine, actor)
    panel.refresh()
    ...
    panel.shutdown()             # returns at once; a verdict still being saved ends

Reads and verdicts run on the shared network workers. A verdict announces DECISIONS and SUSPENSIONS;
every open panel (this one too) reloads when it hears them. A colleague who settled the row first is
named in the message (a visible conflict, never a silent overwrite).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.qt import (
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QImage,
    QLabel,
    QMainWindow,
    QObject,
    QPixmap,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision import second_looks as tools
from reviewer_app.supervision.second_looks import WaitingLook
from reviewer_app.ui.common import executors, words
from reviewer_app.ui.common.changes import DECISIONS, SUSPENSIONS
from reviewer_app.ui.common.live_texts import LiveTexts, Say, is_language_change, label, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.common.shortcuts import make_action, retranslate_actions
from reviewer_app.ui.supervisor.common import (
    ColumnSpec,
    ReasonDialog,
    RowsModel,
    day,
    failure_message,
    make_table,
    select_current_row,
    when,
)
from reviewer_app.ui.supervisor.staff_notes import notes_html
from reviewer_app.ui.viewer.documents import DocumentSource, prepare

Clock = Callable[[], datetime]
#: How large each upload is shown under the first decision.
THUMB = QSize(300, 190)


def subject_word(code: str) -> str:
    labels = {
        "application": QCoreApplication.translate("SecondLooks", "Approve service application"),
        "suspension_lift": QCoreApplication.translate("SecondLooks", "Lift suspension"),
        "suspension_shorten": QCoreApplication.translate("SecondLooks", "Shorten suspension"),
    }
    return labels.get(code, code)


class SecondLooksModel(RowsModel[WaitingLook]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("SecondLooks", "First decision"),
                    lambda r: subject_word(r.subject),
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("SecondLooks", "Family"), lambda r: r.applicant_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("SecondLooks", "Call number"),
                    lambda r: r.inmate_call_number,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("SecondLooks", "Inmate"), lambda r: r.inmate_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("SecondLooks", "Decided by"),
                    lambda r: f"{r.first_staff_name}（{r.first_staff}）",
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("SecondLooks", "Decided at"),
                    lambda r: when(r.first_at),
                    lambda r: r.first_at,
                ),
            ],
            parent,
        )


class SecondLooksPanel(BackgroundWidget):
    #: A verdict was saved.
    changed = Signal()
    #: Something failed or was refused; the zh-TW message is also shown in the panel.
    failed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        documents: DocumentSource | None = None,
        clock: Clock = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("secondLooksPanel")
        self.engine = engine
        self.actor = actor
        self.clock = clock
        self.documents = documents  # where the uploads' bytes come from; None: listed only
        self.dialog: ReasonDialog | None = None
        #: The row whose documents are shown (a late answer for another row is dropped).
        self._shown_look: int | None = None
        self._listed = False  # a list has arrived (an empty one says so)
        self.texts = texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self._message: Say = str  # the message line, said again at a language change

        self.model = SecondLooksModel(self)
        self.view = make_table(self.model, "secondLooks")
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        texts.bind(self.view.setAccessibleName, lambda: self.tr("Decisions waiting for a second look"))
        self.detail = QLabel()
        self.detail.setObjectName("secondLookDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        self.strip = QHBoxLayout()  # the application's documents, as the first member saw them
        self.strip_labels: list[QLabel] = []

        self.confirm_action = make_action(
            self,
            lambda: self.tr("Confirm"),
            ["Ctrl+Return", "Ctrl+Enter"],
            self.confirm,
            "confirmSecondLookAction",
            "decide",
            lambda: self.tr("Confirm the colleague's decision: it takes effect now"),
        )
        self.send_back_action = make_action(
            self,
            lambda: self.tr("Send back…"),
            ["Ctrl+R"],
            self.ask_send_back,
            "sendBackAction",
            "decide",
            lambda: self.tr("Send the decision back with a note: it does not take effect"),
        )
        self.refresh_action = make_action(
            self, lambda: self.tr("Refresh"), ["F5"], self.refresh, "refreshSecondLooksAction", "queue"
        )
        self.confirm_button = QPushButton()
        texts.bind(self.confirm_button.setText, lambda: self.tr("Confirm (Ctrl+Enter)"))
        self.confirm_button.setObjectName("confirmButton")
        self.send_back_button = QPushButton()
        texts.bind(self.send_back_button.setText, lambda: self.tr("Send back… (Ctrl+R)"))
        self.send_back_button.setObjectName("sendBackButton")
        self.refresh_button = QPushButton()
        texts.bind(self.refresh_button.setText, lambda: self.tr("Refresh (F5)"))
        self.confirm_button.clicked.connect(self.confirm)
        self.send_back_button.clicked.connect(self.ask_send_back)
        self.refresh_button.clicked.connect(self.refresh)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: select_current_row(self.view, current)
        )

        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.send_back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        intro = label(
            texts,
            lambda: self.tr(
                "Approving a service application and lifting or shortening a suspension take effect only "
                "when a second member of the facility confirms them. The family sees 審核中 until then."
            ),
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.detail)
        layout.addLayout(self.strip)
        layout.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        self._selected()
        self.listen_to({DECISIONS, SUSPENSIONS}, lambda _kinds, _origin: self.refresh())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            retranslate_actions(self)
            repaint_views(self)  # the table's headers and cells are worded when asked
            self._describe_selected()
            self._say(self._message)

    def _say(self, message: Say) -> None:
        self._message = message
        self.message_label.setText(message())

    def _describe_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.detail.setText(self.describe(row))
        elif self.model.rowCount() == 0 and self._listed:
            self.detail.setText(self.tr("Nothing waits for a second look."))
        else:
            self.detail.setText("")

    # ---- reading -------------------------------------------------------------------------------

    def selected(self) -> WaitingLook | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        engine, actor = self.engine, self.actor
        keep = self.selected()
        run_work(
            self,
            executors.network(),
            lambda: tools.waiting(engine, actor),
            lambda rows: self._show(rows, keep.id if keep else None),
            self._failed,
            "second-looks",
        )

    def _show(self, rows: list[WaitingLook], keep_id: int | None) -> None:
        self.model.set_rows(rows)
        self._listed = True
        chosen = next((n for n, r in enumerate(rows) if r.id == keep_id), 0 if rows else None)
        if chosen is not None:
            self.view.selectRow(chosen)
        self._selected()

    def _selected(self) -> None:
        row = self.selected()
        can_confirm = row is not None and not row.mine(self.actor)
        for widget in (
            self.confirm_action,
            self.confirm_button,
            self.send_back_action,
            self.send_back_button,
        ):
            widget.setEnabled(can_confirm)
        self._describe_selected()
        self._show_documents(row)

    def _show_documents(self, row: WaitingLook | None) -> None:
        """Each upload decoded off the GUI thread, at thumbnail size; a broken one says why."""
        look_id = None if row is None else row.id
        if look_id == self._shown_look and self.strip_labels:
            return
        self._shown_look = look_id
        while self.strip.count():  # the labels and the stretch after them
            item = self.strip.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.strip_labels = []
        if row is None or not row.documents:
            return
        for doc in row.documents:
            label = QLabel(self.tr("Loading…") if self.documents is not None else "")
            label.setObjectName("secondLookDocument")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFixedSize(THUMB.width() + 16, THUMB.height() + 40)
            label.setToolTip(f"{words.document_kind(doc.kind)}：{doc.filename}")
            label.setAccessibleName(words.document_kind(doc.kind))
            label.setStyleSheet("border: 1px solid #bbb; background: #fafafa;")
            self.strip.addWidget(label)
            self.strip_labels.append(label)
        self.strip.addStretch(1)
        source = self.documents
        if source is None:
            return
        docs, policy = row.documents, row.policy

        def work() -> list[tuple[QImage | None, str | None]]:
            found: list[tuple[QImage | None, str | None]] = []
            for doc in docs:
                shown = prepare(source, doc, policy, preview=(THUMB.width() * 2, THUMB.height() * 2))
                image = shown.image
                if image is not None:
                    image = image.scaled(
                        THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                    )
                found.append((image, shown.problem))
            return found

        def done(found: list[tuple[QImage | None, str | None]]) -> None:
            if self._shown_look != look_id:
                return
            for label, doc, (image, problem) in zip(self.strip_labels, docs, found, strict=True):
                if image is not None:
                    label.setPixmap(QPixmap.fromImage(image))
                else:
                    label.setWordWrap(True)
                    label.setText(f"{words.document_kind(doc.kind)}\n{problem or ''}")

        run_work(self, executors.documents(), work, done, self._failed, "second-look-documents")

    def describe(self, row: WaitingLook) -> str:
        """The first decision as the second member reads it: what, who, when, why, on which documents."""
        lines = [
            f"<b>{escape(subject_word(row.subject))}</b>："
            + self.tr("{family} ({relationship}) → {inmate} (call number {call})").format(
                family=escape(row.applicant_name),
                relationship=escape(words.relationship(row.relationship)),
                inmate=escape(row.inmate_name),
                call=escape(row.inmate_call_number),
            ),
            self.tr("Decided by {name} ({username}) at {workstation}, {when}").format(
                name=escape(row.first_staff_name),
                username=escape(row.first_staff),
                workstation=escape(row.first_workstation),
                when=when(row.first_at),
            ),
        ]
        if row.subject == "suspension_shorten" and row.proposed_ends_at is not None:
            lines.append(
                self.tr("New end: {new} (was {old})").format(
                    new=day(row.proposed_ends_at), old=day(row.suspension_ends_at)
                )
            )
        elif row.subject == "suspension_lift":
            lines.append(self.tr("Due to end: {old}").format(old=day(row.suspension_ends_at)))
        if row.first_note:
            lines.append(self.tr("Note: {note}").format(note=escape(row.first_note)))
        if row.documents:
            docs = "、".join(
                f"{escape(words.document_kind(d.kind))}（{escape(d.filename)}，{words.file_size(d.size_bytes)}）"
                for d in row.documents
            )
            lines.append(self.tr("Documents: {documents}").format(documents=docs))
        if row.notes:
            lines.append(notes_html(row.notes))
        if row.mine(self.actor):
            lines.append(
                "<span style='color:#a05a00'><b>"
                + self.tr("Your own decision: another member of the facility confirms it.")
                + "</b></span>"
            )
        return "<br>".join(lines)

    # ---- verdicts ------------------------------------------------------------------------------

    def confirm(self) -> None:
        row = self.selected()
        if row is None or row.mine(self.actor):
            return
        engine, actor, now, look_id = self.engine, self.actor, self.clock(), row.id
        self._save(
            lambda: tools.confirm(engine, actor, look_id, now),
            lambda: self.tr("Confirmed: it takes effect now"),
        )

    def ask_send_back(self) -> None:
        row = self.selected()
        if row is None or row.mine(self.actor):
            return
        prompt = self.tr(
            "Send back {what} of {family} by {name}: it does not take effect. What should be looked at again?"
        ).format(what=subject_word(row.subject), family=row.applicant_name, name=row.first_staff_name)
        dialog = ReasonDialog(self.tr("Send back"), prompt, parent=self)
        self.dialog = dialog
        look_id = row.id
        dialog.accepted.connect(lambda: self.send_back(look_id, dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def send_back(self, look_id: int, note: str) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()
        self._save(
            lambda: tools.send_back(engine, actor, look_id, note, now),
            lambda: self.tr("Sent back with your note: it does not take effect"),
        )

    def _save(self, fn: Callable[[], object], done_text: Say) -> None:
        def saved(_: object) -> None:
            self._say(done_text)
            self.changed.emit()  # the reload follows: this panel hears the kinds it announced

        def refused(exc: BaseException) -> None:
            self._failed(exc)
            self.refresh()  # a colleague settled it first: the queue shows what is left

        run_work(self, executors.network(), fn, saved, refused, "second-look", saves=[DECISIONS, SUSPENSIONS])

    def _failed(self, exc: BaseException) -> None:
        self._say(lambda: failure_message(exc))
        self.failed.emit(self.message_label.text())


class SecondLooksWindow(QMainWindow):
    """The 待覆核 queue in a window of its own, opened from the desk's Review menu (Ctrl+Shift+K):
    its Ctrl+Enter confirms here and never approves the item under review on the desk."""

    def __init__(
        self, engine: Engine, actor: Actor, *, documents: DocumentSource | None = None, clock: Clock = utcnow
    ) -> None:
        super().__init__()
        self.setObjectName("secondLooksWindow")
        self.texts = LiveTexts()  # the title follows the desk's language
        self.texts.bind(
            self.setWindowTitle,
            lambda: QCoreApplication.translate("SecondLooks", "Waiting for a second look (待覆核)"),
        )
        self.panel = SecondLooksPanel(engine, actor, documents=documents, clock=clock)
        self.setCentralWidget(self.panel)
        self.resize(1100, 680)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()

    def shutdown(self) -> None:
        self.panel.shutdown()

    def closeEvent(self, event: object) -> None:
        self.panel.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]
