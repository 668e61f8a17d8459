"""The rejection-reason catalogue in the shared database: installed with the schema, then the
supervisors' to edit (issue: supervisor tools). Missing default reasons are added, edits are kept."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.reasons import DEFAULT_REASONS
from reviewer_app.shared_db.models import RejectionReason


def ensure_catalogue(session: Session) -> int:
    """Insert the default reasons that are missing; returns how many were added."""
    present = set(session.scalars(select(RejectionReason.code)))
    added = 0
    for number, reason in enumerate(DEFAULT_REASONS, start=1):
        if reason.code in present:
            continue
        session.add(
            RejectionReason(
                **reason.as_row_values(),
                sort_order=number * 10,  # gaps leave room for a supervisor's own reasons
            )
        )
        added += 1
    session.flush()
    return added
