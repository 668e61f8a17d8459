"""申覆 (appeals): the facility's appeals, the undecided oldest first. For the selected one, everything
the supervisor needs to look again: the rejected item (title and body, or the application), its
documents (pictures drawn off the GUI thread), the original reasons as the family read them, the first
reviewer's note, whether the rejection was a strike, and the family's own words. Uphold (Alt+U) or
Overturn (Alt+O) with the reasons for the family, by keyboard; the engine refuses the member who
rejected the item (supervision/appeals.py), and the buttons say so before.

Reads and writes through :mod:`reviewer_app.supervision.appeals` on the shared network workers.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.core.appeal_reply import OUTCOME_WORDS, REASONING_MAX_CHARS, item_words
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.policy import Policy
from reviewer_app.documents.limits import DocumentLimits
from reviewer_app.documents.loader import load_document
from reviewer_app.documents.verdicts import ImageDocument, Rejected
from reviewer_app.qt import (
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QIcon,
    QImage,
    QLabel,
    QMessageBox,
    QObject,
    QPixmap,
    QPlainTextEdit,
    QPushButton,
    QSize,
    QSplitter,
    Qt,
    QtWidgets,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision import appeals as appeal_tools
from reviewer_app.supervision.appeals import AppealRow
from reviewer_app.ui.common import executors, words
from reviewer_app.ui.common.changes import STRIKES, SUSPENSIONS
from reviewer_app.ui.common.live_texts import LiveTexts, Say, is_language_change, label, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.supervisor.common import (
    ColumnSpec,
    RowsModel,
    day,
    failure_message,
    make_table,
    select_current_row,
    when,
)
from reviewer_app.ui.supervisor.staff_notes import notes_html
from reviewer_app.ui.viewer.document_qt import to_qimage

# The kind of data an appeal's decision changes (besides strikes and suspensions, for an overturn).
APPEALS = "appeals"
# How big a document's picture is drawn in the list.
THUMBNAIL = QSize(220, 165)

Fetch = Callable[[DocumentRef], "bytes | Rejected"]


class AppealsModel(RowsModel[AppealRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ColumnSpec(lambda: QCoreApplication.translate("AppealsModel", "Status"), self._status),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AppealsModel", "Appealed on"),
                    lambda r: day(r.submitted_at),
                    lambda r: r.submitted_at,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AppealsModel", "Family"), lambda r: r.applicant_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AppealsModel", "Call number"),
                    lambda r: r.inmate_call_number,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AppealsModel", "Item"),
                    lambda r: item_words(r.item_kind, r.title),
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("AppealsModel", "First reviewer"),
                    lambda r: r.first_reviewer,
                ),
            ],
            parent,
        )

    def _status(self, row: AppealRow) -> str:
        return self.tr("Waiting") if row.outcome is None else OUTCOME_WORDS[row.outcome]


def _paragraph(caption: str, text: str | None) -> str:
    """A caption and a text families or staff wrote: escaped, never read as HTML."""
    body = html.escape(text or "—").replace("\n", "<br>")
    return f"<p><b>{html.escape(caption)}</b><br>{body}</p>"


def _load_picture(fetch: Fetch, doc: DocumentRef) -> QImage | str:
    """The document drawn small (off the GUI thread), or why it cannot be shown."""
    data = fetch(doc)
    if isinstance(data, Rejected):
        return data.reason
    shown = load_document(data, DocumentLimits.for_kind(doc.kind, Policy()), target_size=(440, 330))
    if isinstance(shown, Rejected):
        return shown.reason
    if isinstance(shown, ImageDocument):
        return to_qimage(shown.image)
    try:  # a PDF: its first page
        return to_qimage(shown.render_page(0, 440)) if shown.page_count else "PDF"
    except Exception as exc:  # a page that cannot be drawn in time: say so, never a traceback
        return str(exc) or "PDF"
    finally:
        shown.close()


class AppealsPanel(BackgroundWidget):
    """The appeals queue and the selected appeal, with Uphold and Overturn."""

    #: Emitted after a decision was saved (the table reloads itself).
    changed = Signal()
    #: A refusal or a failure, in the member's words.
    failed = Signal(str)

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        fetch: Fetch | None = None,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appealsPanel")
        self.engine, self.actor, self.fetch, self.clock = engine, actor, fetch, clock
        self.question: QMessageBox | None = None
        self._pictures_for: int | None = None
        self.texts = texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self._message: Say = str  # the message line, said again at a language change

        self.model = AppealsModel(self)
        self.view = make_table(self.model, "appeals")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: select_current_row(self.view, current)
        )
        self.view.selectionModel().selectionChanged.connect(self._selected)
        texts.bind(self.view.setAccessibleName, lambda: self.tr("Appeals"))

        self.details = QtWidgets.QTextBrowser()
        self.details.setObjectName("appealDetails")
        self.details.setOpenLinks(False)
        texts.bind(self.details.setAccessibleName, lambda: self.tr("The appeal and the rejected item"))
        self.documents = QtWidgets.QListWidget()
        self.documents.setObjectName("appealDocuments")
        self.documents.setViewMode(QtWidgets.QListWidget.ViewMode.IconMode)
        self.documents.setIconSize(THUMBNAIL)
        self.documents.setResizeMode(QtWidgets.QListWidget.ResizeMode.Adjust)
        self.documents.setWrapping(False)
        self.documents.setGridSize(QSize(THUMBNAIL.width() + 24, THUMBNAIL.height() + 44))
        self.documents.setWordWrap(True)
        self.documents.setFixedHeight(THUMBNAIL.height() + 48)
        texts.bind(self.documents.setAccessibleName, lambda: self.tr("Documents of the rejected item"))

        self.reasoning = QPlainTextEdit()
        self.reasoning.setObjectName("appealReasoning")
        self.reasoning.setTabChangesFocus(True)  # Tab goes on to the buttons
        texts.bind(
            self.reasoning.setPlaceholderText,
            lambda: self.tr("Your reasons, for the family (required, at most {count} characters)").format(
                count=REASONING_MAX_CHARS
            ),
        )
        texts.bind(self.reasoning.setAccessibleName, lambda: self.tr("Reasons for the family"))
        self.reasoning.setFixedHeight(72)
        self.reasoning.textChanged.connect(self._update_buttons)
        self.uphold_button = QPushButton()
        texts.bind(self.uphold_button.setText, lambda: self.tr("&Uphold the rejection"))
        self.uphold_button.setObjectName("upholdAppeal")
        self.overturn_button = QPushButton()
        texts.bind(self.overturn_button.setText, lambda: self.tr("&Overturn the rejection"))
        self.overturn_button.setObjectName("overturnAppeal")
        self.uphold_button.clicked.connect(lambda: self.ask("upheld"))
        self.overturn_button.clicked.connect(lambda: self.ask("overturned"))
        self.refresh_button = QPushButton()
        texts.bind(self.refresh_button.setText, lambda: self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.hint = QLabel()
        self.hint.setObjectName("appealHint")
        self.hint.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 1)
        right_layout.addWidget(self.documents)
        right_layout.addWidget(label(texts, lambda: self.tr("Reasons for the family")))
        right_layout.addWidget(self.reasoning)
        buttons = QHBoxLayout()
        buttons.addWidget(self.uphold_button)
        buttons.addWidget(self.overturn_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.hint)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        explanation = label(
            texts,
            lambda: self.tr(
                "A family may ask once for a rejection to be looked at again. Someone other than the "
                "member who rejected it decides; an overturn removes the strike and may end a suspension."
            ),
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)
        self.setTabOrder(self.view, self.reasoning)
        self.setTabOrder(self.reasoning, self.uphold_button)
        self.setTabOrder(self.uphold_button, self.overturn_button)
        self._show_details(None)
        self.listen_to({APPEALS, STRIKES, SUSPENSIONS}, lambda _kinds, _origin: self.refresh())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            repaint_views(self)  # the table's headers and cells are worded when asked
            self._show_details(self.selected())  # the captions of the appeal shown, the hint
            self._say(self._message)

    def _say(self, message: Say) -> None:
        self._message = message
        self.message_label.setText(message())

    # ---- reading -------------------------------------------------------------------------------

    def selected(self) -> AppealRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        engine, actor = self.engine, self.actor
        keep = self.selected()
        run_work(
            self,
            executors.network(),
            lambda: appeal_tools.appeals(engine, actor),
            lambda rows: self._show(rows, keep.id if keep else None),
            self._failed,
            "appeals",
        )

    def _show(self, rows: list[AppealRow], keep: int | None) -> None:
        self.model.set_rows(rows)
        waiting = sum(1 for r in rows if not r.decided)
        self._say(lambda: self.tr("{count} appeals waiting").format(count=waiting))
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0 if rows else None)
        if index is not None:
            self.view.selectRow(index)
        else:
            self._show_details(None)

    def _selected(self) -> None:
        row = self.selected()
        self._show_details(row)
        if row is not None and row.id != self._pictures_for:
            self.reasoning.clear()
            self._load_pictures(row)

    def _show_details(self, row: AppealRow | None) -> None:
        if row is None:
            self.details.setHtml(_paragraph(self.tr("Appeals"), self.tr("No appeal selected.")))
            self.documents.clear()
            self._pictures_for = None
            self._update_buttons()
            return
        parts = [
            f"<h3>{html.escape(item_words(row.item_kind, row.title))}</h3>",
            _paragraph(
                self.tr("Family"),
                self.tr("{family} · call number {call_number}").format(
                    family=row.applicant_name, call_number=row.inmate_call_number
                ),
            ),
            _paragraph(self.tr("The family's appeal ({day})").format(day=when(row.submitted_at)), row.text),
            _paragraph(
                self.tr("Rejected on {day} by {reviewer}").format(
                    day=when(row.rejected_at), reviewer=row.first_reviewer
                ),
                row.message_to_family,
            ),
        ]
        if row.staff_note:
            parts.append(_paragraph(self.tr("The first reviewer's note (staff only)"), row.staff_note))
        if row.notes:
            parts.append(f"<p>{notes_html(row.notes)}</p>")
        if row.strike_id is None:
            strike = self.tr("Not a strike")
        elif row.strike_dismissed:
            strike = self.tr("A strike, dismissed")
        else:
            strike = self.tr("A strike (P7): an overturn dismisses it")
        parts.append(_paragraph(self.tr("Strike"), strike))
        if row.item_kind == "post":
            parts.append(_paragraph(self.tr("Body"), row.body))
        else:
            relationship = words.relationship(row.relationship) if row.relationship else ""
            parts.append(_paragraph(self.tr("Relationship"), relationship))
        if row.decided:
            parts.append(
                _paragraph(
                    self.tr("{outcome} on {day} by {member}; the reply to the family").format(
                        outcome=OUTCOME_WORDS[row.outcome or ""],
                        day=when(row.decided_at),
                        member=row.decided_by,
                    ),
                    row.reply,
                )
            )
        self.details.setHtml("".join(parts))
        self._update_buttons()

    def _load_pictures(self, row: AppealRow) -> None:
        self._pictures_for = row.id
        self.documents.clear()
        items: dict[int, QtWidgets.QListWidgetItem] = {}
        for doc in row.documents:
            item = QtWidgets.QListWidgetItem(f"{words.document_kind(doc.kind)}\n{doc.filename}")
            item.setToolTip(doc.filename)
            self.documents.addItem(item)
            items[doc.id] = item
        fetch = self.fetch
        if fetch is None:
            return
        appeal_id = row.id
        for doc in row.documents:

            def shown(picture: QImage | str, doc_id: int = doc.id) -> None:
                item = items.get(doc_id)
                if self._pictures_for != appeal_id or item is None:
                    return  # another appeal was selected meanwhile
                if isinstance(picture, QImage):
                    item.setIcon(QIcon(QPixmap.fromImage(picture)))
                else:
                    item.setText(f"{item.text()}\n{picture}")

            def draw(d: DocumentRef = doc) -> QImage | str:
                return _load_picture(fetch, d)

            run_work(
                self,
                executors.documents(),
                draw,
                shown,
                lambda exc: self._say(lambda: failure_message(exc)),
                "appeal-document",
            )

    # ---- deciding ------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        row = self.selected()
        words = len(self.reasoning.toPlainText().strip())
        own = row is not None and row.first_reviewer == self.actor.username
        can = row is not None and not row.decided and not own and 2 <= words <= REASONING_MAX_CHARS
        self.uphold_button.setEnabled(can)
        self.overturn_button.setEnabled(can)
        self.reasoning.setReadOnly(row is None or row.decided or own)
        if own:
            self.hint.setText(
                self.tr("You rejected this item yourself: another supervisor decides its appeal.")
            )
        elif row is not None and row.decided:
            self.hint.setText(self.tr("Decided: an appeal is decided once."))
        elif words > REASONING_MAX_CHARS:
            self.hint.setText(self.tr("At most {count} characters.").format(count=REASONING_MAX_CHARS))
        elif row is not None and words < 2:
            self.hint.setText(self.tr("Write your reasons for the family, then uphold or overturn."))
        else:
            self.hint.setText("")

    def ask(self, outcome: str) -> None:
        """Asks before deciding (a decision is final), saying what an overturn does."""
        row = self.selected()
        if row is None or not self.uphold_button.isEnabled():
            return
        text = self.tr("Decide this appeal: {outcome}?").format(outcome=OUTCOME_WORDS[outcome])
        if outcome == "overturned" and row.strike_id is not None and not row.strike_dismissed:
            text += "\n" + self.tr(
                "Its strike is dismissed; a suspension it brought about ends with it (R2)."
            )
        text += "\n" + self.tr("The family reads your reasons. An appeal is decided once.")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Appeal"), text, parent=self)
        box.setObjectName("appealQuestion")
        yes = box.addButton(OUTCOME_WORDS[outcome], QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        reasoning, appeal_id = self.reasoning.toPlainText(), row.id

        def answered() -> None:
            self.question = None
            if box.clickedButton() is yes:
                self.decide(appeal_id, outcome, reasoning)

        box.finished.connect(answered)
        self.question = box
        box.open()

    def decide(self, appeal_id: int, outcome: str, reasoning: str) -> None:
        engine, actor, now = self.engine, self.actor, self.clock()

        def saved(row: AppealRow) -> None:
            self.reasoning.clear()
            outcome = row.outcome or ""
            self._say(lambda: self.tr("Appeal decided: {outcome}").format(outcome=OUTCOME_WORDS[outcome]))
            self.changed.emit()  # the reload follows: this panel hears the kinds it announced

        run_work(
            self,
            executors.network(),
            lambda: appeal_tools.decide_appeal(engine, actor, appeal_id, outcome, reasoning, now),
            saved,
            self._failed,
            "supervisor-action",
            saves=[APPEALS, STRIKES, SUSPENSIONS],  # an overturn may dismiss a strike, end a suspension
        )

    def _failed(self, exc: BaseException) -> None:
        self._say(lambda: failure_message(exc))
        self.failed.emit(self.message_label.text())
