"""輸出 PDF: 是否登錄為已列印？ A PDF may be a copy to check or keep, or the pages that go to the inmates
(printed elsewhere): only the counsellor knows, so the view asks before it records a print run."""

from __future__ import annotations

from reviewer_app.qt import QMessageBox, QWidget


class RecordQuestion(QMessageBox):
    """Record the exported posts as printed, or only write the file (or neither: Cancel)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Export PDF"))
        self.setText(self.tr("Record as printed?"))
        self.setInformativeText(
            self.tr(
                "Recorded: the {count} posts move to To hand over, as after printing on paper.\n"
                "File only (to check or keep): they stay in To print."
            ).format(count=count)
        )
        self.record_button = self.addButton(self.tr("Record as printed"), QMessageBox.ButtonRole.YesRole)
        self.file_only_button = self.addButton(self.tr("File only"), QMessageBox.ButtonRole.NoRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        # The safe answer first: a check export must not empty the list by a stray Enter.
        self.setDefaultButton(self.file_only_button)
        self.setEscapeButton(QMessageBox.StandardButton.Cancel)
        #: What the counsellor chose: True (record), False (file only), None (cancelled).
        self.answer: bool | None = None
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.record_button:
            self.answer = True
        elif button is self.file_only_button:
            self.answer = False
        else:
            self.answer = None
