"""The service clock's calendar (issue #21 item 5) and staff notes on an item (item 6).

``public_holidays`` holds Taiwan's days off and 補班 working Saturdays, filled from the maintained
``holidays`` package by migration 0013 (shared_db/service_calendar.py refreshes it); every facility
shares it. ``facility_calendar`` is a facility's own entries on top, edited by its supervisor (a
typhoon day off, an extra working day). Notes are staff-only: no portal function reads them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.core.vocabulary import ITEM_KINDS
from reviewer_app.shared_db.models.base import Base, in_list, utcnow

NOTE_MAX_CHARS = 1000


class PublicHoliday(Base):
    __tablename__ = "public_holidays"

    day: Mapped[date] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    #: True for a Saturday worked in place of a bridge holiday (補班).
    working: Mapped[bool] = mapped_column(default=False)


class FacilityDay(Base):
    __tablename__ = "facility_calendar"
    __table_args__ = (UniqueConstraint("facility_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    day: Mapped[date]
    working: Mapped[bool]
    note: Mapped[str] = mapped_column(String(100))
    set_by: Mapped[str] = mapped_column(String(63))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)


class ItemNote(Base):
    """A staff member's note on an application or a post, for the next reviewer, the appeal reviewer
    and the second pair of eyes; never for the family."""

    __tablename__ = "item_notes"
    __table_args__ = (
        CheckConstraint(in_list("item_kind", ITEM_KINDS), name="item_kind_known"),
        CheckConstraint(f"length(body) BETWEEN 1 AND {NOTE_MAX_CHARS}", name="body_length"),
        Index("ix_item_notes_item", "item_kind", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    item_kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    staff_username: Mapped[str] = mapped_column(String(63))
    workstation: Mapped[str] = mapped_column(String(100))
    written_at: Mapped[datetime]
