"""Supervisor tools as widgets: the families on record with their strikes and suspensions (dismiss a
strike, lift or shorten a suspension), the services whose E1 lapsed, the reason catalogue, the audit
trail.

:class:`SupervisorTools` puts the four in tabs; each also stands alone. All take the supervisor's
engine (their own connection) and :class:`~reviewer_app.access.roles.Actor`; their database work runs
on the shared network workers. Closing them returns at once (``shutdown``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from sqlalchemy import Engine

from reviewer_app.access.roles import Actor
from reviewer_app.qt import QEvent, QtWidgets, QWidget
from reviewer_app.shared_db.models import utcnow
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.live_texts import LiveTexts, is_language_change
from reviewer_app.ui.supervisor.audit_browser import AuditBrowser, AuditFilterProxy, AuditModel
from reviewer_app.ui.supervisor.catalogue_editor import CatalogueEditor, CatalogueModel
from reviewer_app.ui.supervisor.e1_lapsed_panel import E1LapsedPanel
from reviewer_app.ui.supervisor.families_panel import FamiliesPanel
from reviewer_app.ui.supervisor.service_clock_panel import ServiceClockPanel

__all__ = [
    "AuditBrowser",
    "AuditFilterProxy",
    "AuditModel",
    "CatalogueEditor",
    "CatalogueModel",
    "E1LapsedPanel",
    "FamiliesPanel",
    "ServiceClockPanel",
    "SupervisorTools",
]


Tool = FamiliesPanel | E1LapsedPanel | CatalogueEditor | AuditBrowser | ServiceClockPanel


class SupervisorTools(QtWidgets.QTabWidget):
    """The tools in tabs; each tab loads when first shown."""

    def __init__(
        self,
        engine: Engine,
        actor: Actor,
        *,
        clock: Callable[[], datetime] = utcnow,
        dates: DateStyle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorTools")
        self.families = FamiliesPanel(engine, actor, clock=clock)
        self.e1_lapsed = E1LapsedPanel(engine, actor, clock=clock)
        self.catalogue = CatalogueEditor(engine, actor, clock=clock)
        self.audit = AuditBrowser(engine, actor, clock=clock, dates=dates)
        self.service_clock = ServiceClockPanel(engine, actor, clock=clock)
        self.texts = LiveTexts()  # the tabs' names follow the desk's language (the tools say their own)
        for tool, say in (
            (self.families, lambda: self.tr("Families' strikes and suspensions")),
            (self.e1_lapsed, lambda: self.tr("Services whose children are over the age limit")),
            (self.catalogue, lambda: self.tr("Rejection reasons")),
            (self.audit, lambda: self.tr("Audit trail")),
            (self.service_clock, lambda: self.tr("Overdue items")),
        ):
            self.texts.bind(partial(self.setTabText, self.addTab(tool, "")), say)
        self._loaded: set[int] = set()
        self.currentChanged.connect(self._load)

    def tools(self) -> tuple[Tool, ...]:
        return (self.families, self.e1_lapsed, self.catalogue, self.audit, self.service_clock)

    def is_busy(self) -> bool:
        return any(tool.is_busy() for tool in self.tools())

    def shutdown(self) -> None:
        """Each tool stops (returns at once; saves still running end in the background)."""
        for tool in self.tools():
            tool.shutdown()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_language_change(event):
            self.texts.retranslate()

    def closeEvent(self, event: object) -> None:
        self.shutdown()
        super().closeEvent(event)  # type: ignore[arg-type]

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self._load(self.currentIndex())

    def _load(self, index: int) -> None:
        if index in self._loaded or index < 0:
            return
        self._loaded.add(index)
        widget = self.widget(index)
        if isinstance(widget, Tool):
            widget.refresh()
