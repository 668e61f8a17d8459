"""Four eyes (issue 21): a first decision that weighs most waits here for a second staff member.

An application's approval (months of access on the strength of its documents) and a supervisor's lifting
or shortening of a suspension are, where the facility keeps four eyes on (``facilities.four_eyes``), a
first decision only: the item stays as the family saw it (an application ``pending``, 審核中) until
someone else of the facility confirms it, or sends it back with a note. The database refuses a second
look by the first decision's own author (a CHECK) and a second waiting look for one subject.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.shared_db.models.base import Base, in_list

#: What a second look is about: an application's approval, a suspension lifted, one shortened.
SUBJECTS = ("application", "suspension_lift", "suspension_shorten")
#: waiting (in the 待覆核 queue), confirmed (applied), sent_back (not applied, with the second's note).
STATES = ("waiting", "confirmed", "sent_back")


class SecondLook(Base):
    __tablename__ = "second_looks"
    __table_args__ = (
        CheckConstraint(in_list("subject", SUBJECTS), name="subject_known"),
        CheckConstraint(in_list("state", STATES), name="state_known"),
        # Four eyes: never the first decision's own author, whatever wrote the row.
        CheckConstraint("second_staff IS NULL OR second_staff <> first_staff", name="second_not_first"),
        CheckConstraint(
            "(state = 'waiting') = (second_staff IS NULL AND second_at IS NULL)", name="second_when_done"
        ),
        Index(
            "uq_second_looks_one_waiting",
            "subject",
            "subject_id",
            unique=True,
            sqlite_where=text("state = 'waiting'"),
            postgresql_where=text("state = 'waiting'"),
        ),
        Index("ix_second_looks_queue", "facility_id", "state", "first_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    subject: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int]  # the application's or the suspension's id
    # The application's version while it waits (a send-back or a confirmation moves it on).
    item_version: Mapped[int | None]
    # The first decision: its idempotency key (the journal's decision key for an application, so a
    # replayed push finds it), author, workstation, time and words.
    first_key: Mapped[str] = mapped_column(String(36), unique=True)
    first_staff: Mapped[str] = mapped_column(String(63))
    first_workstation: Mapped[str] = mapped_column(String(100))
    first_at: Mapped[datetime]
    first_note: Mapped[str | None] = mapped_column(String(300))  # the staff note or the lift reason
    proposed_ends_at: Mapped[datetime | None]  # a shortened suspension's new end
    state: Mapped[str] = mapped_column(String(16), default="waiting")
    second_staff: Mapped[str | None] = mapped_column(String(63))
    second_workstation: Mapped[str | None] = mapped_column(String(100))
    second_at: Mapped[datetime | None]
    second_note: Mapped[str | None] = mapped_column(String(300))  # why it was sent back
