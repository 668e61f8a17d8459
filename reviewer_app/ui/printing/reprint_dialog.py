"""重印…: asks why posts printed before are printed again (the reason is logged with the print record)."""

from __future__ import annotations

from reviewer_app.qt import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class ReprintDialog(QDialog):
    """Why these posts are printed again (logged with the print record)."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprintDialog")
        self.setWindowTitle(self.tr("Reprint"))
        intro = QLabel(self.tr("{count} of the ticked posts were printed before.").format(count=count))
        intro.setWordWrap(True)
        # The question on a line of its own, never wrapped: a wrap broke 重印 in two (重／印).
        question = QLabel(self.tr("Why print them again?"))
        question.setWordWrap(False)
        self.reason_combo = QComboBox()
        self.reason_combo.setEditable(True)
        self.reason_combo.addItems(
            [
                self.tr("The printout was damaged"),
                self.tr("The printout was lost"),
                self.tr("The inmate asked for another copy"),
                self.tr("Printing failed (paper jam, faint print)"),
            ]
        )
        self.reason_combo.setCurrentIndex(-1)
        line = self.reason_combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Choose or type the reason"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(self.tr("Reprint"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_combo.currentTextChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(question)
        layout.addWidget(self.reason_combo)
        layout.addWidget(self.buttons)
        self._update()

    def reason(self) -> str:
        return " ".join(self.reason_combo.currentText().split())

    def set_reason(self, text: str) -> None:
        self.reason_combo.setEditText(text)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setEnabled(bool(self.reason()))
