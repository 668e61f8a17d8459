"""Audit events: who did what, when, from which workstation. Append-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.models.base import Base


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_item", "item_kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Events are written on workstations first; the key makes their push idempotent.
    event_key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    staff_username: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    item_kind: Mapped[str | None] = mapped_column(String(16))
    item_id: Mapped[int | None]
    service_id: Mapped[int | None]
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
