"""The shared database: typed SQLAlchemy 2 models. Alembic migrations in reviewer_app/shared_db/migrations."""

from reviewer_app.shared_db.models.appeals import Appeal
from reviewer_app.shared_db.models.audit import AuditChainHead, AuditEvent
from reviewer_app.shared_db.models.base import Base, utcnow
from reviewer_app.shared_db.models.clock import FacilityDay, ItemNote, PublicHoliday
from reviewer_app.shared_db.models.facility import Facility, Staff
from reviewer_app.shared_db.models.image_hashes import ImageHash
from reviewer_app.shared_db.models.items import Document, DocumentBlob, Post, ServiceApplication
from reviewer_app.shared_db.models.movements import PostTransfer
from reviewer_app.shared_db.models.people import Applicant, Child, Inmate, Restriction
from reviewer_app.shared_db.models.printing import Handover, PrintRecord
from reviewer_app.shared_db.models.review import Decision, RejectionReason, Strike, Suspension
from reviewer_app.shared_db.models.second_look import SecondLook

__all__ = [
    "Appeal",
    "Applicant",
    "AuditChainHead",
    "AuditEvent",
    "Base",
    "Child",
    "Decision",
    "Document",
    "DocumentBlob",
    "Facility",
    "FacilityDay",
    "Handover",
    "ImageHash",
    "Inmate",
    "ItemNote",
    "Post",
    "PostTransfer",
    "PrintRecord",
    "PublicHoliday",
    "RejectionReason",
    "Restriction",
    "SecondLook",
    "ServiceApplication",
    "Staff",
    "Strike",
    "Suspension",
    "utcnow",
]
