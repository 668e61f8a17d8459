"""A family's standing as this workstation knows it: the shared database's record as of the last pull,
replayed (core/strike_cycles.py) with the strikes decided here and not yet pulled back (P7, R2, R3),
and the posts rejected or approved here (P3, R1)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.items import SharedStanding
from reviewer_app.core.snapshot import FamilyStanding, family_standing
from reviewer_app.core.strike_cycles import StrikeFact, replay
from reviewer_app.journal.models import (
    JournalDecision,
    JournalFamily,
    JournalFamilyRecord,
    JournalStrike,
)

_PENDING = JournalDecision.state == "pending"
#: Strikes decided here count until the shared database's record (the next pull) has them too.
_COUNTING = JournalDecision.state.in_(("pending", "synced"))


def standing(s: Session, service_id: int, now: datetime) -> FamilyStanding:
    return standings(s, [service_id], now)[service_id]


def standings(s: Session, service_ids: Sequence[int], now: datetime) -> dict[int, FamilyStanding]:
    """``standing`` of many families in a few queries (the desk reloads them all at once)."""
    ids = sorted(set(service_ids))
    if not ids:
        return {}
    families = {
        f.service_id: f for f in s.scalars(select(JournalFamily).where(JournalFamily.service_id.in_(ids)))
    }
    records = {
        r.service_id: r.record
        for r in s.scalars(select(JournalFamilyRecord).where(JournalFamilyRecord.service_id.in_(ids)))
    }
    here = strikes_here(s, ids)
    rejected, approved = rejected_here(s, ids), approved_here(s, ids)
    out: dict[int, FamilyStanding] = {}
    for i in ids:
        family = families.get(i)
        threshold, months = (family.strike_threshold, family.suspension_months) if family else (3, 1)
        strikes, recorded = SharedStanding.facts_from_json(records.get(i))
        known = {st.key for st in strikes}
        record = replay(
            [*strikes, *(st for st in here.get(i, ()) if st.key not in known)],
            threshold,
            months,
            now,
            recorded,
        )
        out[i] = family_standing(record, rejected.get(i, frozenset()), approved.get(i, frozenset()))
    return out


def strikes_here(s: Session, service_ids: Sequence[int]) -> dict[int, list[StrikeFact]]:
    """Each family's strikes decided on this workstation (not undone, not lost to a conflict)."""
    found: dict[int, list[StrikeFact]] = {}
    for service_id, key, post_id, decided_at in s.execute(
        select(
            JournalStrike.service_id,
            JournalStrike.decision_key,
            JournalStrike.post_id,
            JournalDecision.decided_at,
        )
        .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
        .where(JournalStrike.service_id.in_(service_ids), _COUNTING)
    ):
        found.setdefault(service_id, []).append(StrikeFact(key, post_id, decided_at))
    return found


def rejected_here(s: Session, service_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    """Each family's posts rejected on this workstation and not synced yet (P3 skips them)."""
    return _posts_decided_here(s, service_ids, "reject")


def approved_here(s: Session, service_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    """Each family's posts approved on this workstation and not synced yet (P3 counts from them, R1)."""
    return _posts_decided_here(s, service_ids, "approve")


def _posts_decided_here(s: Session, service_ids: Sequence[int], outcome: str) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = {}
    for service_id, post_id in s.execute(
        select(JournalDecision.service_id, JournalDecision.item_id).where(
            JournalDecision.service_id.in_(service_ids),
            JournalDecision.kind == "post",
            JournalDecision.outcome == outcome,
            _PENDING,
        )
    ):
        found.setdefault(service_id, set()).add(post_id)
    return {service_id: frozenset(posts) for service_id, posts in found.items()}
