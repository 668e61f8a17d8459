"""Verifying the audit trail: walk every chain the session can see and report the first broken link
(an event altered in place, one deleted, a link rewritten, an event written outside the chain)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Text, cast, func, null, select
from sqlalchemy.orm import Session

from reviewer_app.access.audit_hash import hash_of, utc_text
from reviewer_app.shared_db.models import AuditChainHead, AuditEvent


@dataclass(frozen=True)
class Break:
    chain: int  # facility id, 0 for events without one
    kind: str  # altered | missing | link | duplicate | head | unchained | unreadable | format | checkpoint
    seq: int | None
    event_id: int | None
    message: str  # zh-TW


@dataclass(frozen=True)
class VerifyReport:
    chains: int
    events: int
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def describe_event(e: AuditEvent) -> str:
    return f"#{e.id}（{utc_text(e.occurred_at)[:19]}Z {e.staff_username} {e.action}）"


def _verify_chain(s: Session, chain: int, head: AuditChainHead | None) -> tuple[int, Break | None]:
    # Not coalesce(facility_id, 0) = chain: that would scan the whole table once per chain.
    where = AuditEvent.facility_id.is_(None) if chain == 0 else AuditEvent.facility_id == chain
    # PostgreSQL's json column keeps the text as inserted: hashed with its numbers as written (a
    # detail typed in psql as 1.50 is no false alarm). SQLite's details are all the app's own.
    pg = s.get_bind().dialect.name == "postgresql"
    stored = (cast(AuditEvent.detail, Text) if pg else null()).label("detail_text")
    rows = s.execute(
        select(AuditEvent, stored)
        .where(where)
        .order_by(AuditEvent.chain_seq, AuditEvent.id)
        .execution_options(yield_per=2000)
    )
    read = [0, 0]  # events read so far, chain number of the last one

    def reading() -> Iterator[tuple[AuditEvent, str | None]]:
        for e, detail_text in rows:
            read[:] = [read[0] + 1, e.chain_seq or 0]
            yield e, detail_text

    try:
        return _walk(reading(), chain, head)
    except ValueError:
        # A detail that is not JSON (or not UTF-8), a time that is not one: SQLite stores what it is
        # given, so a row changed in the database can fail to load at all. That is a broken chain.
        rows.close()
        return read[0], _unreadable(s, chain, where, after_seq=read[1])
    finally:
        rows.close()  # a break ends the walk early: close the server-side cursor


def _unreadable(s: Session, chain: int, where: ColumnElement[bool], after_seq: int) -> Break:
    """The first event after `after_seq` that cannot be loaded (the walk loads them in batches)."""
    candidates = s.execute(
        select(AuditEvent.id, AuditEvent.chain_seq)
        .where(where, AuditEvent.chain_seq > after_seq)
        .order_by(AuditEvent.chain_seq, AuditEvent.id)
    ).all()
    for event_id, seq in candidates:
        try:
            s.execute(
                select(AuditEvent.detail, AuditEvent.occurred_at).where(AuditEvent.id == event_id)
            ).one()
        except ValueError:
            return Break(
                chain,
                "unreadable",
                seq,
                event_id,
                f"事件 #{event_id} 的內容無法讀取（不是程式寫入的格式，寫入後被修改）",
            )
    return Break(chain, "unreadable", None, None, "稽核鏈中有事件的內容無法讀取（寫入後被修改）")


def _walk(
    rows: Iterable[tuple[AuditEvent, str | None]], chain: int, head: AuditChainHead | None
) -> tuple[int, Break | None]:
    expected, prev, count, since_v2 = 1, None, 0, False
    for e, detail_text in rows:
        count += 1
        if e.chain_seq is None or e.hash is None:
            return count, Break(
                chain, "unchained", None, e.id, f"事件 {describe_event(e)} 不在稽核鏈中（未經程式寫入）"
            )
        if e.chain_seq > expected:
            missing = (
                f"第 {expected} 筆" if e.chain_seq == expected + 1 else f"第 {expected}–{e.chain_seq - 1} 筆"
            )
            return count, Break(
                chain,
                "missing",
                expected,
                e.id,
                f"稽核鏈{missing}事件遺失（已被刪除），發生在事件 {describe_event(e)} 之前",
            )
        if e.chain_seq < expected:
            return count, Break(
                chain, "duplicate", e.chain_seq, e.id, f"事件 {describe_event(e)} 的序號 {e.chain_seq} 重複"
            )
        if e.prev_hash != prev:
            return count, Break(
                chain,
                "link",
                e.chain_seq,
                e.id,
                f"事件 {describe_event(e)} 記錄的前一筆雜湊與前一筆事件不符（鏈結被改寫）",
            )
        if e.recorded_at is None and since_v2:
            # Once the chain is written in v2 (since revision 0008), an event in v1 was rewritten.
            said = f"事件 {describe_event(e)} 以舊的雜湊格式寫在新格式之後（寫入後被改寫）"
            return count, Break(chain, "format", e.chain_seq, e.id, said)
        since_v2 = since_v2 or e.recorded_at is not None
        try:
            altered = hash_of(e, detail_text) != e.hash
        except ValueError:  # a detail no program writes (NaN, …): changed in the database
            altered = True
        if altered:
            said = f"事件 {describe_event(e)} 的內容與其雜湊不符（寫入後被修改）"
            return count, Break(chain, "altered", e.chain_seq, e.id, said)
        prev = e.hash
        expected += 1
    last = expected - 1
    if head is None:
        if count:
            return count, Break(chain, "head", None, None, "找不到此稽核鏈的鏈尾紀錄")
        return count, None
    if head.last_seq > last:
        return count, Break(
            chain,
            "missing",
            last + 1,
            None,
            f"稽核鏈尾端遺失 {head.last_seq - last} 筆事件"
            f"（鏈尾記錄為第 {head.last_seq} 筆，最後一筆為第 {last} 筆）",
        )
    if head.last_seq != last or head.last_hash != prev:
        return count, Break(chain, "head", last, None, "稽核鏈的鏈尾紀錄與最後一筆事件不符")
    return count, None


def verify(s: Session) -> VerifyReport:
    """Walk every chain visible to this connection; the first break, in facility order, is reported."""
    heads = {h.facility_id: h for h in s.scalars(select(AuditChainHead))}
    chains = set(heads) | set(s.scalars(select(func.coalesce(AuditEvent.facility_id, 0)).distinct()))
    total = 0
    for chain in sorted(chains):
        count, broken = _verify_chain(s, chain, heads.get(chain))
        total += count
        if broken is not None:
            return VerifyReport(len(chains), total, broken)
    return VerifyReport(len(chains), total, None)
