"""Deciding in the shared database: one API for the push, whichever database.

On PostgreSQL every write is one of the SECURITY DEFINER functions of migration 0007, which check the
caller (role, active flag, facility), the item's facility, claim and version and the invariants, and
refuse with an SQLSTATE of their own and a message for the desk; staff logins have no other way to
write these rows. On SQLite (one user, no roles) the same writes run here in Python, in the caller's
transaction. Either way the caller (sync/push.py) has already judged the decision with the rules and
replayed the family's strikes (core/strike_cycles.py); the database re-checks what it must never hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.core.strike_cycles import Cycle
from reviewer_app.shared_db.models import (
    Decision,
    Facility,
    Post,
    SecondLook,
    ServiceApplication,
    Strike,
    Suspension,
)

ITEM_MODELS: dict[str, type[ServiceApplication] | type[Post]] = {
    "application": ServiceApplication,
    "post": Post,
}
NEW_STATUS = {"approve": "approved", "reject": "rejected"}
#: The SQLSTATEs of migration 0007's functions: not allowed, no such item here, changed, invariant.
REFUSALS = frozenset({"RD403", "RD404", "RD409", "RD422"})


class Refused(Exception):
    """The shared database refused a write; ``message`` is for the desk (zh-TW)."""

    def __init__(self, sqlstate: str, message: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
        self.message = message

    @property
    def changed(self) -> bool:
        """The item changed since it was reviewed (the caller can tell by whom)."""
        return self.sqlstate == "RD409"


@contextmanager
def refusals() -> Iterator[None]:
    """A function's refusal becomes :class:`Refused`; anything else passes through as it is."""
    try:
        yield
    except DBAPIError as exc:
        sqlstate = getattr(exc.orig, "sqlstate", None)
        if sqlstate not in REFUSALS:
            raise
        diag = getattr(exc.orig, "diag", None)
        raise Refused(sqlstate, getattr(diag, "message_primary", None) or str(exc.orig)) from exc


def violated_constraint(exc: IntegrityError) -> str:
    """The name (PostgreSQL) or the columns (SQLite's message) of what a unique or check violation hit."""
    diag = getattr(exc.orig, "diag", None)
    return getattr(diag, "constraint_name", None) or str(exc.orig)


def on_postgresql(s: Session | Connection) -> bool:
    bind = s.get_bind() if isinstance(s, Session) else s
    return bind.dialect.name == "postgresql"


