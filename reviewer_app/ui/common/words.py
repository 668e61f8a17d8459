"""The programme's words on screen, through Qt's translation system (context ``Words``).

The database stores stable English codes (``reviewer_app.core.vocabulary``); the desk shows them in the
chosen language. The zh-TW translations are the words families and staff already use (審核通過, 呼號,
與收容人關係…). Text stored for families to read (rejection messages) is never translated: on the
English desk it is labelled as the family's zh-TW message (:func:`family_message`).

Rule findings and the journal's refusals are worded by :mod:`reviewer_app.core.messages` in the desk's
language (:func:`finding`, :func:`refusal`), with the codes they name in the words below and the dates
in the desk's style (ROC years or not).
"""

from __future__ import annotations

from reviewer_app.core import messages
from reviewer_app.core.formats import canonical_mime_type
from reviewer_app.core.rules import Finding
from reviewer_app.qt import QCoreApplication
from reviewer_app.ui.common.dates import DateStyle
from reviewer_app.ui.common.i18n import current_language


def item_kind(code: str) -> str:
    labels = {
        "application": QCoreApplication.translate("Words", "Service application"),
        "post": QCoreApplication.translate("Words", "Contact-book post"),
    }
    return labels.get(code, code)


def item_status(code: str) -> str:
    """Statuses of applications and posts in the shared database (as the family sees them)."""
    labels = {
        "pending": QCoreApplication.translate("Words", "Pending review"),
        "held": QCoreApplication.translate("Words", "On hold"),
        "approved": QCoreApplication.translate("Words", "Approved"),
        "rejected": QCoreApplication.translate("Words", "Not approved"),
        "withdrawn": QCoreApplication.translate("Words", "Withdrawn"),
        "printed": QCoreApplication.translate("Words", "Printed"),
        "delivered": QCoreApplication.translate("Words", "Delivered"),
        "undeliverable": QCoreApplication.translate("Words", "Undeliverable"),
        "held_back": QCoreApplication.translate("Words", "Held back"),  # the print list's own (暫緩轉交)
    }
    return labels.get(code, code)


def outcome(code: str) -> str:
    labels = {
        "approve": QCoreApplication.translate("Words", "Approved"),
        "reject": QCoreApplication.translate("Words", "Not approved"),
    }
    return labels.get(code, code)


def relationship(code: str) -> str:
    labels = {
        "spouse": QCoreApplication.translate("Words", "Spouse"),
        "father": QCoreApplication.translate("Words", "Father"),
        "mother": QCoreApplication.translate("Words", "Mother"),
        "child": QCoreApplication.translate("Words", "Child"),
        "grandparent": QCoreApplication.translate("Words", "Grandparent"),
        "grandchild": QCoreApplication.translate("Words", "Grandchild"),
        "sibling": QCoreApplication.translate("Words", "Sibling"),
        "parent_in_law": QCoreApplication.translate("Words", "Parent of spouse"),
        "child_in_law": QCoreApplication.translate("Words", "Spouse of child"),
        "grandparent_in_law": QCoreApplication.translate("Words", "Grandparent of spouse"),
        "grandchild_in_law": QCoreApplication.translate("Words", "Spouse of grandchild"),
        "spouse_child": QCoreApplication.translate("Words", "Child of spouse"),
        "parent_spouse": QCoreApplication.translate("Words", "Spouse of parent"),
        "spouse_grandchild": QCoreApplication.translate("Words", "Grandchild of spouse"),
        "grandparent_spouse": QCoreApplication.translate("Words", "Spouse of grandparent"),
        "sibling_spouse": QCoreApplication.translate("Words", "Spouse of sibling"),
        "spouse_sibling": QCoreApplication.translate("Words", "Sibling of spouse"),
        "spouse_sibling_spouse": QCoreApplication.translate("Words", "Spouse of a sibling of spouse"),
        "sibling_in_law": QCoreApplication.translate("Words", "Sibling-in-law"),
        "cohabiting_with_child": QCoreApplication.translate(
            "Words", "Family member living with the inmate's child"
        ),
        "other": QCoreApplication.translate("Words", "Other"),
    }
    return labels.get(code, code)


