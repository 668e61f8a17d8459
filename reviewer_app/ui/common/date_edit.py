"""A date field that shows the desk's date style and takes a date as the office writes it.

Qt's QDateEdit reads only its display format (and aborts when its text is made to differ): a
supervisor who typed 民國 115/12/07, the way dates are written on every form here, got nothing. This
field is a line edit reading any of :func:`~reviewer_app.ui.common.dates.parse_date`'s forms, shown
in the desk's style (2026/12/07, or 115/12/07 with ROC years), with Qt's calendar beside it.
"""

from __future__ import annotations

import datetime as dt

from reviewer_app.qt import (
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    Qt,
    QtCore,
    QToolButton,
    QtWidgets,
    QWidget,
    Signal,
)
from reviewer_app.ui.common.dates import DateStyle, parse_date


class DateEdit(QWidget):
    # The date changed (a ``datetime.date``), typed whole or chosen in the calendar.
    dateChanged = Signal(object)

    def __init__(self, day: dt.date, dates: DateStyle | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        self._dates = dates or DateStyle()
        self.line = QLineEdit()
        self.line.setObjectName("dateText")
        self.line.setToolTip(self.tr("A date such as 115/12/07 (ROC year) or 2026/12/07"))
        # Wide enough for "民國 115/12/07" typed whole.
        self.line.setFixedWidth(self.line.fontMetrics().horizontalAdvance("民國 2026/12/07") + 16)
        self.calendar = QtWidgets.QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)  # closes on a click elsewhere, like a menu
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("calendarButton")
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Choose the date in a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Calendar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # the button beside the date
        self._show()
        self.line.textChanged.connect(self._typed)
        self.line.editingFinished.connect(self._show)  # half typed: back to the date it has
        self.calendar_button.clicked.connect(self._open_calendar)
        self.calendar.clicked.connect(self._chosen)
        self.calendar.activated.connect(self._chosen)

    def date(self) -> dt.date:
        return self._day

    def setDate(self, day: dt.date) -> None:
        changed = day != self._day
        self._day = day
        self._show()
        if changed:
            self.dateChanged.emit(day)

    def text(self) -> str:
        return self.line.text()

    def set_date_style(self, dates: DateStyle) -> None:
        self._dates = dates
        self._show()

    def _show(self) -> None:
        self.line.setText(self._dates.date(self._day))
        self.line.setStyleSheet("")

    def _typed(self, text: str) -> None:
        day = parse_date(text)
        # Not (yet) a date: marked, and the date it had stays until it is one.
        self.line.setStyleSheet("" if day is not None or not text.strip() else "color: #b00020;")
        if day is not None and day != self._day:
            self._day = day
            self.dateChanged.emit(day)

    def _open_calendar(self) -> None:
        self.calendar.setSelectedDate(QtCore.QDate(self._day.year, self._day.month, self._day.day))
        below = self.mapToGlobal(self.rect().bottomLeft())
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus()

    def _chosen(self, chosen: object) -> None:
        self.calendar.hide()
        self.setDate(chosen.toPython())  # type: ignore[attr-defined]
        self.line.setFocus()