def _payload(values: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> str:
    def plain(v: object) -> object:
        if isinstance(v, datetime):
            return v.isoformat()
        raise TypeError(type(v))

    return json.dumps(values, default=plain, ensure_ascii=False)


def _call(s: Session | Connection, sql: str, **params: Any) -> Any:
    with refusals():
        return s.execute(text(sql), params)


# ---- decisions ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionRow:
    """A decision as the shared database records it."""

    key: str
    facility_id: int
    kind: str
    item_id: int
    item_version: int
    outcome: str
    reason_codes: Sequence[str]
    message_to_family: str | None
    note: str | None
    staff_username: str
    workstation: str
    decided_at: datetime

    def payload(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "facility_id": self.facility_id,
            "kind": self.kind,
            "item_id": self.item_id,
            "item_version": self.item_version,
            "outcome": self.outcome,
            "reason_codes": list(self.reason_codes),
            "message_to_family": self.message_to_family,
            "note": self.note,
            "staff_username": self.staff_username,
            "workstation": self.workstation,
            "decided_at": self.decided_at,
        }

    def columns(self) -> dict[str, Any]:
        return {
            "idempotency_key": self.key,
            "facility_id": self.facility_id,
            "item_kind": self.kind,
            "item_id": self.item_id,
            "item_version": self.item_version,
            "outcome": self.outcome,
            "reason_codes": list(self.reason_codes),
            "message_to_family": self.message_to_family,
            "note": self.note,
            "staff_username": self.staff_username,
            "workstation": self.workstation,
            "decided_at": self.decided_at,
        }


@dataclass(frozen=True)
class StrikeRow:
    service_id: int
    post_id: int
    reason_code: str


def decide(s: Session, d: DecisionRow, strike: StrikeRow | None) -> bool:
    """The item's new status, the decision row and its strike, if any. False: the decision was there
    already (a replay). Raises Refused (RD409 when the item changed) or IntegrityError (E4)."""
    if on_postgresql(s):
        payload = {**d.payload(), "strike": None}
        if strike is not None:
            payload["strike"] = {"post_id": strike.post_id, "reason_code": strike.reason_code}
        result = _call(s, "SELECT public.reviewdesk_decide(CAST(:p AS jsonb))", p=_payload(payload)).scalar()
        return bool(result == "applied")
    if s.scalar(select(Decision.id).where(Decision.idempotency_key == d.key)) is not None:
        return False
    refuse_without_second_look(s, [d])
    model = ITEM_MODELS[d.kind]
    changed = s.execute(
        update(model)
        .where(model.id == d.item_id, model.version == d.item_version, model.status.in_(("pending", "held")))
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
    if changed is None:
        raise Refused("RD409", "案件在共用資料庫中已變更，本工作站的決定未套用，請重新審核")
    s.add(Decision(**d.columns()))
    s.flush()
    if strike is not None and s.scalar(select(Strike.id).where(Strike.post_id == strike.post_id)) is None:
        s.add(
            Strike(
                facility_id=d.facility_id,
                service_id=strike.service_id,
                post_id=strike.post_id,
                decision_key=d.key,
                reason_code=strike.reason_code,
                created_at=d.decided_at,
            )
        )
        s.flush()
    return True


def decide_many(conn: Connection, rows: Sequence[DecisionRow]) -> int:
    """Decisions without a strike on pending items, set-wise. Raises Refused (RD409) unless every
    item was still at the version reviewed; the caller then rolls back the whole transaction."""
    if not rows:
        return 0
    if on_postgresql(conn):
        payload = _payload([d.payload() for d in rows])
        return int(_call(conn, "SELECT public.reviewdesk_decide_many(CAST(:p AS jsonb))", p=payload).scalar())
    if not conn.dialect.supports_sane_multi_rowcount:
        raise Refused("RD409", "driver cannot count rows of an executemany")
    refuse_without_second_look(conn, rows)
    changed = 0
    for kind, model in ITEM_MODELS.items():
        mine = [d for d in rows if d.kind == kind]
        if not mine:
            continue
        table: Table = model.__table__  # type: ignore[assignment]
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
            for d in mine
        ]
        changed += conn.execute(each, params).rowcount
    if changed != len(rows):
        raise Refused("RD409", f"{len(rows) - changed} 件案件在共用資料庫中已變更")
    conn.execute(insert(Decision), [d.columns() for d in rows])
    return changed


def refuse_without_second_look(s: Session | Connection, rows: Sequence[DecisionRow]) -> None:
    """SQLite's side of migration 0010's trigger: no application approved in one step where the
    facility keeps four eyes on, and no decision on one whose first decision waits for a second look."""
    ids = [d.item_id for d in rows if d.kind == "application"]
    if not ids:
        return
    waiting = select(SecondLook.id).where(
        SecondLook.subject == "application", SecondLook.subject_id.in_(ids), SecondLook.state == "waiting"
    )
    if s.scalar(waiting.limit(1)) is not None:
        raise Refused("RD409", "此申請的核准正等待本機關另一位同仁覆核（待覆核），不能另作決定")
    facilities = {d.facility_id for d in rows if d.kind == "application" and d.outcome == "approve"}
    if facilities and s.scalar(select(Facility.id).where(Facility.id.in_(facilities), Facility.four_eyes)):
        raise Refused("RD403", "服務申請的核准須由本機關另一位同仁覆核（四眼原則），本決定未套用")


# ---- a family's standing after a strike -------------------------------------------------------------


def record_standing(
    s: Session,
    *,
    staff_username: str,
    facility_id: int,
    service_id: int,
    changes: Sequence[tuple[str, Cycle]],
    hold: tuple[datetime, str] | None,
) -> None:
    """The family's suspensions as the replay has them (a new one recorded, one a late earlier strike
    moved corrected) and, while one runs, its pending posts held (no version change: R3). On
    PostgreSQL the function checks each suspension against the strikes and the facility's policy."""
    if on_postgresql(s):
        payload = {
            "staff_username": staff_username,
            "service_id": service_id,
            "suspensions": [
                {
                    "action": action,
                    "block": c.number,
                    "starts_at": c.starts_at,
                    "ends_at": c.ends_at,
                    "origin_key": c.spent[-1],
                }
                for action, c in changes
            ],
            "hold": None if hold is None else {"until": hold[0], "reason": hold[1]},
        }
        _call(s, "SELECT public.reviewdesk_record_standing(CAST(:p AS jsonb))", p=_payload(payload))
        return
    rows = {r.block: r for r in s.scalars(select(Suspension).where(Suspension.service_id == service_id))}
    for action, cycle in changes:
        if action == "suspension":
            s.add(
                Suspension(
                    facility_id=facility_id,
                    service_id=service_id,
                    block=cycle.number,
                    starts_at=cycle.starts_at,
                    ends_at=cycle.ends_at,
                    origin_key=cycle.spent[-1],
                )
            )
        else:
            row = rows[cycle.number]
            row.starts_at, row.ends_at, row.origin_key = cycle.starts_at, cycle.ends_at, cycle.spent[-1]
    s.flush()
    if hold is not None:
        s.execute(
            update(Post)
            .where(Post.service_id == service_id, Post.status == "pending")
            .values(status="held", held_reason=hold[1])
        )


# ---- claims (PostgreSQL; sync/claims.py has SQLite's) ------------------------------------------------


def claim(
    s: Session, username: str, workstation: str, facility_id: int, now: datetime, limit: int
) -> list[tuple[str, int]]:
    """Claim up to ``limit`` of the oldest undecided items of the facility (none unless it is the
    member's own) for the facility's lease."""
    rows = _call(
        s,
        "SELECT item_kind, item_id FROM public.reviewdesk_claim(:u, :w, :f, :now, :n)",
        u=username,
        w=workstation,
        f=facility_id,
        now=now,
        n=limit,
    )
    return [(str(kind), int(item_id)) for kind, item_id in rows]


def renew(s: Session, username: str, workstation: str, now: datetime, keys: Sequence[tuple[str, int]]) -> int:
    return int(
        _call(
            s,
            "SELECT public.reviewdesk_renew(:u, :w, :now, CAST(:kinds AS text[]), CAST(:ids AS integer[]))",
            u=username,
            w=workstation,
            now=now,
            kinds=[k for k, _ in keys],
            ids=[i for _, i in keys],
        ).scalar()
    )


def release(s: Session, username: str, workstation: str, kind: str, item_id: int) -> bool:
    return bool(
        _call(
            s,
            "SELECT public.reviewdesk_release(:u, :w, :k, :i)",
            u=username,
            w=workstation,
            k=kind,
            i=item_id,
        ).scalar()
    )


# ---- print and hand-over records (PostgreSQL; sync/push_records.py has SQLite's) ----------------------


def record_print(s: Session, values: Mapping[str, Any]) -> tuple[str, str, int]:
    """(outcome, the post's status, its version): outcome "printed", "reprinted", "kept_as_reprint"
    (printed from another workstation first) or "already" (a replay)."""
    row = _call(
        s, "SELECT * FROM public.reviewdesk_record_print(CAST(:p AS jsonb))", p=_payload(values)
    ).one()
    return str(row[0]), str(row[1]), int(row[2])


def record_handover(s: Session, values: Mapping[str, Any]) -> tuple[str, str, int]:
    """(outcome "recorded" or "already", the post's status, its version)."""
    row = _call(
        s, "SELECT * FROM public.reviewdesk_record_handover(CAST(:p AS jsonb))", p=_payload(values)
    ).one()
    return str(row[0]), str(row[1]), int(row[2])
