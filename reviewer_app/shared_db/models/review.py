"""Decisions and their consequences: the reason catalogue, strikes (P7) and suspensions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Connection,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    event,
    insert,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from reviewer_app.core.reasons import DEFAULT_TEMPLATES
from reviewer_app.core.vocabulary import ITEM_KINDS, OUTCOMES
from reviewer_app.shared_db.models.base import Base, in_list, utcnow
from reviewer_app.shared_db.models.facility import Facility


class RejectionReason(Base):
    """A reason of one facility's catalogue (R11): its copy of the national default, which that
    facility's supervisor edits. Texts may hold placeholders of the facility's numbers
    (core.reasons.worded fills them when the workstation pulls them)."""

    __tablename__ = "rejection_reasons"
    __table_args__ = (
        CheckConstraint(in_list("applies_to", ("application", "post", "both")), name="applies_to_known"),
    )

    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    text: Mapped[str] = mapped_column(String(300))  # what the family reads
    suggestion: Mapped[str] = mapped_column(String(300))  # 依據對話框建議…修正
    counts_as_strike: Mapped[bool]
    applies_to: Mapped[str] = mapped_column(String(16))
    rule_id: Mapped[str | None] = mapped_column(String(4))
    active: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


def default_catalogue_rows(facility_id: int) -> list[dict[str, Any]]:
    """The national default catalogue as rows of a facility's copy, in order; gaps of ten leave room
    for the supervisor's own reasons."""
    return [
        {**reason.as_row_values(), "facility_id": facility_id, "sort_order": number * 10}
        for number, reason in enumerate(DEFAULT_TEMPLATES, start=1)
    ]


@event.listens_for(Facility, "after_insert")
def _a_new_facility_gets_its_own_catalogue(
    _mapper: Mapper[Facility], conn: Connection, facility: Facility
) -> None:
    """A facility starts with its own copy of the default catalogue, in the transaction that adds it
    (a facility added with plain SQL gets it from ensure_catalogue at the next `db upgrade`)."""
    conn.execute(insert(RejectionReason), default_catalogue_rows(facility.id))


class Decision(Base):
    """A reviewer's decision as applied to the shared database, exactly once (idempotency key)."""

    __tablename__ = "decisions"
    __table_args__ = (
        CheckConstraint(in_list("item_kind", ITEM_KINDS), name="item_kind_known"),
        CheckConstraint(in_list("outcome", OUTCOMES), name="outcome_known"),
        # One decision per item version: a second one is a conflict, never an overwrite.
        UniqueConstraint("item_kind", "item_id", "item_version", name="uq_decisions_item_version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    item_kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int]
    item_version: Mapped[int]
    outcome: Mapped[str] = mapped_column(String(8))
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    message_to_family: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)  # staff-only
    staff_username: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime]
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class Strike(Base):
    """A rejection that was the family's fault (P7). One per rejected post, so copies merge."""

    __tablename__ = "strikes"

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service_applications.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), unique=True)
    decision_key: Mapped[str] = mapped_column(String(36))
    reason_code: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    dismissed_at: Mapped[datetime | None]
    dismissed_by: Mapped[str | None] = mapped_column(String(63))
    dismiss_reason: Mapped[str | None] = mapped_column(String(300))


class Suspension(Base):
    """P7: the family's right to post is suspended. `block` n is the one earned by strike n*threshold,
    so the same suspension recorded on two workstations merges into one row."""

    __tablename__ = "suspensions"
    __table_args__ = (
        UniqueConstraint("service_id", "block", name="uq_suspensions_service_block"),
        CheckConstraint("ends_at >= starts_at", name="ends_after_start"),
        CheckConstraint("block >= 1", name="block_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service_applications.id"), index=True)
    block: Mapped[int]
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    origin_key: Mapped[str] = mapped_column(String(36))  # the decision that triggered it
    lifted_at: Mapped[datetime | None]
    lifted_by: Mapped[str | None] = mapped_column(String(63))
    lift_reason: Mapped[str | None] = mapped_column(String(300))
