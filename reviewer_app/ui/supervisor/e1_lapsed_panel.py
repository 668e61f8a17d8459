"""子女已逾齡之服務 (R5): the facility's approved services whose inmate no longer has a child aged the
facility's limit or under — their posts cannot be approved (E1_ENDED) — and those with no birth date on
record, whose E1 cannot be confirmed. The supervisor decides what becomes of each service.

Reads through :func:`reviewer_app.supervision.e1_lapsed.e1_lapsed` on the shared network workers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.core.timeutil import local
from reviewer_app.qt import (
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QObject,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from reviewer_app.shared_db.models import utcnow
from reviewer_app.supervision.e1_lapsed import LapsedService, e1_lapsed
from reviewer_app.ui.common import executors
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change, label, repaint_views
from reviewer_app.ui.common.operations import BackgroundWidget, run_work
from reviewer_app.ui.supervisor.common import (
    ColumnSpec,
    RowsModel,
    failure_message,
    make_table,
    select_current_row,
)


def _youngest(row: LapsedService) -> str:
    if row.youngest_age is None:
        return QCoreApplication.translate("E1LapsedModel", "No birth date on record")
    return str(row.youngest_age)


class E1LapsedModel(RowsModel[LapsedService]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                ColumnSpec(
                    lambda: QCoreApplication.translate("E1LapsedModel", "Family"), lambda r: r.applicant_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("E1LapsedModel", "Call number"),
                    lambda r: r.inmate_call_number,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("E1LapsedModel", "Youngest child's age"),
                    _youngest,
                    lambda r: -1 if r.youngest_age is None else r.youngest_age,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("E1LapsedModel", "Lapsed on"),
                    lambda r: "" if r.lapsed_on is None else f"{r.lapsed_on:%Y/%m/%d}",
                    lambda r: r.lapsed_on,
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("E1LapsedModel", "Inmate"), lambda r: r.inmate_name
                ),
                ColumnSpec(
                    lambda: QCoreApplication.translate("E1LapsedModel", "Service"),
                    lambda r: f"#{r.service_id}",
                ),
            ],
            parent,
        )


class E1LapsedPanel(BackgroundWidget):
    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.texts = LiveTexts()  # the fixed words follow the desk's language (changeEvent)
        self.setObjectName("e1LapsedPanel")
        self.engine, self.actor, self.clock = engine, actor, clock
        self.model = E1LapsedModel(self)
        self.view = make_table(self.model, "e1Lapsed")
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(90)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: select_current_row(self.view, current)
        )
        self.summary = QLabel()
        self.summary.setObjectName("message")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.texts.bind(self.refresh_button.setText, lambda: self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        explanation = label(
            self.texts,
            lambda: self.tr(
                "Approved services whose inmate has no child at or under the age limit any more (E1): "
                "their posts cannot be approved. Services with no birth date on record are listed first."
            ),
        )
        explanation.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()
            repaint_views(self)  # the tables' headers and cells are worded when asked

    def refresh(self) -> None:
        engine, actor, today = self.engine, self.actor, local(self.clock()).date()
        run_work(
            self,
            executors.network(),
            lambda: e1_lapsed(engine, actor, today),
            self._show,
            self._failed,
            "e1-lapsed",
        )

    def _show(self, rows: list[LapsedService]) -> None:
        self.model.set_rows(rows)
        self.summary.setText(self.tr("{count} services").format(count=len(rows)))

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(failure_message(exc))
