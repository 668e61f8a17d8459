"""The shared database: typed SQLAlchemy 2 models. Alembic migrations in reviewer_app/migrations."""

from reviewer_app.models.audit import AuditEvent
from reviewer_app.models.base import Base, utcnow
from reviewer_app.models.facility import Facility, Staff
from reviewer_app.models.items import Document, DocumentBlob, Post, ServiceApplication
from reviewer_app.models.people import Applicant, Child, Inmate, Restriction
from reviewer_app.models.review import Decision, RejectionReason, Strike, Suspension

__all__ = [
    "Applicant",
    "AuditEvent",
    "Base",
    "Child",
    "Decision",
    "Document",
    "DocumentBlob",
    "Facility",
    "Inmate",
    "Post",
    "RejectionReason",
    "Restriction",
    "ServiceApplication",
    "Staff",
    "Strike",
    "Suspension",
    "utcnow",
]
