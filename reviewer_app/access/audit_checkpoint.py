"""Checkpoints of the audit chains, kept outside the database (`audit checkpoint`, `verify --against`).

Inside the database the chain proves that nobody without the owner's rights changed the trail. The
schema owner can switch the trigger off, rewrite an event and recompute every later hash; a superuser
likewise. A checkpoint is each chain's head (number, hash, time) written to a file that IT keeps
elsewhere. Because every hash covers the one before, an event at the checkpoint's number with the
checkpoint's hash proves that the whole chain up to it is as it was: an event edited, deleted or slipped
in before it changes that hash, or leaves the number short. An event added at the end with an earlier
time than the checkpoint's is named too (written with the trigger off, dated into the past).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from reviewer_app.access.audit_hash import utc_text
from reviewer_app.access.audit_verify import Break, VerifyReport, describe_event, verify
from reviewer_app.shared_db.models import AuditChainHead, AuditEvent, utcnow

CHECKPOINT_FORMAT = "reviewdesk-audit-checkpoint-v1"


class CheckpointError(ValueError):
    """The file is not a checkpoint that can be read; the message is for the user (zh-TW)."""


@dataclass(frozen=True)
class ChainMark:
    chain: int
    seq: int
    hash: str | None
    at: datetime  # when the head last moved


@dataclass(frozen=True)
class Checkpoint:
    taken_at: datetime
    database: str
    chains: tuple[ChainMark, ...]

    @property
    def events(self) -> int:
        return sum(m.seq for m in self.chains)


@dataclass(frozen=True)
class CheckpointReport:
    chain_report: VerifyReport
    first_break: Break | None
    checked_events: int  # events before the checkpoint proven unchanged
    not_visible: tuple[int, ...]  # chains of the checkpoint this connection may not read


def take(s: Session) -> Checkpoint:
    """The heads of every chain this connection can see, as they are now."""
    pg = s.get_bind().dialect.name == "postgresql"
    taken_at = s.scalar(select(func.clock_timestamp())) if pg else utcnow()
    if pg:
        database = str(s.scalar(text("SELECT current_database()")))
    else:
        database = str(s.connection().engine.url.database)
    marks = tuple(
        ChainMark(h.facility_id, h.last_seq, h.last_hash, h.updated_at)
        for h in s.scalars(select(AuditChainHead).order_by(AuditChainHead.facility_id))
    )
    assert isinstance(taken_at, datetime)
    return Checkpoint(taken_at, database, marks)


def to_text(checkpoint: Checkpoint) -> str:
    document = {
        "format": CHECKPOINT_FORMAT,
        "taken_at": utc_text(checkpoint.taken_at),
        "database": checkpoint.database,
        "chains": [
            {"chain": m.chain, "seq": m.seq, "hash": m.hash, "at": utc_text(m.at)} for m in checkpoint.chains
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write(checkpoint: Checkpoint, path: Path) -> str:
    """Write the checkpoint (readable by its owner only, replaced whole or not at all); returns the
    SHA-256 of the file, to be noted down apart from it."""
    content = to_text(checkpoint).encode("utf-8")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return hashlib.sha256(content).hexdigest()


def load(path: Path) -> Checkpoint:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CheckpointError(f"無法讀取檢查點檔案 {path}：{exc.strerror or exc}") from None
    not_one = f"{path} 不是稽核鏈檢查點檔案（請指定 reviewer-app audit checkpoint 寫出的檔案）"
    try:
        document = json.loads(raw.decode("utf-8"))
        if document.get("format") != CHECKPOINT_FORMAT:
            raise CheckpointError(not_one)
        chains = tuple(
            ChainMark(int(c["chain"]), int(c["seq"]), c["hash"], datetime.fromisoformat(c["at"]))
            for c in document["chains"]
        )
        return Checkpoint(datetime.fromisoformat(document["taken_at"]), str(document["database"]), chains)
    except CheckpointError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise CheckpointError(not_one) from None


def verify_against(
    s: Session, checkpoint: Checkpoint, visible: Collection[int] | None = None
) -> CheckpointReport:
    """The chains hold (:func:`verify`), and each chain of the checkpoint still has, at the checkpoint's
    number, the checkpoint's hash, with nothing dated before the checkpoint after it. `visible`: the
    chains this connection may read (None: all; a chain missing then is a chain deleted)."""
    report = verify(s)
    hidden = tuple(m.chain for m in checkpoint.chains if visible is not None and m.chain not in visible)
    if report.first_break is not None:
        return CheckpointReport(report, report.first_break, 0, hidden)
    checked = 0
    for mark in checkpoint.chains:
        if mark.chain in hidden or mark.seq == 0:
            continue
        broken = _compare(s, mark)
        if broken is not None:
            return CheckpointReport(report, broken, checked, hidden)
        checked += mark.seq
    return CheckpointReport(report, None, checked, hidden)


def _compare(s: Session, mark: ChainMark) -> Break | None:
    chain = mark.chain
    where = AuditEvent.facility_id.is_(None) if chain == 0 else AuditEvent.facility_id == chain
    head = s.get(AuditChainHead, chain)
    last = head.last_seq if head is not None else 0
    if last < mark.seq:
        lost = f"第 {mark.seq} 筆" if last + 1 == mark.seq else f"第 {last + 1}–{mark.seq} 筆"
        return Break(
            chain,
            "checkpoint",
            mark.seq,
            None,
            f"檢查點時此鏈已有 {mark.seq} 筆事件，現在只有 {last} 筆：檢查點之前的{lost}事件被刪除",
        )
    at_mark = s.scalars(select(AuditEvent).where(where, AuditEvent.chain_seq == mark.seq)).first()
    if at_mark is None or at_mark.hash != mark.hash:
        event = describe_event(at_mark) if at_mark is not None else ""
        return Break(
            chain,
            "checkpoint",
            mark.seq,
            at_mark.id if at_mark is not None else None,
            f"第 {mark.seq} 筆事件{event}與檢查點記錄的雜湊不符：檢查點之前的事件被修改、刪除或插入，"
            "整條鏈再被重新計算過",
        )
    slipped_in = s.scalars(
        select(AuditEvent)
        .where(where, AuditEvent.chain_seq > mark.seq)
        .where((AuditEvent.recorded_at < mark.at) | AuditEvent.recorded_at.is_(None))
        .order_by(AuditEvent.chain_seq)
        .limit(1)
    ).first()
    if slipped_in is not None:
        return Break(
            chain,
            "checkpoint",
            slipped_in.chain_seq,
            slipped_in.id,
            f"事件 {describe_event(slipped_in)} 排在檢查點之後，寫入時間卻早於檢查點記錄的鏈尾時間"
            f"（{utc_text(mark.at)[:19]}Z）：是關閉觸發器後補寫的",
        )
    return None
