"""Local decisions: one SQLite transaction records the decision, the strike and, at the facility's
threshold, the suspension (P7), holding the family's other pending posts at once, before any sync.

All methods are safe to call from worker threads: each opens its own session; `lock` serialises the
decide/undo/push steps so an undo can never race the push of the same decision.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Engine, Row, and_, delete, func, select, update
from sqlalchemy.orm import Session

from reviewer_app.core import rules
from reviewer_app.core.reasons import Reason
from reviewer_app.core.snapshot import FamilyStanding, findings_for, held_in_shared, standing_at
from reviewer_app.core.timeutil import add_months, local
from reviewer_app.journal import printing as _printing  # noqa: F401  (registers the print tables created below)
from reviewer_app.journal.models import (
    JournalAudit,
    JournalBase,
    JournalDecision,
    JournalFamily,
    JournalItem,
    JournalReason,
    JournalSendMark,
    JournalStrike,
    JournalSuspension,
)
from reviewer_app.shared_db.engine import make_engine
from reviewer_app.sync.pull import FamilyRow


class JournalError(Exception):
    """A decision the journal will not record; the message is for the reviewer (zh-TW)."""


class NotClaimed(JournalError):
    pass


class AlreadyDecided(JournalError):
    pass


class NotUndoable(JournalError):
    pass


class DecisionRefused(JournalError):
    def __init__(self, message: str, findings: Sequence[rules.Finding]) -> None:
        super().__init__(message)
        self.findings = list(findings)


@dataclass(frozen=True)
class StrikeRecord:
    service_id: int
    post_id: int
    reason_code: str
    created_at: datetime


@dataclass(frozen=True)
class SuspensionRecord:
    service_id: int
    block: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    key: str
    seq: int
    kind: str
    item_id: int
    item_version: int
    facility_id: int
    service_id: int
    outcome: str
    reason_codes: list[str]
    message_to_family: str | None
    note: str | None
    staff_username: str
    workstation: str
    decided_at: datetime
    state: str
    conflict_reason: str | None = None
    strike: StrikeRecord | None = None
    suspension: SuspensionRecord | None = None
    held_items: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class AuditRecord:
    key: str
    facility_id: int | None
    occurred_at: datetime
    staff_username: str
    workstation: str
    action: str
    item_kind: str | None
    item_id: int | None
    service_id: int | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class JournalCounts:
    claimed: int
    waiting_to_sync: int
    conflicts: int


class Journal:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = make_engine(f"sqlite:///{self.path}")
        JournalBase.metadata.create_all(self.engine)
        self.lock = threading.RLock()
        #: Decisions a push is sending now (begin_sending): not undoable until it has its answer. The
        #: push holds no lock while it talks to the shared database, so decisions go on meanwhile.
        self._sending: set[str] = set()

    def begin_sending(self, keys: Iterable[str]) -> None:
        with self.lock:
            self._sending.update(keys)

    def end_sending(self, keys: Iterable[str]) -> None:
        with self.lock:
            self._sending.difference_update(keys)

    def close(self) -> None:
        self.engine.dispose()

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # ---- reading -------------------------------------------------------------------------------

    def items(self, include_decided: bool = False) -> list[JournalItem]:
        with self.session() as s:
            q = select(JournalItem).order_by(JournalItem.submitted_at, JournalItem.kind, JournalItem.item_id)
            if not include_decided:
                q = q.where(JournalItem.local_status != "decided")
            return list(s.scalars(q))

    def item(self, kind: str, item_id: int) -> JournalItem | None:
        with self.session() as s:
            return s.get(JournalItem, (kind, item_id))

    def catalogue(self) -> dict[str, Reason]:
        with self.session() as s:
            rows = s.scalars(select(JournalReason).order_by(JournalReason.sort_order, JournalReason.code))
            return {r.code: Reason.from_row(r) for r in rows}

    def standing(self, service_id: int, now: datetime) -> FamilyStanding:
        with self.session() as s:
            return self._standing(s, service_id, now)

    def standings(self, service_ids: Sequence[int], now: datetime) -> dict[int, FamilyStanding]:
        """``standing`` of many families in four queries (the desk reloads them all at once)."""
        ids = sorted(set(service_ids))
        if not ids:
            return {}
        pending = JournalDecision.state == "pending"
        with self.session() as s:
            families = {
                f.service_id: f
                for f in s.scalars(select(JournalFamily).where(JournalFamily.service_id.in_(ids)))
            }
            strikes = dict(
                s.execute(
                    select(JournalStrike.service_id, func.count())
                    .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
                    .where(JournalStrike.service_id.in_(ids), pending)
                    .group_by(JournalStrike.service_id)
                ).all()
            )
            until = dict(
                s.execute(
                    select(JournalSuspension.service_id, func.max(JournalSuspension.ends_at))
                    .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
                    .where(JournalSuspension.service_id.in_(ids), pending)
                    .group_by(JournalSuspension.service_id)
                ).all()
            )
            rejected = self._rejected_here(s, ids)
        return {
            i: self._standing_of(families.get(i), strikes.get(i) or 0, until.get(i), now, rejected.get(i))
            for i in ids
        }

    def findings(self, kind: str, item_id: int, now: datetime) -> list[rules.Finding]:
        with self.session() as s:
            item = s.get(JournalItem, (kind, item_id))
            if item is None:
                raise NotClaimed("此案件不在本工作站的審核清單中")
            return findings_for(item.snapshot, self._standing(s, item.service_id, now), now)

    def counts(self) -> JournalCounts:
        with self.session() as s:
            claimed = s.scalar(select(func.count()).select_from(JournalItem)) or 0
            by_state = dict(
                s.execute(select(JournalDecision.state, func.count()).group_by(JournalDecision.state)).all()
            )
        return JournalCounts(
            claimed=claimed,
            waiting_to_sync=by_state.get("pending", 0),
            conflicts=by_state.get("conflict", 0),
        )

    def decisions(
        self, states: Sequence[str] = ("pending",), items: Collection[tuple[str, int]] | None = None
    ) -> list[DecisionRecord]:
        """The decisions in ``states``, in push order; with ``items`` only those on these items (the
        desk's queue: not every decision the workstation ever synced)."""
        with self.session() as s:
            chosen: ColumnElement[bool] = JournalDecision.state.in_(states)
            if items is not None:
                chosen = and_(chosen, JournalDecision.item_id.in_(sorted({i for _, i in items})))
            # Plain rows, not ORM objects: a push may carry thousands and only reads them once.
            table = JournalDecision.__table__
            rows = s.execute(select(table).where(chosen).order_by(JournalDecision.seq)).all()
            # Three queries for the lot, not three per decision: a push may carry thousands.
            strikes = {
                r.decision_key: r
                for r in s.scalars(
                    select(JournalStrike)
                    .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
                    .where(chosen)
                )
            }
            suspensions = {
                r.decision_key: r
                for r in s.scalars(
                    select(JournalSuspension)
                    .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
                    .where(chosen)
                )
            }
            held: dict[str, list[tuple[str, int]]] = {}
            for key, kind, item_id in s.execute(
                select(JournalItem.held_by_key, JournalItem.kind, JournalItem.item_id).where(
                    JournalItem.held_by_key.is_not(None)
                )
            ):
                held.setdefault(str(key), []).append((kind, item_id))
            wanted = set(items) if items is not None else None
            return [
                self._build(d, strikes.get(d.key), suspensions.get(d.key), held.get(d.key, []))
                for d in rows
                if wanted is None or (d.kind, d.item_id) in wanted
            ]

    def decision(self, key: str) -> DecisionRecord | None:
        with self.session() as s:
            d = s.scalar(select(JournalDecision).where(JournalDecision.key == key))
            return None if d is None else self._record(s, d)

    def last_undoable(self, staff_username: str) -> DecisionRecord | None:
        with self.session() as s:
            d = s.scalar(
                select(JournalDecision)
                .where(JournalDecision.state == "pending", JournalDecision.staff_username == staff_username)
                .order_by(JournalDecision.seq.desc())
                .limit(1)
            )
            return None if d is None else self._record(s, d)

    # ---- deciding ------------------------------------------------------------------------------

    def decide(
        self,
        *,
        kind: str,
        item_id: int,
        outcome: str,
        staff_username: str,
        workstation: str,
        now: datetime,
        reason_codes: Sequence[str] = (),
        message_to_family: str | None = None,
        note: str | None = None,
    ) -> DecisionRecord:
        """Record a decision locally, with its strike and suspension, in one transaction."""
        if outcome not in ("approve", "reject"):
            raise ValueError(outcome)
        with self.lock, self.session() as s, s.begin():
            item = s.get(JournalItem, (kind, item_id))
            if item is None:
                raise NotClaimed("此案件不在本工作站的審核清單中，請重新整理")
            if item.local_status == "decided":
                raise AlreadyDecided("此案件已有決定；如需更改，請先復原（Ctrl+Z）")
            catalogue = {r.code: Reason.from_row(r) for r in s.scalars(select(JournalReason))}
            family = self._standing(s, item.service_id, now)
            strike = False
            if outcome == "approve":
                blocking = rules.blocking(findings_for(item.snapshot, family, now))
                if blocking:
                    raise DecisionRefused("仍有未符合的規定，不能審核通過", blocking)
                reason_codes = ()
            else:
                problems = rules.check_rejection(reason_codes, kind, catalogue)
                if problems:
                    raise DecisionRefused("退件原因不完整", problems)
                strike = kind == "post" and rules.is_strike(reason_codes, catalogue)

            decision = JournalDecision(
                key=str(uuid.uuid4()),
                kind=kind,
                item_id=item_id,
                item_version=item.version,
                facility_id=item.facility_id,
                service_id=item.service_id,
                outcome=outcome,
                reason_codes=list(reason_codes),
                message_to_family=message_to_family,
                note=note,
                is_strike=strike,
                previous_local_status=item.local_status,
                staff_username=staff_username,
                workstation=workstation,
                decided_at=now,
                state="pending",
            )
            s.add(decision)
            s.flush()
            item.local_status = "decided"
            self._audit(s, decision, "decision", now, {"outcome": outcome, "reasons": list(reason_codes)})
            if strike:
                self._add_strike(s, decision, item, catalogue, reason_codes, now)
            return self._record(s, decision)

    def _add_strike(
        self,
        s: Session,
        decision: JournalDecision,
        item: JournalItem,
        catalogue: dict[str, Reason],
        reason_codes: Sequence[str],
        now: datetime,
    ) -> None:
        code = next(c for c in reason_codes if catalogue[c].counts_as_strike)
        s.add(
            JournalStrike(
                decision_key=decision.key,
                service_id=item.service_id,
                post_id=item.item_id,
                reason_code=code,
                created_at=now,
            )
        )
        s.flush()
        family = s.get(JournalFamily, item.service_id)
        if family is None:
            return
        total = family.remote_strikes + self._pending_strikes(s, item.service_id)
        block = total // family.strike_threshold
        local_blocks = s.scalar(
            select(func.max(JournalSuspension.block))
            .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
            .where(JournalSuspension.service_id == item.service_id, JournalDecision.state == "pending")
        )
        if block < 1 or block <= max(family.remote_blocks, local_blocks or 0):
            return
        ends = add_months(local(now), family.suspension_months)
        s.add(
            JournalSuspension(
                decision_key=decision.key,
                service_id=item.service_id,
                block=block,
                starts_at=now,
                ends_at=ends,
            )
        )
        reason = f"家屬發佈權限暫停至 {ends:%Y/%m/%d}（累計退件 {total} 次）"
        held = (
            s.execute(
                update(JournalItem)
                .where(
                    JournalItem.service_id == item.service_id,
                    JournalItem.kind == "post",
                    JournalItem.local_status == "pending",
                )
                .values(local_status="held", held_reason=reason, held_by_key=decision.key)
                .returning(JournalItem.item_id)
            )
            .scalars()
            .all()
        )
        self._audit(
            s,
            decision,
            "suspension",
            now,
            {"block": block, "strikes": total, "ends_at": ends.isoformat(), "held_posts": list(held)},
        )

    def undo(self, key: str, staff_username: str, workstation: str, now: datetime) -> DecisionRecord:
        """Take back a decision that has not been synced yet, with its strike and suspension."""
        with self.lock, self.session() as s, s.begin():
            d = s.scalar(select(JournalDecision).where(JournalDecision.key == key))
            if d is None or d.state != "pending":
                raise NotUndoable("此決定已同步到共用資料庫，無法復原")
            if key in self._sending:
                raise NotUndoable("此決定正在同步到共用資料庫，暫時無法復原；請待同步完成後再試")
            sent = s.scalar(select(JournalSendMark.through_seq).where(JournalSendMark.id == 1))
            if sent is not None and d.seq <= sent:
                raise NotUndoable(
                    "上次同步時連線中斷，此決定可能已寫入共用資料庫，暫時無法復原；"
                    "請先同步，確認結果後如需更改請洽業務主管"
                )
            record = self._record(s, d)
            d.state = "undone"
            s.execute(delete(JournalStrike).where(JournalStrike.decision_key == key))
            s.execute(delete(JournalSuspension).where(JournalSuspension.decision_key == key))
            s.execute(
                update(JournalItem)
                .where(JournalItem.held_by_key == key)
                .values(local_status="pending", held_reason=None, held_by_key=None)
            )
            item = s.get(JournalItem, (d.kind, d.item_id))
            if item is not None:
                item.local_status = d.previous_local_status
            self._audit(s, d, "undo", now, {"outcome": d.outcome}, staff_username, workstation)
            return record

    # ---- sync side -----------------------------------------------------------------------------

    def store_pulled(
        self,
        items: Sequence[dict[str, Any]],
        families: Sequence[FamilyRow],
        reasons: Sequence[Reason],
        claim_expires_at: datetime,
        now: datetime,
    ) -> None:
        """Replace the undecided claimed items with what the shared database says now.

        Items decided here and not yet synced are kept as they are; undecided items this workstation
        no longer holds (lease lost, decided elsewhere) leave the list.
        """
        with self.lock, self.session() as s, s.begin():
            pulled = {(i["kind"], i["id"]): i for i in items}
            kept: dict[tuple[str, int], JournalItem] = {}
            for row in s.scalars(select(JournalItem)):
                decided = row.local_status == "decided"
                lost = (row.kind, row.item_id) not in pulled and not decided
                if lost or (decided and self._settled(s, row)):
                    s.delete(row)
                else:
                    kept[(row.kind, row.item_id)] = row
            s.flush()
            suspended = {f.service_id for f in families if f.suspended_until is not None}
            holding = set(  # local suspensions not synced yet still hold what they held
                s.scalars(select(JournalDecision.key).where(JournalDecision.state == "pending"))
            )
            for key, snap in pulled.items():
                existing = kept.get(key)  # every item is loaded above: no query per item
                if existing is not None and existing.local_status == "decided":
                    continue
                if existing is None:
                    existing = JournalItem(kind=key[0], item_id=key[1], local_status="pending")
                    s.add(existing)
                row = existing
                row.version = snap["version"]
                row.facility_id = snap["facility"]["id"]
                row.service_id = snap["service_id"]
                row.remote_status = snap["status"]
                row.submitted_at = datetime.fromisoformat(snap["submitted_at"])
                row.claim_expires_at = claim_expires_at
                row.pulled_at = now
                row.snapshot = snap
                if row.held_by_key not in holding:
                    held = held_in_shared(snap, snap["service_id"] in suspended)
                    row.held_by_key = None
                    row.local_status = "held" if held else "pending"
                    row.held_reason = snap.get("held_reason") if held else None
            known = {
                f.service_id: f
                for f in s.scalars(
                    select(JournalFamily).where(
                        JournalFamily.service_id.in_([f.service_id for f in families])
                    )
                )
            }
            for fam in families:
                frow = known.get(fam.service_id)
                if frow is None:  # new here: added, not merged (a merge would look each one up)
                    frow = JournalFamily(service_id=fam.service_id)
                    s.add(frow)
                frow.facility_id = fam.facility_id
                frow.remote_strikes = fam.strikes
                frow.remote_blocks = fam.max_block
                frow.remote_suspended_until = fam.suspended_until
                frow.strike_threshold = fam.strike_threshold
                frow.suspension_months = fam.suspension_months
            if reasons:
                s.execute(delete(JournalReason))
                for order, r in enumerate(reasons):
                    s.add(JournalReason(**r.as_row_values(), sort_order=order))

    def forget(self, kind: str, item_id: int) -> None:
        """Drop an undecided item (its claim was released)."""
        with self.lock, self.session() as s, s.begin():
            row = s.get(JournalItem, (kind, item_id))
            if row is not None and row.local_status != "decided":
                s.delete(row)

    def _settled(self, s: Session, row: JournalItem) -> bool:
        """A decided item whose decision reached the shared database (or lost to another) is done."""
        states = set(
            s.scalars(
                select(JournalDecision.state).where(
                    JournalDecision.kind == row.kind, JournalDecision.item_id == row.item_id
                )
            )
        )
        return "pending" not in states and bool(states & {"synced", "conflict"})

    def mark_sending(self, through_seq: int, now: datetime) -> None:
        """Called just before a shared commit carrying decisions up to ``through_seq`` (push order):
        from here on their outcome may be known only to the shared database (JournalSendMark)."""
        with self.session() as s, s.begin():
            mark = s.get(JournalSendMark, 1)
            if mark is None:
                s.add(JournalSendMark(id=1, through_seq=through_seq, marked_at=now))
            elif through_seq > mark.through_seq:
                mark.through_seq, mark.marked_at = through_seq, now

    def mark_synced(self, keys: Sequence[str], now: datetime) -> None:
        """These decisions are in the shared database: one journal transaction for all of them."""
        if not keys:
            return
        with self.session() as s, s.begin():
            chosen = (JournalDecision.key.in_(keys), JournalDecision.state == "pending")
            # Strikes change the family's standing, one by one; everything else is one UPDATE.
            strikes = s.execute(
                select(JournalDecision.key, JournalDecision.service_id).where(
                    *chosen, JournalDecision.is_strike.is_(True)
                )
            ).all()
            s.execute(
                update(JournalDecision)
                .where(*chosen)
                .values(state="synced", synced_at=now)
                .execution_options(synchronize_session=False)
            )
            for key, service_id in strikes:
                family = s.get(JournalFamily, service_id)
                if family is None:
                    continue
                # Until the next pull says otherwise, the synced strike counts as a remote one.
                family.remote_strikes += 1
                suspension = s.get(JournalSuspension, key)
                if suspension is not None:
                    family.remote_blocks = max(family.remote_blocks, suspension.block)
                    current = family.remote_suspended_until
                    family.remote_suspended_until = (
                        suspension.ends_at if current is None else max(current, suspension.ends_at)
                    )

    def mark_conflict(self, key: str, reason: str, now: datetime) -> None:
        """Someone else decided first: this decision stays visible, its consequences are dropped."""
        with self.session() as s, s.begin():
            d = s.scalar(select(JournalDecision).where(JournalDecision.key == key))
            if d is None or d.state != "pending":
                return
            d.state = "conflict"
            d.conflict_reason = reason
            d.synced_at = now
            s.execute(delete(JournalStrike).where(JournalStrike.decision_key == key))
            s.execute(delete(JournalSuspension).where(JournalSuspension.decision_key == key))
            s.execute(
                update(JournalItem)
                .where(JournalItem.held_by_key == key)
                .values(local_status="pending", held_reason=None, held_by_key=None)
            )
            self._audit(s, d, "conflict", now, {"reason": reason})

    def pending_audit(self, limit: int = 2000) -> list[AuditRecord]:
        with self.session() as s:
            a = JournalAudit
            rows = s.execute(
                select(
                    a.key,
                    a.facility_id,
                    a.occurred_at,
                    a.staff_username,
                    a.workstation,
                    a.action,
                    a.item_kind,
                    a.item_id,
                    a.service_id,
                    a.detail,
                )
                .where(a.pushed.is_(False))
                .order_by(a.seq)
                .limit(limit)
            )
            return [AuditRecord(*row) for row in rows]

    def mark_audit_pushed(self, keys: Sequence[str]) -> None:
        with self.session() as s, s.begin():
            s.execute(update(JournalAudit).where(JournalAudit.key.in_(keys)).values(pushed=True))

    def record_audit(
        self,
        *,
        action: str,
        staff_username: str,
        workstation: str,
        now: datetime,
        facility_id: int | None = None,
        item_kind: str | None = None,
        item_id: int | None = None,
        service_id: int | None = None,
        detail: dict[str, Any] | None = None,
    ) -> None:
        with self.session() as s, s.begin():
            s.add(
                JournalAudit(
                    key=str(uuid.uuid4()),
                    facility_id=facility_id,
                    occurred_at=now,
                    staff_username=staff_username,
                    workstation=workstation,
                    action=action,
                    item_kind=item_kind,
                    item_id=item_id,
                    service_id=service_id,
                    detail=detail or {},
                )
            )

    # ---- helpers -------------------------------------------------------------------------------

    def _pending_strikes(self, s: Session, service_id: int) -> int:
        return (
            s.scalar(
                select(func.count())
                .select_from(JournalStrike)
                .join(JournalDecision, JournalDecision.key == JournalStrike.decision_key)
                .where(JournalStrike.service_id == service_id, JournalDecision.state == "pending")
            )
            or 0
        )

    def _standing(self, s: Session, service_id: int, now: datetime) -> FamilyStanding:
        family = s.get(JournalFamily, service_id)
        strikes = self._pending_strikes(s, service_id)
        local_until = s.scalar(
            select(func.max(JournalSuspension.ends_at))
            .join(JournalDecision, JournalDecision.key == JournalSuspension.decision_key)
            .where(JournalSuspension.service_id == service_id, JournalDecision.state == "pending")
        )
        rejected = self._rejected_here(s, [service_id]).get(service_id)
        return self._standing_of(family, strikes, local_until, now, rejected)

    @staticmethod
    def _rejected_here(s: Session, service_ids: Sequence[int]) -> dict[int, frozenset[int]]:
        """Each family's posts rejected on this workstation and not synced yet (P3 skips them)."""
        found: dict[int, set[int]] = {}
        for service_id, post_id in s.execute(
            select(JournalDecision.service_id, JournalDecision.item_id).where(
                JournalDecision.service_id.in_(service_ids),
                JournalDecision.kind == "post",
                JournalDecision.outcome == "reject",
                JournalDecision.state == "pending",
            )
        ):
            found.setdefault(service_id, set()).add(post_id)
        return {service_id: frozenset(posts) for service_id, posts in found.items()}

    @staticmethod
    def _standing_of(
        family: JournalFamily | None,
        strikes: int,
        local_until: datetime | None,
        now: datetime,
        rejected_here: frozenset[int] | None = None,
    ) -> FamilyStanding:
        if local_until is not None and local_until.tzinfo is None:
            local_until = local_until.replace(tzinfo=now.tzinfo)
        candidates = [u for u in (local_until, family.remote_suspended_until if family else None) if u]
        until = max(candidates) if candidates else None
        rejected = rejected_here or frozenset()
        if family is None:
            return standing_at(strikes, 3, until, now, rejected)
        return standing_at(family.remote_strikes + strikes, family.strike_threshold, until, now, rejected)

    def _audit(
        self,
        s: Session,
        d: JournalDecision,
        action: str,
        now: datetime,
        detail: dict[str, Any],
        staff_username: str | None = None,
        workstation: str | None = None,
    ) -> None:
        s.add(
            JournalAudit(
                key=str(uuid.uuid4()),
                facility_id=d.facility_id,
                occurred_at=now,
                staff_username=staff_username or d.staff_username,
                workstation=workstation or d.workstation,
                action=action,
                item_kind=d.kind,
                item_id=d.item_id,
                service_id=d.service_id,
                detail={"decision_key": d.key, **detail},
            )
        )

    def _record(self, s: Session, d: JournalDecision) -> DecisionRecord:
        held = s.execute(
            select(JournalItem.kind, JournalItem.item_id).where(JournalItem.held_by_key == d.key)
        ).all()
        return self._build(
            d, s.get(JournalStrike, d.key), s.get(JournalSuspension, d.key), [(k, i) for k, i in held]
        )

    @staticmethod
    def _build(
        d: JournalDecision | Row[Any],
        strike: JournalStrike | None,
        suspension: JournalSuspension | None,
        held: list[tuple[str, int]],
    ) -> DecisionRecord:
        return DecisionRecord(
            key=d.key,
            seq=d.seq,
            kind=d.kind,
            item_id=d.item_id,
            item_version=d.item_version,
            facility_id=d.facility_id,
            service_id=d.service_id,
            outcome=d.outcome,
            reason_codes=list(d.reason_codes),
            message_to_family=d.message_to_family,
            note=d.note,
            staff_username=d.staff_username,
            workstation=d.workstation,
            decided_at=d.decided_at,
            state=d.state,
            conflict_reason=d.conflict_reason,
            strike=None
            if strike is None
            else StrikeRecord(strike.service_id, strike.post_id, strike.reason_code, strike.created_at),
            suspension=None
            if suspension is None
            else SuspensionRecord(
                suspension.service_id, suspension.block, suspension.starts_at, suspension.ends_at
            ),
            held_items=[(k, i) for k, i in held],
        )
