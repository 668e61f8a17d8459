"""Applying one journalled decision to the shared database: exactly once, never over someone else's.

Exactly once: the decision's idempotency key is unique in `decisions`; a replay (the process died after
the shared commit, before the journal heard of it) finds the key and counts as applied.
Never over someone else's: the item's status changes only if its version is still the one reviewed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, bindparam, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.access.roles import CAPABILITIES
from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.core.strike_cycles import Cycle, Standing
from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import DECIDABLE_STATUSES, OUTCOMES
from reviewer_app.journal import AuditRecord, DecisionRecord
from reviewer_app.shared_db import bulk
from reviewer_app.shared_db.engine import one_of
from reviewer_app.shared_db.family_records import record_suspensions, replayed, suspension_detail
from reviewer_app.shared_db.models import (
    Decision,
    Facility,
    Post,
    ServiceApplication,
    Staff,
    Strike,
)
from reviewer_app.sync.claims import MODELS

NEW_STATUS = {"approve": "approved", "reject": "rejected"}


@dataclass(frozen=True)
class Applied:
    already: bool  # True when an earlier attempt had applied it


@dataclass(frozen=True)
class Conflict:
    reason: str  # zh-TW, shown to the reviewer


def begin_applying(s: Session) -> None:
    """Open the caller's transaction before anything is applied. On SQLite this matters: Python's
    sqlite3 opens a transaction only at the first INSERT or UPDATE, so a savepoint taken before one
    (apply_decision's) opened the transaction itself and its release committed it: an item changed
    there stayed changed when the caller then rolled back. BEGIN IMMEDIATE also takes the write lock
    at once (waiting as busy_timeout allows), so the reads that decide what to write stay true."""
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def apply_decision(s: Session, d: DecisionRecord, now: datetime | None = None) -> Applied | Conflict:
    """Apply inside the caller's transaction (begun with begin_applying); on Conflict the caller
    rolls back. ``now``: the push's time (whether a suspension is running now); the decision's own
    time when not given."""
    now = d.decided_at if now is None else now
    if s.scalar(select(Decision.id).where(Decision.idempotency_key == d.key)) is not None:
        return Applied(already=True)
    if d.staff_username not in deciders(s, [d.staff_username], d.facility_id):
        return Conflict(f"{d.staff_username} 沒有審核權限（僅限本機關在職之社工師與業務主管），本決定未套用")
    if d.kind == "post" and d.outcome == "approve":
        overtaken = _approval_overtaken(s, d, now)
        if overtaken is not None:
            return overtaken
    model = MODELS[d.kind]
    try:
        with s.begin_nested():
            changed = s.execute(
                update(model)
                .where(
                    model.id == d.item_id,
                    model.version == d.item_version,
                    model.status.in_(DECIDABLE_STATUSES),
                )
                .values(
                    status=NEW_STATUS[d.outcome],
                    version=model.version + 1,
                    decided_at=d.decided_at,
                    claimed_by=None,
                    claim_workstation=None,
                    claim_expires_at=None,
                )
                .returning(model.id)
            ).first()
    except IntegrityError:
        # The partial unique index: another service for this inmate was approved first (E4).
        return Conflict("此收容人已有審核通過的家庭聯絡簿服務（E4），本申請不能再審核通過")
    if changed is None:
        return Conflict(_describe_conflict(s, d))
    s.add(Decision(**_decision_row(d)))
    s.flush()
    if d.strike is not None:
        _apply_strike(s, d, now)
    return Applied(already=False)


class BatchMiss(Exception):
    """The fast path could not apply the whole batch as it stands; the caller rolls back and
    applies the decisions one by one, which tells each conflict apart."""


def apply_batch(
    s: Session, decisions: Sequence[DecisionRecord], now: datetime | None = None
) -> dict[str, Applied | Conflict]:
    """Apply many decisions in the caller's transaction with a few statements instead of a few per
    decision. Raises BatchMiss when any item changed underneath (version check) or a constraint
    refused; nothing is then half-applied because the caller rolls back the whole transaction."""
    keys = [d.key for d in decisions]
    dialect = s.get_bind().dialect.name
    present = set(
        s.scalars(select(Decision.idempotency_key).where(one_of(Decision.idempotency_key, keys, dialect)))
    )
    results: dict[str, Applied | Conflict] = {k: Applied(already=True) for k in present}
    for facility_id in {d.facility_id for d in decisions}:
        names = {d.staff_username for d in decisions if d.facility_id == facility_id and d.key not in present}
        if names - deciders(s, names, facility_id):
            raise BatchMiss("a decision by a member who may not decide")  # told apart one by one
    conn = s.connection()
    # In decision order: runs of plain decisions take a few statements each; a strike, which may
    # suspend the family and hold its later posts, is applied alone at its place in that order.
    run: list[DecisionRecord] = []
    for d in decisions:
        if d.key in present:
            continue
        if d.strike is None:
            run.append(d)
            continue
        _apply_plain(conn, run, results)
        run = []
        outcome = apply_decision(s, d, now)
        if isinstance(outcome, Conflict):
            raise BatchMiss(outcome.reason)
        results[d.key] = outcome
    _apply_plain(conn, run, results)
    return results


def _apply_plain(
    conn: Connection, run: Sequence[DecisionRecord], results: dict[str, Applied | Conflict]
) -> None:
    """Decisions without a strike: each kind's items in one statement, then their decision rows."""
    if not run:
        return
    for kind, model in MODELS.items():
        rows = [d for d in run if d.kind == kind]
        if not rows:
            continue
        try:
            changed = _set_decided(conn, cast(Table, model.__table__), rows)
        except IntegrityError as exc:  # E4: another service for the inmate was approved first
            raise BatchMiss(str(exc)) from exc
        if changed != len(rows):
            raise BatchMiss(f"{len(rows) - changed} {kind} items changed since they were reviewed")
    bulk.insert_rows(conn, cast(Table, Decision.__table__), [_decision_row(d) for d in run])
    results.update({d.key: Applied(already=False) for d in run})


def _set_decided(conn: Connection, table: Table, rows: Sequence[DecisionRecord]) -> int:
    """Set each item's new status where its version is still the one reviewed; returns how many
    changed. PostgreSQL: one UPDATE joined to the decisions sent as arrays; elsewhere executemany."""
    # Only pending items: a held one (a suspension, R3) is applied alone, which tells an approval
    # overtaken by the suspension apart.
    if conn.dialect.name == "postgresql":
        name = conn.dialect.identifier_preparer.quote(table.name)
        stmt = text(
            f"UPDATE {name} AS t SET status = v.status, version = t.version + 1, "
            "decided_at = v.decided_at, claimed_by = NULL, claim_workstation = NULL, "
            "claim_expires_at = NULL "
            "FROM unnest(CAST(:ids AS integer[]), CAST(:versions AS integer[]), "
            "CAST(:statuses AS text[]), CAST(:decided AS timestamptz[])) "
            "AS v(id, version, status, decided_at) "
            "WHERE t.id = v.id AND t.version = v.version AND t.status = 'pending'"
        )
        return conn.execute(
            stmt,
            {
                "ids": [d.item_id for d in rows],
                "versions": [d.item_version for d in rows],
                "statuses": [NEW_STATUS[d.outcome] for d in rows],
                "decided": [d.decided_at for d in rows],
            },
        ).rowcount
    if not conn.dialect.supports_sane_multi_rowcount:
        raise BatchMiss("driver cannot count rows of an executemany")
    each = (
        update(table)
        .where(
            table.c.id == bindparam("b_id"),
            table.c.version == bindparam("b_version"),
            table.c.status == "pending",
        )
        .values(
            status=bindparam("b_status"),
            version=table.c.version + 1,
            decided_at=bindparam("b_decided_at"),
            claimed_by=None,
            claim_workstation=None,
            claim_expires_at=None,
        )
    )
    params = [
        {
            "b_id": d.item_id,
            "b_version": d.item_version,
            "b_status": NEW_STATUS[d.outcome],
            "b_decided_at": d.decided_at,
        }
        for d in rows
    ]
    return conn.execute(each, params).rowcount


def _decision_row(d: DecisionRecord) -> dict[str, object]:
    return {
        "idempotency_key": d.key,
        "facility_id": d.facility_id,
        "item_kind": d.kind,
        "item_id": d.item_id,
        "item_version": d.item_version,
        "outcome": d.outcome,
        "reason_codes": d.reason_codes,
        "message_to_family": d.message_to_family,
        "note": d.note,
        "staff_username": d.staff_username,
        "workstation": d.workstation,
        "decided_at": d.decided_at,
    }


def deciders(s: Session, usernames: Iterable[str], facility_id: int) -> set[str]:
    """Which of these may decide for the facility (R10): active reviewers and supervisors of it."""
    roles = [role for role, can in CAPABILITIES.items() if "decide" in can]
    return set(
        s.scalars(
            select(Staff.username).where(
                Staff.username.in_(sorted(set(usernames))),
                Staff.facility_id == facility_id,
                Staff.active.is_(True),
                Staff.role.in_(roles),
            )
        )
    )


def _approval_overtaken(s: Session, d: DecisionRecord, now: datetime) -> Conflict | None:
    """R3: an approval of a post that a suspension now holds stands if it was made before the
    suspension started; made after, it is overtaken (the post waits for the suspension's end)."""
    status = s.scalar(select(Post.status).where(Post.id == d.item_id))
    facility = s.get(Facility, d.facility_id)
    if status != "held" or facility is None:
        return None
    running = replayed(s, d.service_id, facility, now).running
    if running is None or d.decided_at < running.starts_at:
        return None
    return Conflict(
        f"家屬發佈權限自 {local(running.starts_at):%Y/%m/%d %H:%M} 起暫停（P7），本核准作成於停權開始之後，"
        f"未套用；此則暫緩審核至 {local(running.ends_at):%Y/%m/%d %H:%M}"
    )


def _apply_strike(s: Session, d: DecisionRecord, now: datetime) -> None:
    """The strike, then the family's suspensions as the replay in decision-time order has them (R2,
    R3, R4): a new one recorded, one moved by a late earlier strike corrected, each with its audit
    event; while one runs, the family's pending posts are held (no version change: a decision on
    them made meanwhile still applies, R3)."""
    assert d.strike is not None
    # Serialise strike counting per family: two workstations pushing strikes for the same family at
    # once must not both miss the threshold (PostgreSQL READ COMMITTED would allow that).
    s.execute(select(ServiceApplication.id).where(ServiceApplication.id == d.service_id).with_for_update())
    if s.scalar(select(Strike.id).where(Strike.post_id == d.strike.post_id)) is None:
        s.add(
            Strike(
                facility_id=d.facility_id,
                service_id=d.service_id,
                post_id=d.strike.post_id,
                decision_key=d.key,
                reason_code=d.strike.reason_code,
                created_at=d.decided_at,
            )
        )
        s.flush()
    facility = s.get(Facility, d.facility_id)
    assert facility is not None
    family = replayed(s, d.service_id, facility, now)
    events = [
        _suspension_event(d, family, cycle, action, now)
        for action, cycle in record_suspensions(s, d.service_id, d.facility_id, family)
    ]
    running = family.running
    if running is not None:
        _hold_pending_posts(s, d.service_id, running.ends_at, facility.strike_threshold)
    if events:
        from reviewer_app.access import audit_chain

        audit_chain.append_rows(s, events)


def _suspension_event(
    d: DecisionRecord, family: Standing, cycle: Cycle, action: str, now: datetime
) -> dict[str, object]:
    """The audit event of a suspension the shared database now has (recorded with the strike's push,
    so a decision that ends as a conflict leaves no suspension event behind)."""
    return {
        "event_key": str(uuid.uuid5(uuid.NAMESPACE_URL, f"reviewdesk:{d.key}:{action}:{cycle.number}")),
        "facility_id": d.facility_id,
        "occurred_at": now,
        "staff_username": d.staff_username,
        "workstation": d.workstation,
        "action": action,
        "item_kind": "post",
        "item_id": d.item_id,
        "service_id": d.service_id,
        "detail": suspension_detail(family, cycle),
    }


def _hold_pending_posts(s: Session, service_id: int, until: datetime, strike_threshold: int) -> None:
    s.execute(
        update(Post)
        .where(Post.service_id == service_id, Post.status == "pending")
        .values(status="held", held_reason=suspension_hold_reason(until, strike_threshold))
    )


def _describe_conflict(s: Session, d: DecisionRecord) -> str:
    model = MODELS[d.kind]
    row = s.execute(select(model.status, model.version).where(model.id == d.item_id)).first()
    if row is None:
        return "此案件已不存在於共用資料庫"
    other = s.scalar(
        select(Decision)
        .where(Decision.item_kind == d.kind, Decision.item_id == d.item_id)
        .order_by(Decision.id.desc())
        .limit(1)
    )
    if other is not None:
        return (
            f"已由 {other.staff_username}（{other.workstation}）於 "
            f"{local(other.decided_at):%Y/%m/%d %H:%M} 決定為「{OUTCOMES[other.outcome]}」，"
            "本工作站的決定未套用"
        )
    return f"案件在共用資料庫中已變更（狀態 {row.status}），本工作站的決定未套用，請重新審核"


def push_audit(s: Session, events: list[AuditRecord]) -> int:
    """Chain and insert the events not yet there (audit_chain locks each chain's head, so concurrent
    pushers never fork a chain); a replay after a crash inserts nothing twice. Plain rows and one
    multi-row insert: a push carries as many events as decisions, and more."""
    from reviewer_app.access import audit_chain

    return audit_chain.append_rows(
        s,
        [
            {
                "event_key": e.key,
                "facility_id": e.facility_id,
                "occurred_at": e.occurred_at,
                "staff_username": e.staff_username,
                "workstation": e.workstation,
                "action": e.action,
                "item_kind": e.item_kind,
                "item_id": e.item_id,
                "service_id": e.service_id,
                "detail": e.detail,
            }
            for e in events
        ],
        details_normalised=True,  # read back from the journal's JSON column
    )
