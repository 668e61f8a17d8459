"""A family's appeal against a rejection: asked once per rejection, decided by someone other than the
first reviewer (the table's own check, on every database), answered with a reply the family reads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.core.vocabulary import ITEM_KINDS
from reviewer_app.shared_db.models.base import Base, in_list

APPEAL_OUTCOMES = ("upheld", "overturned")
#: What the family may write: a short text, as the portal's form limits it.
APPEAL_TEXT_MAX = 500


class Appeal(Base):
    """The family's request to look at a rejection again, and its outcome once decided."""

    __tablename__ = "appeals"
    __table_args__ = (
        CheckConstraint(in_list("item_kind", ITEM_KINDS), name="item_kind_known"),
        CheckConstraint(f"outcome IS NULL OR {in_list('outcome', APPEAL_OUTCOMES)}", name="outcome_known"),
        CheckConstraint(
            "(outcome IS NULL AND decided_by IS NULL AND decided_at IS NULL AND reply IS NULL) OR "
            "(outcome IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL "
            "AND reply IS NOT NULL)",
            name="decided_whole",
        ),
        # Four eyes on the appeal: never the member who rejected the item.
        CheckConstraint("decided_by IS NULL OR decided_by <> first_reviewer", name="not_the_first_reviewer"),
        CheckConstraint(f"length(text) BETWEEN 2 AND {APPEAL_TEXT_MAX}", name="text_short"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service_applications.id"), index=True)
    item_kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int]
    #: the rejection appealed: one appeal per rejection
    decision_key: Mapped[str] = mapped_column(ForeignKey("decisions.idempotency_key"), unique=True)
    first_reviewer: Mapped[str] = mapped_column(String(63))
    text: Mapped[str] = mapped_column(Text)  # the family's words
    submitted_at: Mapped[datetime]
    outcome: Mapped[str | None] = mapped_column(String(12))
    decided_by: Mapped[str | None] = mapped_column(String(63))
    decided_at: Mapped[datetime | None]
    reply: Mapped[str | None] = mapped_column(Text)  # what the family reads (zh-TW)
