"""Four eyes at the desk's pull (issue 21): which of this workstation's first decisions still wait
for a second look in the shared database, so the desk shows 待覆核 until one is confirmed or sent back."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.shared_db.models import SecondLook


def still_waiting(s: Session, keys: Collection[str]) -> set[str]:
    """Of these decision keys, those whose first decision still waits (the others were settled)."""
    if not keys:
        return set()
    return set(
        s.scalars(
            select(SecondLook.first_key).where(
                SecondLook.first_key.in_(list(keys)), SecondLook.state == "waiting"
            )
        )
    )
