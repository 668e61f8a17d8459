"""Facilities with their programme policy, and the staff who work there."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reviewer_app.core.policy import Policy
from reviewer_app.core.vocabulary import STAFF_ROLES
from reviewer_app.shared_db.models.base import Base, in_list, utcnow

_DEFAULT = Policy()


class Facility(Base):
    __tablename__ = "facilities"
    __table_args__ = (
        CheckConstraint("post_window_days >= 1", name="post_window_positive"),
        CheckConstraint("body_max_chars >= 1", name="body_max_positive"),
        CheckConstraint("strike_threshold >= 1", name="strike_threshold_positive"),
        CheckConstraint("suspension_months >= 0", name="suspension_not_negative"),
        CheckConstraint("review_target_working_days BETWEEN 0 AND 30", name="review_target_days_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(60))
    # Programme policy: defaults from the guide, each overridable per facility.
    post_window_days: Mapped[int] = mapped_column(default=_DEFAULT.post_window_days)
    body_max_chars: Mapped[int] = mapped_column(default=_DEFAULT.body_max_chars)
    max_photos: Mapped[int] = mapped_column(default=_DEFAULT.max_photos)
    photo_max_bytes: Mapped[int] = mapped_column(default=_DEFAULT.photo_max_bytes)
    max_attachments: Mapped[int] = mapped_column(default=_DEFAULT.max_attachments)
    attachments_max_total_bytes: Mapped[int] = mapped_column(default=_DEFAULT.attachments_max_total_bytes)
    strike_threshold: Mapped[int] = mapped_column(default=_DEFAULT.strike_threshold)
    suspension_months: Mapped[int] = mapped_column(default=_DEFAULT.suspension_months)
    child_max_age: Mapped[int] = mapped_column(default=_DEFAULT.child_max_age)
    claim_lease_minutes: Mapped[int] = mapped_column(default=_DEFAULT.claim_lease_minutes)
    review_target_hours: Mapped[int] = mapped_column(default=_DEFAULT.review_target_hours)
    # Four eyes (issue 21): an application's approval and a suspension lifted or shortened wait for a
    # second staff member of the facility (models/second_look.py). On unless the facility turns it off.
    four_eyes: Mapped[bool] = mapped_column(default=True, server_default=true())
    #: The service clock (core/service_clock.py): working days of Taipei to decide, set by the supervisor.
    review_target_working_days: Mapped[int] = mapped_column(default=3, server_default="3")

    staff: Mapped[list[Staff]] = relationship(back_populates="facility")

    def policy(self) -> Policy:
        return Policy(
            post_window_days=self.post_window_days,
            body_max_chars=self.body_max_chars,
            max_photos=self.max_photos,
            photo_max_bytes=self.photo_max_bytes,
            max_attachments=self.max_attachments,
            attachments_max_total_bytes=self.attachments_max_total_bytes,
            strike_threshold=self.strike_threshold,
            suspension_months=self.suspension_months,
            child_max_age=self.child_max_age,
            claim_lease_minutes=self.claim_lease_minutes,
            review_target_hours=self.review_target_hours,
        )


class Staff(Base):
    __tablename__ = "staff"
    __table_args__ = (CheckConstraint(in_list("role", STAFF_ROLES), name="role_known"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    # The sign-in name; on PostgreSQL also the member's own database role.
    username: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    # Only on the embedded SQLite file, where no server checks passwords: a salted scrypt hash
    # (reviewer_app/access/signin.py). On PostgreSQL it stays NULL: the server checks the member's own role.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    facility: Mapped[Facility] = relationship(back_populates="staff")
