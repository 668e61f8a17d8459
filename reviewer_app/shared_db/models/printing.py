"""Printing and hand-over of approved posts, as applied to the shared database exactly once.

Counsellors print approved posts for the inmates and hand the printouts over. Both facts are written
to the workstation's journal first (reviewer_app/journal/printing.py) and pushed later
(reviewer_app/sync/push_records.py); the idempotency key makes a replayed push harmless. The post's own
status moves approved → printed → delivered | undeliverable with the same optimistic version check as
decisions; these rows are the record of who did it, when, and why.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.core.vocabulary import HANDOVER_OUTCOMES, UNDELIVERABLE_REASONS
from reviewer_app.shared_db.models.base import Base, in_list, utcnow


class PrintRecord(Base):
    """One printing of one post: the first print (approved → printed) or a reprint, with its reason."""

    __tablename__ = "print_records"
    __table_args__ = (
        CheckConstraint("copies >= 1", name="copies_positive"),
        CheckConstraint("NOT reprint OR reprint_reason IS NOT NULL", name="reprint_has_reason"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    #: the print run this page belonged to (one click of 列印, one morning batch)
    batch_key: Mapped[str | None] = mapped_column(String(36), index=True)
    printed_by: Mapped[str] = mapped_column(String(63))  # staff username
    workstation: Mapped[str] = mapped_column(String(100))
    printed_at: Mapped[datetime]
    copies: Mapped[int] = mapped_column(default=1)
    reprint: Mapped[bool] = mapped_column(default=False)
    reprint_reason: Mapped[str | None] = mapped_column(String(300))
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)


class Handover(Base):
    """The printout reached the inmate (delivered), or could not (undeliverable, with the reason), or
    one that could not goes back to the list to print (returned: the inmate is back)."""

    __tablename__ = "handovers"
    __table_args__ = (
        CheckConstraint(in_list("outcome", HANDOVER_OUTCOMES), name="outcome_known"),
        CheckConstraint(f"reason IS NULL OR {in_list('reason', UNDELIVERABLE_REASONS)}", name="reason_known"),
        CheckConstraint(
            "(outcome = 'delivered' AND reason IS NULL) "
            "OR (outcome = 'undeliverable' AND reason IS NOT NULL) "
            "OR (outcome = 'returned' AND reason IS NULL)",
            name="undeliverable_has_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    #: undeliverable: transferred (移監) | released (出監) | other (其他, explained in `note`)
    reason: Mapped[str | None] = mapped_column(String(16))
    handed_over_by: Mapped[str] = mapped_column(String(60))  # 轉交人, as the counsellor wrote it
    handed_over_at: Mapped[datetime]
    recipient: Mapped[str | None] = mapped_column(String(60))  # 收件人, when not the inmate in person
    note: Mapped[str | None] = mapped_column(String(300))
    recorded_by: Mapped[str] = mapped_column(String(63))  # the signed-in staff member
    workstation: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)
