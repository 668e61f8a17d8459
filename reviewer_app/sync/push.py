"""Applying one journalled decision to the shared database: exactly once, never over someone else's.

Exactly once: the decision's idempotency key is unique in `decisions`; a replay (the process died after
the shared commit, before the journal heard of it) finds the key and counts as applied.
Never over someone else's: the item's status changes only if its version is still the one reviewed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, bindparam, or_, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.core.timeutil import add_months, local
from reviewer_app.core.vocabulary import DECIDABLE_STATUSES, OUTCOMES
from reviewer_app.journal import AuditRecord, DecisionRecord
from reviewer_app.shared_db import bulk
from reviewer_app.shared_db.engine import one_of
from reviewer_app.shared_db.models import Decision, Facility, Post, ServiceApplication, Strike, Suspension
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


def apply_decision(s: Session, d: DecisionRecord) -> Applied | Conflict:
    """Apply inside the caller's transaction (begun with begin_applying); on Conflict the caller
    rolls back."""
    if s.scalar(select(Decision.id).where(Decision.idempotency_key == d.key)) is not None:
        return Applied(already=True)
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
        _apply_strike(s, d)
    return Applied(already=False)


class BatchMiss(Exception):
    """The fast path could not apply the whole batch as it stands; the caller rolls back and
    applies the decisions one by one, which tells each conflict apart."""


def apply_batch(s: Session, decisions: Sequence[DecisionRecord]) -> dict[str, Applied | Conflict]:
    """Apply many decisions in the caller's transaction with a few statements instead of a few per
    decision. Raises BatchMiss when any item changed underneath (version check) or a constraint
    refused; nothing is then half-applied because the caller rolls back the whole transaction."""
    keys = [d.key for d in decisions]
    dialect = s.get_bind().dialect.name
    present = set(
        s.scalars(select(Decision.idempotency_key).where(one_of(Decision.idempotency_key, keys, dialect)))
    )
    results: dict[str, Applied | Conflict] = {k: Applied(already=True) for k in present}
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
        outcome = apply_decision(s, d)
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
    if conn.dialect.name == "postgresql":
        decidable = ", ".join(f"'{status}'" for status in sorted(DECIDABLE_STATUSES))
        name = conn.dialect.identifier_preparer.quote(table.name)
        stmt = text(
            f"UPDATE {name} AS t SET status = v.status, version = t.version + 1, "
            "decided_at = v.decided_at, claimed_by = NULL, claim_workstation = NULL, "
            "claim_expires_at = NULL "
            "FROM unnest(CAST(:ids AS integer[]), CAST(:versions AS integer[]), "
            "CAST(:statuses AS text[]), CAST(:decided AS timestamptz[])) "
            "AS v(id, version, status, decided_at) "
            f"WHERE t.id = v.id AND t.version = v.version AND t.status IN ({decidable})"
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
            # Not IN (...): expanding parameters cannot go through executemany.
            or_(*(table.c.status == status for status in sorted(DECIDABLE_STATUSES))),
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


def _apply_strike(s: Session, d: DecisionRecord) -> None:
    assert d.strike is not None
    # Serialise strike counting per family: two workstations pushing strikes for the same family at
    # once must not both count 2 and miss the third (PostgreSQL READ COMMITTED would allow that).
    s.execute(select(ServiceApplication.id).where(ServiceApplication.id == d.service_id).with_for_update())
    if s.scalar(select(Strike.id).where(Strike.post_id == d.strike.post_id)) is None:
        s.add(
            Strike(
                facility_id=d.facility_id,
                service_id=d.service_id,
                post_id=d.strike.post_id,
                decision_key=d.key,
                reason_code=d.strike.reason_code,
                created_at=d.strike.created_at,
            )
        )
        s.flush()
    facility = s.get(Facility, d.facility_id)
    assert facility is not None
    strikes = len(
        s.scalars(
            select(Strike.id).where(Strike.service_id == d.service_id, Strike.dismissed_at.is_(None))
        ).all()
    )
    block = strikes // facility.strike_threshold
    if block < 1:
        return
    existing = s.scalar(
        select(Suspension).where(Suspension.service_id == d.service_id, Suspension.block == block)
    )
    if existing is None:
        # Suspended from the moment the workstation decided, even if it synced later (offline).
        starts = d.suspension.starts_at if d.suspension is not None else d.decided_at
        ends = (
            d.suspension.ends_at
            if d.suspension is not None
            else add_months(local(starts), facility.suspension_months)
        )
        existing = Suspension(
            facility_id=d.facility_id,
            service_id=d.service_id,
            block=block,
            starts_at=starts,
            ends_at=ends,
            origin_key=d.key,
        )
        s.add(existing)
        s.flush()
    # A further strike within a block already served (ended) or let off (lifted) holds nothing.
    if existing.lifted_at is None and existing.ends_at > d.decided_at:
        _hold_pending_posts(s, d.service_id, existing.ends_at, facility.strike_threshold)


def _hold_pending_posts(s: Session, service_id: int, until: datetime, strike_threshold: int) -> None:
    s.execute(
        update(Post)
        .where(Post.service_id == service_id, Post.status == "pending")
        .values(
            status="held",
            version=Post.version + 1,
            held_reason=suspension_hold_reason(until, strike_threshold),
        )
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
    if row.status == "held":
        return "案件已被暫緩（家屬停權），內容已變更，請重新審核"
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
