"""Audit events: who did what, when, from which workstation. Append-only and hash-chained.

Each facility's events form one chain (events without a facility form chain 0): `chain_seq` numbers
them 1, 2, 3…, `prev_hash` is the hash of the event before, `hash` is SHA-256 over this event's fields
and `prev_hash` (reviewer_app/access/audit_hash.py), `recorded_at` the time the event entered the chain.
`audit_chain_heads` holds each chain's last number and hash: writers lock that row, so concurrent pushes
never fork a chain, and a deleted last event shows.

On PostgreSQL the database fills the chain columns itself (a BEFORE INSERT trigger, migration 0008),
whatever the client sent: they are server-generated here and read back after an insert. On SQLite the
app fills them (reviewer_app/access/audit_chain.py).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, FetchedValue, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.shared_db.models.base import Base, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_item", "item_kind", "item_id"),
        UniqueConstraint("facility_id", "chain_seq", name="uq_audit_events_chain_seq"),
    )
    # The chain columns come back from the database's trigger on PostgreSQL (INSERT … RETURNING).
    __mapper_args__ = {"eager_defaults": True}

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
    # The chain (set by the database's trigger on PostgreSQL, by audit_chain.append on SQLite).
    chain_seq: Mapped[int] = mapped_column(server_default=FetchedValue())
    prev_hash: Mapped[str | None] = mapped_column(String(64), server_default=FetchedValue())
    hash: Mapped[str] = mapped_column(String(64), server_default=FetchedValue())
    # When the event entered the chain (the server's clock on PostgreSQL); None for events of the
    # first hash format (before revision 0008), which `occurred_at` alone dates.
    recorded_at: Mapped[datetime | None] = mapped_column(server_default=FetchedValue())


class AuditChainHead(Base):
    """The end of one facility's audit chain. `facility_id` 0 is the chain of events without a
    facility, hence no foreign key."""

    __tablename__ = "audit_chain_heads"

    facility_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int] = mapped_column(default=0)
    last_hash: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
