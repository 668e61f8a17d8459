"""Staff notes in the decision panel (issue #21 item 6): what colleagues noted on the item (the next
reviewer, the appeal reviewer and the second pair of eyes read the same), and a box to add one. Never
shown to the family. Ctrl+Shift+N puts the cursor in the box; Tab leaves it for 加註; an unsaved
draft stays with its item while the reviewer looks at others."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reviewer_app.core.notes import NOTE_MAX_CHARS, Note, NoteRefused
from reviewer_app.journal import NotClaimed
from reviewer_app.qt import (
    QCoreApplication,
    QEvent,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.changes import DECISIONS
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.common.operations import Operation
from reviewer_app.ui.common.shortcuts import make_action, retranslate_actions

if TYPE_CHECKING:
    from reviewer_app.ui.desk.main_window import MainWindow

translate = QCoreApplication.translate

NOTE_KEYS = ("Ctrl+Shift+N",)
ItemKey = tuple[str, int]


class NotesBox(QGroupBox):
    #: (kind, item id, text): the reviewer asks to keep a note on that item
    noteRequested = Signal(str, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        texts.bind(self.setTitle, lambda: self.tr("Staff notes (never shown to the family)"))
        self.setObjectName("notesBox")
        self._key: ItemKey | None = None
        self._notes: Sequence[Note] = ()  # the notes shown, worded again at a language change
        self._drafts: dict[ItemKey, str] = {}
        self._dates = DateStyle()

        self.notes_label = QLabel()
        self.notes_label.setObjectName("itemNotes")
        self.notes_label.setTextFormat(Qt.TextFormat.PlainText)  # colleagues' words, as written
        self.notes_label.setWordWrap(True)
        self.notes_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("noteEdit")
        self.edit.setTabChangesFocus(True)
        texts.bind(
            self.edit.setPlaceholderText,
            lambda: self.tr("A note for colleagues who look at this item after you"),
        )
        texts.bind(self.edit.setAccessibleName, lambda: self.tr("New staff note"))
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 3 + 12)
        self.edit.textChanged.connect(self._remember_draft)
        self.add_button = QPushButton()
        texts.bind(self.add_button.setText, lambda: self.tr("Add note"))
        self.add_button.setObjectName("addNoteButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._request)
        self.count_label = QLabel()
        self.count_label.setObjectName("noteLength")

        self.focus_action = make_action(
            self,
            lambda: self.tr("Write a staff note"),
            NOTE_KEYS,
            self.focus_edit,
            "noteAction",
            "decide",
            lambda: self.tr("Staff note (never shown to the family)"),
        )

        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event) and hasattr(self, "texts"):
            self.texts.retranslate()
            retranslate_actions(self)
            self.show_notes(self._key, self._notes)  # a note's state ("waiting to sync") in words

    def set_date_style(self, style: DateStyle) -> None:
        self._dates = style

    def show_notes(self, key: ItemKey | None, notes: Sequence[Note]) -> None:
        changing = key != self._key
        self._key, self._notes = key, tuple(notes)
        lines = [
            self.tr("{when}  {who}: {text}").format(
                when=self._dates.datetime(n.written_at),
                who=n.staff_username,
                text=n.body,
            )
            + self._state(n)
            for n in notes
        ]
        self.notes_label.setText("\n".join(lines) if lines else self.tr("No notes yet."))
        if changing:
            self.edit.blockSignals(True)
            self.edit.setPlainText(self._drafts.get(key, "") if key is not None else "")
            self.edit.blockSignals(False)
        self._update()

    def _state(self, note: Note) -> str:
        if note.synced:
            return ""
        if note.refused:
            return self.tr(" (refused by the shared database: {reason})").format(reason=note.refused)
        return self.tr(" (waiting to sync)")

    def note_kept(self, key: ItemKey, text: str) -> None:
        """The journal kept the note: its draft goes."""
        if self._drafts.get(key, "").strip() == text.strip():
            self._drafts.pop(key, None)
            if key == self._key:
                self.edit.blockSignals(True)
                self.edit.clear()
                self.edit.blockSignals(False)
        self._update()

    def focus_edit(self) -> None:
        if self._key is not None:
            self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _remember_draft(self) -> None:
        if self._key is not None:
            self._drafts[self._key] = self.edit.toPlainText()
        self._update()

    def _request(self) -> None:
        text = self.edit.toPlainText()
        if self._key is not None and text.strip() and len(text.strip()) <= NOTE_MAX_CHARS:
            self.noteRequested.emit(self._key[0], self._key[1], text)

    def _update(self) -> None:
        length = len(self.edit.toPlainText().strip())
        self.count_label.setText(f"{length}/{NOTE_MAX_CHARS}")
        self.count_label.setStyleSheet("color: #a4000f;" if length > NOTE_MAX_CHARS else "")
        self.add_button.setEnabled(self._key is not None and 0 < length <= NOTE_MAX_CHARS)
        self.edit.setEnabled(self._key is not None)


def keep_note(window: MainWindow, kind: str, item_id: int, text: str) -> None:
    """Write the note to the journal on its worker (a must-finish write: closing the desk does not
    lose it); it goes to the shared database with the next sync. A refusal says why, in the status bar."""
    ctx, box = window.ctx, window.panel.notes_box
    now = ctx.clock()

    def work() -> Note:
        return ctx.journal.add_note(kind, item_id, text, ctx.staff_username, ctx.workstation, now)

    def kept(_note: Note) -> None:
        box.note_kept((kind, item_id), text)
        window.tell(
            translate("MainWindow", "Note kept; it goes to the shared database with the next sync"), 6_000
        )

    def refused(exc: BaseException) -> None:
        if isinstance(exc, NoteRefused):
            message = str(exc)
        elif isinstance(exc, NotClaimed):
            message = translate("MainWindow", "This item is no longer claimed here; the note was not kept")
        else:
            message = translate("MainWindow", "The note could not be kept: {error}").format(error=exc)
        window.tell(message, 10_000, urgent=True)

    Operation(work, owner=window, name="note").changes(DECISIONS).must_finish().success(kept).failure(
        refused
    ).run_in_background(executors.journal())
