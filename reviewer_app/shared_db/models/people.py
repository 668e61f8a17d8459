"""Inmates (with children and E3 restrictions) and applicants (the families' portal accounts)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from reviewer_app.core.vocabulary import RESTRICTION_KINDS
from reviewer_app.shared_db.models.base import Base, in_list, utcnow


class Inmate(Base):
    __tablename__ = "inmates"
    __table_args__ = (
        UniqueConstraint("facility_id", "call_number"),
        CheckConstraint(in_list("custody", ("in_custody", "transferred", "released")), name="custody_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    call_number: Mapped[str] = mapped_column(String(16))  # 呼號
    name: Mapped[str] = mapped_column(String(60))
    housing_unit: Mapped[str] = mapped_column(String(40))
    custody: Mapped[str] = mapped_column(String(16), default="in_custody")

    children: Mapped[list[Child]] = relationship(
        back_populates="inmate", cascade="all, delete-orphan", order_by="Child.birth_date"
    )
    restrictions: Mapped[list[Restriction]] = relationship(
        back_populates="inmate", cascade="all, delete-orphan", order_by="Restriction.starts_on"
    )

    @property
    def surname(self) -> str:
        return self.name[:1]


class Child(Base):
    __tablename__ = "children"

    id: Mapped[int] = mapped_column(primary_key=True)
    inmate_id: Mapped[int] = mapped_column(ForeignKey("inmates.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    birth_date: Mapped[date]

    inmate: Mapped[Inmate] = relationship(back_populates="children")


class Restriction(Base):
    """An E3 restriction on the inmate's record; active on day d when starts_on <= d <= ends_on."""

    __tablename__ = "restrictions"
    __table_args__ = (
        CheckConstraint(in_list("kind", RESTRICTION_KINDS), name="kind_known"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inmate_id: Mapped[int] = mapped_column(ForeignKey("inmates.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(String(200))

    inmate: Mapped[Inmate] = relationship(back_populates="restrictions")


class Applicant(Base):
    """A family member's portal account (便民服務入口網)."""

    __tablename__ = "applicants"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    national_id: Mapped[str] = mapped_column(String(10))
    birth_date: Mapped[date | None]
    phone: Mapped[str | None] = mapped_column(String(20))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
