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

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.access.roles import CAPABILITIES
from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.core.strike_cycles import Cycle, Standing
from reviewer_app.core.timeutil import local
from reviewer_app.core.vocabulary import OUTCOMES
from reviewer_app.journal import AuditRecord, DecisionRecord
from reviewer_app.shared_db import deciding, second_looks
from reviewer_app.shared_db.engine import one_of
from reviewer_app.shared_db.family_records import replayed, suspension_changes, suspension_detail
from reviewer_app.shared_db.models import Decision, Facility, Post, Staff
from reviewer_app.sync.claims import MODELS

#: What a unique violation during a push hit, and what the reviewer reads (never a traceback).
E4_CONFLICT = "此收容人已有審核通過的家庭聯絡簿服務（E4），本申請不能再審核通過"
SECOND_DECISION = (
    "共用資料庫中此案件的這個版本已有另一筆決定紀錄（衝突），本工作站的決定未套用；請通知業務主管查明"
)


@dataclass(frozen=True)
class Applied:
    already: bool  # True when an earlier attempt had applied it
    awaiting_second: bool = False  # four eyes: recorded as a first decision, in the 待覆核 queue


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
    if waits_for_second_look(s, d):
        return _first_look(s, d)
    strike = None
    if d.strike is not None:
        strike = deciding.StrikeRow(d.service_id, d.strike.post_id, d.strike.reason_code)
    try:
        with s.begin_nested():  # a refusal leaves the transaction usable, to tell what happened
            applied = deciding.decide(s, decision_row(d), strike)
            if applied and d.strike is not None:
                _apply_standing(s, d, now)
    except deciding.Refused as refused:
        return Conflict(_describe_conflict(s, d) if refused.changed else refused.message)
    except IntegrityError as exc:
        known = integrity_conflict(exc)
        if known is None:
            raise  # a race with another pusher of the same decision: the caller tries again
        return Conflict(known)
    return Applied(already=not applied)


def waits_for_second_look(s: Session, d: DecisionRecord) -> bool:
    """Four eyes (issue 21): an application's approval, where the facility keeps them on, is a first
    decision that waits in the 待覆核 queue; the family sees 審核中 until another member confirms it."""
    return d.kind == "application" and d.outcome == "approve" and second_looks.four_eyes(s, d.facility_id)


def _first_look(s: Session, d: DecisionRecord) -> Applied | Conflict:
    look = second_looks.FirstLook(
        key=d.key,
        facility_id=d.facility_id,
        subject="application",
        subject_id=d.item_id,
        staff_username=d.staff_username,
        workstation=d.workstation,
        at=d.decided_at,
        item_version=d.item_version,
        note=d.note,
    )
    try:
        with s.begin_nested():
            recorded = second_looks.first_look(s, look)
    except deciding.Refused as refused:
        return Conflict(_describe_conflict(s, d) if refused.changed else refused.message)
    return Applied(already=not recorded, awaiting_second=True)


def integrity_conflict(exc: IntegrityError) -> str | None:
    """A unique violation that no retry resolves, in the reviewer's words; None for one that may
    (another pusher of the same decision committed meanwhile)."""
    hit = deciding.violated_constraint(exc)
    if "one_approved_per_inmate" in hit or "service_applications.inmate_id" in hit:
        return E4_CONFLICT
    if "uq_decisions_item_version" in hit or "decisions.item_kind, decisions.item_id" in hit:
        return SECOND_DECISION
    return None


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
    four_eyes = {f for f in {d.facility_id for d in decisions} if second_looks.four_eyes(s, f)}
    for facility_id in {d.facility_id for d in decisions}:
        names = {d.staff_username for d in decisions if d.facility_id == facility_id and d.key not in present}
        if names - deciders(s, names, facility_id):
            raise BatchMiss("a decision by a member who may not decide")  # told apart one by one
    conn = s.connection()
    # In decision order: runs of plain decisions take a few statements each; a strike, which may
    # suspend the family and hold its later posts, is applied alone at its place in that order, and
    # so is an approval that waits for a second look.
    run: list[DecisionRecord] = []
    for d in decisions:
        if d.key in present:
            continue
        alone = d.strike is not None or (
            d.kind == "application" and d.outcome == "approve" and d.facility_id in four_eyes
        )
        if not alone:
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
    """Decisions without a strike, set-wise: every item still at the version reviewed, or none."""
    if not run:
        return
    try:
        deciding.decide_many(conn, [decision_row(d) for d in run])
    except (deciding.Refused, IntegrityError) as exc:  # told apart one by one
        raise BatchMiss(str(exc)) from exc
    results.update({d.key: Applied(already=False) for d in run})


def decision_row(d: DecisionRecord) -> deciding.DecisionRow:
    return deciding.DecisionRow(
        key=d.key,
        facility_id=d.facility_id,
        kind=d.kind,
        item_id=d.item_id,
        item_version=d.item_version,
        outcome=d.outcome,
        reason_codes=tuple(d.reason_codes),
        message_to_family=d.message_to_family,
        note=d.note,
        staff_username=d.staff_username,
        workstation=d.workstation,
        decided_at=d.decided_at,
    )


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


def _apply_standing(s: Session, d: DecisionRecord, now: datetime) -> None:
    """After the strike (recorded by deciding.decide, which locks the family's service so that two
    workstations pushing strikes for one family count them one after the other): the family's
    suspensions as the replay in decision-time order has them (R2, R3, R4), a new one recorded or
    one moved by a late earlier strike corrected, each with its audit event; while one runs, the
    family's pending posts are held (no version change: a decision on them made meanwhile still
    applies, R3). All in the decision's transaction."""
    facility = s.get(Facility, d.facility_id)
    assert facility is not None
    family = replayed(s, d.service_id, facility, now)
    changes = suspension_changes(s, d.service_id, family)
    running = family.running
    hold = None
    if running is not None:
        hold = (running.ends_at, suspension_hold_reason(running.ends_at, facility.strike_threshold))
    if changes or hold is not None:
        deciding.record_standing(
            s,
            staff_username=d.staff_username,
            facility_id=d.facility_id,
            service_id=d.service_id,
            changes=changes,
            hold=hold,
        )
    events = [_suspension_event(d, family, cycle, action, now) for action, cycle in changes]
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
