"""Supervisor tools as widgets: suspensions and strikes, the reason catalogue, the audit trail.

:class:`SupervisorTools` puts the three in tabs; each also stands alone. All take the supervisor's
engine (their own connection) and :class:`~reviewer_app.access.roles.Actor`, and an optional shared
:class:`~reviewer_app.ui.common.tasks.TaskRunner` for the database work.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.qt import QtWidgets, QWidget
from reviewer_app.shared_db.models import utcnow
from reviewer_app.ui.common.tasks import TaskRunner
from reviewer_app.ui.supervisor.audit_browser import AuditBrowser, AuditFilterProxy, AuditModel
from reviewer_app.ui.supervisor.catalogue_editor import CatalogueEditor, CatalogueModel
from reviewer_app.ui.supervisor.suspensions_panel import StrikesModel, SuspensionsModel, SuspensionsPanel

__all__ = [
    "AuditBrowser",
    "AuditFilterProxy",
    "AuditModel",
    "CatalogueEditor",
    "CatalogueModel",
    "StrikesModel",
    "SupervisorTools",
    "SuspensionsModel",
    "SuspensionsPanel",
]


class SupervisorTools(QtWidgets.QTabWidget):
    """The three tools in tabs, sharing one background runner; each tab loads when first shown."""

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        runner: TaskRunner | None = None,
        clock: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorTools")
        self.runner = runner if runner is not None else TaskRunner("supervisor-tools", self)
        self.suspensions = SuspensionsPanel(engine, actor, runner=self.runner, clock=clock)
        self.catalogue = CatalogueEditor(engine, actor, runner=self.runner, clock=clock)
        self.audit = AuditBrowser(engine, actor, runner=self.runner, clock=clock)
        self.addTab(self.suspensions, self.tr("Suspensions and strikes"))
        self.addTab(self.catalogue, self.tr("Rejection reasons"))
        self.addTab(self.audit, self.tr("Audit trail"))
        self._loaded: set[int] = set()
        self.currentChanged.connect(self._load)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._load(self.currentIndex())

    def _load(self, index: int) -> None:
        if index in self._loaded or index < 0:
            return
        self._loaded.add(index)
        widget = self.widget(index)
        if isinstance(widget, SuspensionsPanel | CatalogueEditor | AuditBrowser):
            widget.refresh()
