"""Claims with leases on the shared queue, so two workstations never review the same item unknowingly.

On PostgreSQL claiming, renewing and releasing go through the functions of migration 0007
(shared_db/deciding.py): they lock the candidates with FOR UPDATE SKIP LOCKED, so concurrent
workstations pass each other instead of queueing, take the facility's own lease, and act only for the
caller; staff logins cannot set a claim by hand. SQLite drops SKIP LOCKED silently; there the
conditional UPDATE ... RETURNING below (re-checking that the claim is still free) is what prevents a
double claim.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from reviewer_app.core.vocabulary import DECIDABLE_STATUSES
from reviewer_app.shared_db import deciding
from reviewer_app.shared_db.models import Post, SecondLook, ServiceApplication
from reviewer_app.shared_db.models.base import UTCDateTime

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


def _claimable(model: ItemModel) -> ColumnElement[bool]:
    """The decidable statuses as literal SQL, as the partial claim indexes are defined
    (a bound parameter would not let PostgreSQL or SQLite use them)."""
    assert set(DECIDABLE_STATUSES) == {"held", "pending"}
    return model.status.in_([literal_column("'held'"), literal_column("'pending'")])


def _candidates(model: ItemModel, who: Claimant, now: datetime, limit: int) -> Select[datetime, int]:
    """The oldest claimable items of one kind nobody holds, in queue order (the partial claim index).
    Items this workstation holds already are not among them: they were renewed, and must not use up
    the batch (a held one waits through no one's fault)."""
    q = (
        select(model.submitted_at, model.id)
        .where(model.facility_id == who.facility_id, _claimable(model), _free(model, now))
        .order_by(model.submitted_at, model.id)
        .limit(limit)
    )
    if model is ServiceApplication:  # an approval waiting for a second look (four eyes) is no one's to claim
        waiting = select(SecondLook.id).where(
            SecondLook.subject == "application",
            SecondLook.subject_id == model.id,
            SecondLook.state == "waiting",
        )
        q = q.where(~waiting.exists())
    return q


def claim(s: Session, who: Claimant, now: datetime, limit: int, lease: timedelta) -> list[tuple[str, int]]:
    """Claim up to `limit` of the oldest undecided items; returns (kind, id) actually claimed."""
    if limit <= 0:
        return []
    if deciding.on_postgresql(s):
        # The function takes the facility's own lease and checks who claims (migration 0007).
        return deciding.claim(s, who.staff_username, who.workstation, who.facility_id, now, limit)
    candidates: list[tuple[datetime, str, int]] = []
    for kind, model in MODELS.items():
        q = _candidates(model, who, now, limit)
        candidates.extend((submitted, kind, item_id) for submitted, item_id in s.execute(q))
    chosen = sorted(candidates)[:limit]
    claimed: list[tuple[str, int]] = []
    for kind, model in MODELS.items():
        ids = [item_id for _, k, item_id in chosen if k == kind]
        if ids:
            claimed.extend((kind, i) for i in _take(s, model, ids, who, now, lease))
    return claimed


@functools.cache
def _claim_statement() -> CompoundSelect[str, int]:
    """The claim as one plain statement: what ``reviewdesk_claim`` (migration 0007) runs for a staff
    login, kept as SQLAlchemy builds it for the start benchmark's floor (benchmarks/start_bench.py).
    Values are bound under names no column has (an UPDATE would take a column's name as a value)."""
    now = bindparam("c_now", type_=UTCDateTime())
    me = bindparam("c_me", type_=String())
    workstation = bindparam("c_workstation", type_=String())
    limit = bindparam("c_limit", type_=Integer())
    locked = []
    for kind, model in MODELS.items():
        q: Select[datetime, int, Any] = (
            select(model.submitted_at, model.id, literal_column(f"'{kind}'").label("kind"))
            .where(
                model.facility_id == bindparam("c_facility", type_=Integer()),
                _claimable(model),
                or_(model.claim_expires_at.is_(None), model.claim_expires_at < now),  # _free
            )
            .order_by(model.submitted_at, model.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        locked.append(q.cte(f"{kind}_candidates"))
    both = union_all(*(select(c.c.submitted_at, c.c.kind, c.c.id) for c in locked))
    columns = both.selected_columns
    chosen = both.order_by(columns.submitted_at, columns.kind, columns.id).limit(limit).cte("chosen")
    taken = []
    for kind, model in MODELS.items():
        taken.append(
            update(model)
            .where(model.id.in_(select(chosen.c.id).where(chosen.c.kind == literal_column(f"'{kind}'"))))
            .values(
                claimed_by=me,
                claim_workstation=workstation,
                claim_expires_at=bindparam("c_expires", type_=UTCDateTime()),
            )
            .returning(literal_column(f"'{kind}'").label("kind"), model.id)
            .cte(f"{kind}_taken")
        )
    return union_all(*(select(t.c.kind, t.c.id) for t in taken))


def renew(
    s: Session, who: Claimant, keys: Sequence[tuple[str, int]], now: datetime, lease: timedelta
) -> None:
    """Extend the leases this workstation still holds (a reviewer at work keeps their items)."""
    if deciding.on_postgresql(s):
        if keys:
            deciding.renew(s, who.staff_username, who.workstation, now, keys)
        return
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
    if deciding.on_postgresql(s):
        return deciding.release(s, who.staff_username, who.workstation, kind, item_id)
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


def release_all(s: Session, who: Claimant, keep: Collection[tuple[str, int]] = ()) -> list[tuple[str, int]]:
    """Give back every undecided item this workstation holds but ``keep`` (decided here, not in the
    shared database yet: R10 keeps those until their lease runs out); returns what was released."""
    released: list[tuple[str, int]] = []
    for kind, model in MODELS.items():
        kept = sorted(item_id for k, item_id in keep if k == kind)
        mine = (
            model.claimed_by == who.staff_username,
            model.claim_workstation == who.workstation,
            model.status.in_(DECIDABLE_STATUSES),
            model.id.not_in(kept),
        )
        if deciding.on_postgresql(s):
            # A member's own login may not UPDATE a claim (0007): each goes back through the release
            # function, which checks it is still this workstation's (a batch is a few dozen items).
            held = s.scalars(select(model.id).where(*mine).order_by(model.id)).all()
            released.extend(
                (kind, item_id)
                for item_id in held
                if deciding.release(s, who.staff_username, who.workstation, kind, item_id)
            )
            continue
        result = s.execute(
            update(model)
            .where(*mine)
            .values(claimed_by=None, claim_workstation=None, claim_expires_at=None)
            .returning(model.id)
        )
        released.extend((kind, item_id) for item_id in result.scalars())
    return released


def held_by_others(s: Session, who: Claimant, now: datetime) -> int:
    """How many undecided items of the facility someone else holds now (another member, or this
    member at another workstation)."""
    total = 0
    for model in MODELS.values():
        q = (
            select(func.count())
            .select_from(model)
            .where(
                model.facility_id == who.facility_id,
                _claimable(model),
                model.claim_expires_at >= now,
                ~and_(model.claimed_by == who.staff_username, model.claim_workstation == who.workstation),
            )
        )
        total += s.scalar(q) or 0
    return total


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
