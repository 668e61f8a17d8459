"""What families submit: service applications, posts, and their documents.

Both item kinds carry a `version` (bumped on every change of status, for the optimistic check at sync)
and a claim (who holds it, from which workstation, until when) so two workstations never review the
same item unknowingly.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from reviewer_app.core.vocabulary import APPLICATION_STATUSES, DOCUMENT_KINDS, POST_STATUSES, RELATIONSHIPS
from reviewer_app.shared_db.models.base import Base, in_list, utcnow
from reviewer_app.shared_db.models.people import Applicant, Inmate

#: The statuses a workstation may claim (vocabulary.DECIDABLE_STATUSES), as SQL with literal values:
#: a query proves it may use the partial claim indexes only when its condition is spelt like this.
CLAIMABLE = "status IN ('held', 'pending')"


class ClaimMixin:
    claimed_by: Mapped[str | None] = mapped_column(String(63))
    claim_workstation: Mapped[str | None] = mapped_column(String(100))
    claim_expires_at: Mapped[datetime | None]


class ServiceApplication(ClaimMixin, Base):
    __tablename__ = "service_applications"
    __table_args__ = (
        CheckConstraint(in_list("status", APPLICATION_STATUSES), name="status_known"),
        CheckConstraint(in_list("relationship", RELATIONSHIPS), name="relationship_known"),
        CheckConstraint("version >= 1", name="version_positive"),
        # E4: one contact-book service per inmate, enforced by the database itself.
        Index(
            "uq_service_applications_one_approved_per_inmate",
            "inmate_id",
            unique=True,
            sqlite_where=text("status = 'approved'"),
            postgresql_where=text("status = 'approved'"),
        ),
        Index("ix_service_applications_queue", "facility_id", "status", "submitted_at"),
        # The claim walks this in queue order and stops after a batch (reviewer_app/sync/claims.py).
        Index(
            "ix_service_applications_claimable",
            "facility_id",
            "submitted_at",
            "id",
            sqlite_where=text(CLAIMABLE),
            postgresql_where=text(CLAIMABLE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"), index=True)
    inmate_id: Mapped[int] = mapped_column(ForeignKey("inmates.id"), index=True)
    relationship_code: Mapped[str] = mapped_column("relationship", String(32))
    call_number_entered: Mapped[str] = mapped_column(String(16))
    surname_confirmed: Mapped[bool] = mapped_column(default=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    version: Mapped[int] = mapped_column(default=1)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    applicant: Mapped[Applicant] = relationship()
    inmate: Mapped[Inmate] = relationship()
    documents: Mapped[list[Document]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Document.id"
    )
    posts: Mapped[list[Post]] = relationship(back_populates="service", order_by="Post.submitted_at")


class Post(ClaimMixin, Base):
    __tablename__ = "posts"
    __table_args__ = (
        CheckConstraint(in_list("status", POST_STATUSES), name="status_known"),
        CheckConstraint("version >= 1", name="version_positive"),
        Index("ix_posts_queue", "facility_id", "status", "submitted_at"),
        Index(
            "ix_posts_claimable",
            "facility_id",
            "submitted_at",
            "id",
            sqlite_where=text(CLAIMABLE),
            postgresql_where=text(CLAIMABLE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service_applications.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    version: Mapped[int] = mapped_column(default=1)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    held_reason: Mapped[str | None] = mapped_column(String(200))

    service: Mapped[ServiceApplication] = relationship(back_populates="posts")
    documents: Mapped[list[Document]] = relationship(
        back_populates="post", cascade="all, delete-orphan", order_by="Document.id"
    )


class Document(Base):
    """An upload: metadata here, bytes either in `document_blobs` (embedded) or at `url` (portal store)."""

    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint(in_list("kind", DOCUMENT_KINDS), name="kind_known"),
        CheckConstraint("(application_id IS NULL) <> (post_id IS NULL)", name="belongs_to_one_item"),
        CheckConstraint("size_bytes >= 0", name="size_not_negative"),
        CheckConstraint(in_list("storage", ("embedded", "url")), name="storage_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_applications.id", ondelete="CASCADE"), index=True
    )
    post_id: Mapped[int | None] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))  # as the portal declared it; the loader decides anew
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    storage: Mapped[str] = mapped_column(String(16), default="embedded")
    url: Mapped[str | None] = mapped_column(String(1000))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[ServiceApplication | None] = relationship(back_populates="documents")
    post: Mapped[Post | None] = relationship(back_populates="documents")
    blob: Mapped[DocumentBlob | None] = relationship(cascade="all, delete-orphan", uselist=False)


class DocumentBlob(Base):
    """The bytes of an embedded document, kept apart so listing documents never loads them."""

    __tablename__ = "document_blobs"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))
