"""Claims with leases on the shared queue, so two workstations never review the same item unknowingly.

On PostgreSQL the candidates are locked with FOR UPDATE SKIP LOCKED, so concurrent workstations pass
each other instead of queueing. SQLite drops that clause silently; there the conditional UPDATE ...
RETURNING (re-checking that the claim is still free) is what prevents a double claim.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from reviewer_app.models import Post, ServiceApplication
from reviewer_app.vocabulary import DECIDABLE_STATUSES

ItemModel = type[ServiceApplication] | type[Post]
MODELS: dict[str, ItemModel] = {"application": ServiceApplication, "post": Post}


@dataclass(frozen=True)
class Claimant:
    staff_username: str
    workstation: str
    facility_id: int


def _free(model: ItemModel, now: datetime) -> ColumnElement[bool]:
    return or_(model.claim_expires_at.is_(None), model.claim_expires_at < now)


def _free_or_mine(model: ItemModel, who: Claimant, now: datetime) -> ColumnElement[bool]:
    return or_(
        _free(model, now),
        and_(model.claimed_by == who.staff_username, model.claim_workstation == who.workstation),
    )


def claim(s: Session, who: Claimant, now: datetime, limit: int, lease: timedelta) -> list[tuple[str, int]]:
    """Claim up to `limit` of the oldest undecided items; returns (kind, id) actually claimed."""
    if limit <= 0:
        return []
    candidates: list[tuple[datetime, str, int]] = []
    for kind, model in MODELS.items():
        q = (
            select(model.submitted_at, model.id)
            .where(
                model.facility_id == who.facility_id,
                model.status.in_(DECIDABLE_STATUSES),
                _free(model, now),  # what this workstation holds already is renewed, not re-claimed
            )
            .order_by(model.submitted_at, model.id)
            .limit(limit)
        )
        if s.get_bind().dialect.name == "postgresql":
            q = q.with_for_update(skip_locked=True)
        candidates.extend((submitted, kind, item_id) for submitted, item_id in s.execute(q))
    chosen = sorted(candidates)[:limit]
    claimed: list[tuple[str, int]] = []
    for kind, model in MODELS.items():
        ids = [item_id for _, k, item_id in chosen if k == kind]
        if ids:
            claimed.extend((kind, i) for i in _take(s, model, ids, who, now, lease))
    return claimed


def renew(
    s: Session, who: Claimant, keys: Sequence[tuple[str, int]], now: datetime, lease: timedelta
) -> None:
    """Extend the leases this workstation still holds (a reviewer at work keeps their items)."""
    for kind, model in MODELS.items():
        ids = [item_id for k, item_id in keys if k == kind]
        if ids:
            s.execute(
                update(model)
                .where(
                    model.id.in_(ids),
                    model.claimed_by == who.staff_username,
                    model.claim_workstation == who.workstation,
                )
                .values(claim_expires_at=now + lease)
            )


def release(s: Session, who: Claimant, kind: str, item_id: int) -> bool:
    model = MODELS[kind]
    result = s.execute(
        update(model)
        .where(
            model.id == item_id,
            model.claimed_by == who.staff_username,
            model.claim_workstation == who.workstation,
        )
        .values(claimed_by=None, claim_workstation=None, claim_expires_at=None)
        .returning(model.id)
    )
    return result.first() is not None


def held_by_me(
    s: Session, who: Claimant, now: datetime, statuses: Collection[str] = DECIDABLE_STATUSES
) -> list[tuple[str, int]]:
    keys: list[tuple[str, int]] = []
    for kind, model in MODELS.items():
        q = select(model.id).where(
            model.claimed_by == who.staff_username,
            model.claim_workstation == who.workstation,
            model.claim_expires_at >= now,
            model.status.in_(statuses),
        )
        keys.extend((kind, i) for i in s.scalars(q))
    return keys


def _take(
    s: Session, model: ItemModel, ids: list[int], who: Claimant, now: datetime, lease: timedelta
) -> list[int]:
    result = s.execute(
        update(model)
        .where(model.id.in_(ids), model.status.in_(DECIDABLE_STATUSES), _free_or_mine(model, who, now))
        .values(
            claimed_by=who.staff_username, claim_workstation=who.workstation, claim_expires_at=now + lease
        )
        .returning(model.id)
    )
    return list(result.scalars())
