"""An inmate's move to another facility, as it reaches the shared database from the facility's records
(the agency's side, like custody and restrictions): the posts that followed the inmate, one row each.

Both facilities read a row (migration 0014): the new one to note where the post was approved, the old
one to see that it left. The row keeps what the old facility knew (call number, title): it can no
longer read the post itself, nor anything the new facility does with it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.shared_db.models.base import Base, utcnow


class PostTransfer(Base):
    __tablename__ = "post_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), index=True)
    from_facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    to_facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    from_facility_name: Mapped[str] = mapped_column(String(100))
    to_facility_name: Mapped[str] = mapped_column(String(100))
    from_call_number: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    status_before: Mapped[str] = mapped_column(String(16))
    transferred_at: Mapped[datetime] = mapped_column(default=utcnow)