def restriction_kind(code: str) -> str:
    labels = {
        "court_order": QCoreApplication.translate(
            "Words", "Court or prosecutor order forbidding visits, correspondence and items"
        ),
        "disciplinary": QCoreApplication.translate("Words", "Disciplinary sanction in force"),
        "investigation_isolation": QCoreApplication.translate("Words", "Isolated for investigation"),
        "protective_isolation": QCoreApplication.translate("Words", "Protective isolation"),
        "protection_room": QCoreApplication.translate("Words", "Placed in a protection room"),
        "medical_isolation": QCoreApplication.translate("Words", "Medical isolation"),
    }
    return labels.get(code, code)


def document_kind(code: str) -> str:
    labels = {
        "id_document": QCoreApplication.translate("Words", "Identity document"),
        "relationship_proof": QCoreApplication.translate("Words", "Relationship proof"),
        "applicant_photo": QCoreApplication.translate("Words", "Applicant's front photo"),
        "post_attachment": QCoreApplication.translate("Words", "Attachment"),
        "post_photo": QCoreApplication.translate("Words", "Post photo"),
    }
    return labels.get(code, code)


def queue_status(code: str) -> str:
    """An item's status in this workstation's queue."""
    labels = {
        "pending": QCoreApplication.translate("Words", "Pending review"),
        "held": QCoreApplication.translate("Words", "On hold"),
        "decided": QCoreApplication.translate("Words", "Decided, waiting to sync"),
        "synced": QCoreApplication.translate("Words", "Synced"),
        "awaiting_second": QCoreApplication.translate("Words", "Waiting for a second look (待覆核)"),
        "conflict": QCoreApplication.translate("Words", "Decided by someone else"),
    }
    return labels.get(code, code)


def file_type(mime_type: str) -> str:
    """A file's type as people name it (JPEG, PNG, PDF), from a MIME type as the portal declared it
    (``image/pjpeg``, ``IMAGE/PNG`` and the other spellings R7 folds included); others as they are."""
    return _FILE_TYPES.get(canonical_mime_type(mime_type), mime_type)


#: File types by the names the document loader gives them (``format_label``).
_FILE_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "application/pdf": "PDF",
    "image/gif": "GIF",
    "image/heic": "HEIC",
    "image/heif": "HEIF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
    "application/zip": "ZIP",
}


def file_size(size_bytes: int) -> str:
    """1.4 MB, 820 KB, 512 bytes."""
    if size_bytes >= 1024 * 1024:
        return QCoreApplication.translate("Words", "{size} MB").format(size=f"{size_bytes / 1024 / 1024:.1f}")
    if size_bytes >= 1024:
        return QCoreApplication.translate("Words", "{size} KB").format(size=f"{size_bytes / 1024:.0f}")
    return QCoreApplication.translate("Words", "{size} bytes").format(size=size_bytes)


class _DeskWords:
    """The words above as the catalogue's :class:`~reviewer_app.core.messages.Vocabulary`."""

    relationship = staticmethod(relationship)
    restriction_kind = staticmethod(restriction_kind)
    document_kind = staticmethod(document_kind)
    item_status = staticmethod(item_status)
    item_kind = staticmethod(item_kind)


def finding(f: Finding, dates: DateStyle | None = None) -> str:
    """A rule finding in the desk's language, its dates in the desk's style (safe on a worker thread)."""
    return messages.staff_text(
        f.code, f.values, current_language(), _DeskWords(), dates.date if dates is not None else None
    )


def refusal(error: messages.CodedError) -> str:
    """Why the journal refused (a decision, an undo, a print), in the desk's language."""
    return error.text(current_language(), _DeskWords())


def family_message(text: str, dates: DateStyle | None = None) -> str:
    """A message stored for the family (always zh-TW), labelled as such on the English desk; with
    ``dates``, its dates in the desk's style."""
    if dates is not None:
        text = dates.in_text(text)
    if current_language() != "en":
        return text
    return QCoreApplication.translate("Words", "Message to the family (zh-TW): {text}").format(text=text)
