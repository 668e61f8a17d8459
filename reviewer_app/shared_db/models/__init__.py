"""The shared database: typed SQLAlchemy 2 models. Alembic migrations in reviewer_app/shared_db/migrations."""

from reviewer_app.shared_db.models.audit import AuditChainHead, AuditEvent
from reviewer_app.shared_db.models.base import Base, utcnow
from reviewer_app.shared_db.models.facility import Facility, Staff
from reviewer_app.shared_db.models.image_hashes import ImageHash
from reviewer_app.shared_db.models.items import Document, DocumentBlob, Post, ServiceApplication
from reviewer_app.shared_db.models.people import Applicant, Child, Inmate, Restriction
from reviewer_app.shared_db.models.printing import Handover, PrintRecord
from reviewer_app.shared_db.models.review import Decision, RejectionReason, Strike, Suspension

__all__ = [
    "Applicant",
    "AuditChainHead",
    "AuditEvent",
    "Base",
    "Child",
    "Decision",
    "Document",
    "DocumentBlob",
    "Facility",
    "Handover",
    "ImageHash",
    "Inmate",
    "Post",
    "PrintRecord",
    "RejectionReason",
    "Restriction",
    "ServiceApplication",
    "Staff",
    "Strike",
    "Suspension",
    "utcnow",
]
