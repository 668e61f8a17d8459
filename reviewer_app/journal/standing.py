"""A family's standing as this workstation knows it: the shared database's as of the last pull, plus
the strikes and suspensions decided here and not synced yet (P7), and the posts rejected or approved
here (P3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.core.snapshot import FamilyStanding, standing_at
from reviewer_app.journal.models import JournalDecision, JournalFamily, JournalStrike, JournalSuspension

_PENDING = JournalDecision.state == "pending"


def pending_strikes(s: Session, service_id: int) -> int:
    return (
        s.scalar(
            select(func.count())
            .select_from(JournalStrike)
            .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
            .where(JournalStrike.service_id == service_id, _PENDING)
        )
        or 0
    )


def standing(s: Session, service_id: int, now: datetime) -> FamilyStanding:
    family = s.get(JournalFamily, service_id)
    strikes = pending_strikes(s, service_id)
    local_until = s.scalar(
        select(func.max(JournalSuspension.ends_at))
        .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
        .where(JournalSuspension.service_id == service_id, _PENDING)
    )
    rejected = rejected_here(s, [service_id]).get(service_id)
    approved = approved_here(s, [service_id]).get(service_id)
    return _standing_of(family, strikes, local_until, now, rejected, approved)


def standings(s: Session, service_ids: Sequence[int], now: datetime) -> dict[int, FamilyStanding]:
    """``standing`` of many families in a few queries (the desk reloads them all at once)."""
    ids = sorted(set(service_ids))
    if not ids:
        return {}
    families = {
        f.service_id: f for f in s.scalars(select(JournalFamily).where(JournalFamily.service_id.in_(ids)))
    }
    strikes = dict(
        s.execute(
            select(JournalStrike.service_id, func.count())
            .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
            .where(JournalStrike.service_id.in_(ids), _PENDING)
            .group_by(JournalStrike.service_id)
        ).all()
    )
    until = dict(
        s.execute(
            select(JournalSuspension.service_id, func.max(JournalSuspension.ends_at))
            .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
            .where(JournalSuspension.service_id.in_(ids), _PENDING)
            .group_by(JournalSuspension.service_id)
        ).all()
    )
    rejected, approved = rejected_here(s, ids), approved_here(s, ids)
    return {
        i: _standing_of(
            families.get(i), strikes.get(i) or 0, until.get(i), now, rejected.get(i), approved.get(i)
        )
        for i in ids
    }


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


def _standing_of(
    family: JournalFamily | None,
    strikes: int,
    local_until: datetime | None,
    now: datetime,
    rejected_here: frozenset[int] | None = None,
    approved_here: frozenset[int] | None = None,
) -> FamilyStanding:
    if local_until is not None and local_until.tzinfo is None:
        local_until = local_until.replace(tzinfo=now.tzinfo)
    candidates = [u for u in (local_until, family.remote_suspended_until if family else None) if u]
    until = max(candidates) if candidates else None
    rejected, approved = rejected_here or frozenset(), approved_here or frozenset()
    if family is None:
        return standing_at(strikes, 3, until, now, rejected, approved)
    return standing_at(
        family.remote_strikes + strikes, family.strike_threshold, until, now, rejected, approved
    )
