"""The rejection-reason catalogues in the shared database: each facility its own copy of the national
default (R11), installed with the schema, then its supervisor's to edit (issue: supervisor tools).
Missing default reasons are added to every facility's copy; edits are kept."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import Facility, RejectionReason
from reviewer_app.shared_db.models.review import default_catalogue_rows


def ensure_catalogue(session: Session) -> int:
    """Insert the default reasons missing from each facility's copy; returns how many were added.

    A facility added through the models has its copy already; one added with plain SQL (or a default
    reason added by a newer release) is completed here."""
    present: dict[int, set[str]] = defaultdict(set)
    for facility_id, code in session.execute(select(RejectionReason.facility_id, RejectionReason.code)):
        present[facility_id].add(code)
    added = 0
    for facility_id in session.scalars(select(Facility.id).order_by(Facility.id)):
        for row in default_catalogue_rows(facility_id):
            if row["code"] not in present[facility_id]:
                session.add(RejectionReason(**row))
                added += 1
    session.flush()
    return added
