"""Each picture's perceptual hash, computed once by the workstation that first opened the document
(reviewer_app/sync/image_hashes.py), for the comparison with a rejected item and the reused-image flag
(issue 21). A document that is not a picture keeps a row without a hash, so it is not tried again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from reviewer_app.shared_db.models.base import Base, utcnow


class ImageHash(Base):
    __tablename__ = "image_hashes"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    # documents/perceptual.py, 1024 bits in hex; NULL: not a picture, or it does not decode
    hash: Mapped[str | None] = mapped_column(String(256))
    hashed_at: Mapped[datetime] = mapped_column(default=utcnow)
