"""The audit chain is the database's (issue #19, item 3): on PostgreSQL a trigger numbers, links, hashes
and time-stamps every event and moves the chain's head; staff logins cannot forge an event or rewind
the head with plain SQL. `audit checkpoint` writes the heads to a file kept outside the database, and
`audit verify --against` catches what even the schema owner can do with the trigger switched off."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from psycopg import errors
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain, audit_hash
from reviewer_app.cli import main
from reviewer_app.shared_db.models import AuditChainHead, AuditEvent
from tests import factories
from tests.staffdb import Login, PgLogins

pytestmark = pytest.mark.postgres

REJECTED = 'UPDATE audit_events SET detail = \'{"outcome": "reject"}\' WHERE id = :i'
TRICKY_DETAILS = [
    {"outcome": "approve", "名": "王小明", "reasons": ["P3", "P4"]},
    {'a"b\\c': "line\nbreak\ttab\u0001\u001f\u007f", "": "", "é": {"z": 1, "aa": -0.0001, "b": None}},
    {"long key here": 1e20, "x": 2.5, "y": 1.0, "bools": [True, False, None], "tiny": 1e-07, "n": -3},
    {"emoji": "😀 \u2028 </script>", "nested": [[], {}, [{"k": "v"}]], "bb": 1, "a": 2, "ccc": 3},
]


@dataclass
class Chained:
    engine: Engine  # superuser
    url: str
    a: int
    b: int
    reviewer_a: Login
    supervisor_a: Login
    reviewer_b: Login


@pytest.fixture
def chained(pg_url: str, pg_logins: PgLogins) -> Iterator[Chained]:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        a, b = factories.facility(s, "TTD").id, factories.facility(s, "TYJ").id
    world = Chained(
        engine,
        pg_url,
        a,
        b,
        reviewer_a=pg_logins.add("reviewer", "TTD", a),
        supervisor_a=pg_logins.add("supervisor", "TTD", a),
        reviewer_b=pg_logins.add("reviewer", "TYJ", b),
    )
    yield world
    engine.dispose()


def _decisions(engine: Engine, facility_id: int, n: int, who: str = "ttd_reviewer") -> list[int]:
    with Session(engine) as s, s.begin():
        events = [
            audit_chain.new_event(
                action="decision",
                staff_username=who,
                workstation="ws-1",
                facility_id=facility_id,
                occurred_at=factories.T0 + timedelta(minutes=k),
                item_kind="post",
                item_id=k,
                detail={"outcome": "approve", "n": k},
            )
            for k in range(n)
        ]
        audit_chain.append(s, events)
        return [e.id for e in events]


def _head(engine: Engine, chain: int) -> tuple[int, str | None]:
    with Session(engine) as s:
        head = s.get(AuditChainHead, chain)
        assert head is not None
        return head.last_seq, head.last_hash


def test_the_trigger_hashes_as_python_verifies(chained: Chained) -> None:
    """The canonical serialisation is the same in SQL and in Python, for awkward details too."""
    with Session(chained.engine) as s, s.begin():
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision",
                    staff_username="it",
                    workstation="ws ' \" 工作站",
                    facility_id=facility,
                    occurred_at=datetime(2026, 12, 7, 3, 4, 5, 123456, tzinfo=UTC),
                    detail=detail,
                )
                for detail in TRICKY_DETAILS
                for facility in (chained.a, None)
            ],
        )
    with Session(chained.engine) as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.staff_username == "it")).all()
        assert len(events) == 2 * len(TRICKY_DETAILS)
        for e in events:
            assert e.recorded_at is not None  # the server's time, set by the trigger
            assert audit_hash.hash_of(e) == e.hash, e.detail
        assert audit_chain.verify(s).ok


def test_numbers_and_keys_as_someone_types_them_in_psql_still_verify(chained: Chained) -> None:
    """A detail typed by hand (trailing zeros, exponents, a repeated key) is no false alarm: the hash
    covers the detail as jsonb prints it, and verifying reads the numbers as written."""
    with chained.reviewer_a.connect() as conn:
        conn.execute(
            "INSERT INTO audit_events (event_key, facility_id, occurred_at, staff_username, workstation, "
            "action, detail) VALUES ('typed-1', %s, now(), %s, 'psql', 'note', "
            """'{"x": 1.50, "y": 1.0E+2, "z": 1e-7, "w": -0, "k": {"a": 1, "a": 2}, """
            """"big": 123456789012345678901}')""",
            (chained.a, chained.reviewer_a.username),
        )
    with Session(chained.engine) as s:
        report = audit_chain.verify(s)
    assert report.ok, report.first_break


def test_a_reviewer_cannot_forge_a_back_dated_event_or_move_the_head(chained: Chained) -> None:
    _decisions(chained.engine, chained.a, 2, chained.reviewer_a.username)
    last_seq, last_hash = _head(chained.engine, chained.a)
    back_then = factories.T0 - timedelta(days=30)
    forged = audit_hash.event_hash(
        chain_seq=last_seq + 1,
        prev_hash=last_hash,
        event_key="forged-1",
        facility_id=chained.a,
        occurred_at=back_then,
        staff_username=chained.reviewer_a.username,
        workstation="ws-1",
        action="decision",
        item_kind=None,  # (an item of another facility, or none, is refused outright: migration 0007)
        item_id=None,
        service_id=None,
        detail={"outcome": "approve"},
    )
    with chained.reviewer_a.connect() as conn:
        # The head is the database's: not moved, not rewound, not created.
        for statement in (
            "UPDATE audit_chain_heads SET last_seq = last_seq + 1",
            "UPDATE audit_chain_heads SET last_seq = 1",
            "INSERT INTO audit_chain_heads (facility_id, last_seq, updated_at) VALUES (0, 5, now())",
            "DELETE FROM audit_chain_heads",
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(statement)
        # The event goes in, but numbered, linked, hashed and time-stamped by the database.
        conn.execute(
            "INSERT INTO audit_events (event_key, facility_id, occurred_at, staff_username, workstation, "
            "action, item_kind, item_id, detail, chain_seq, prev_hash, hash, recorded_at) "
            "VALUES ('forged-1', %s, %s, %s, 'ws-1', 'decision', NULL, NULL, '{\"outcome\": \"approve\"}', "
            "%s, %s, %s, %s)",
            (chained.a, back_then, chained.reviewer_a.username, 1, None, forged, back_then),
        )
    with Session(chained.engine) as s:
        e = s.scalars(select(AuditEvent).where(AuditEvent.event_key == "forged-1")).one()
        assert (e.chain_seq, e.prev_hash) == (last_seq + 1, last_hash)
        assert e.recorded_at is not None and e.recorded_at > datetime.now(UTC) - timedelta(minutes=5)
        assert e.hash != forged and audit_hash.hash_of(e) == e.hash
        assert audit_chain.verify(s).ok  # in the chain, at its true place and time
    assert _head(chained.engine, chained.a)[0] == last_seq + 1


def test_an_owner_can_switch_the_trigger_off_and_plain_verify_misses_a_full_rewrite(chained: Chained) -> None:
    """Why the checkpoint exists: the schema owner can rewrite and re-hash; only a copy outside shows it."""
    ids = _decisions(chained.engine, chained.a, 4)
    with chained.engine.begin() as conn, _as_owner_without_trigger(conn):
        conn.execute(text(REJECTED), {"i": ids[1]})
        _rechain(conn, chained.a)
    with Session(chained.engine) as s:
        assert audit_chain.verify(s).ok


class _as_owner_without_trigger:
    """What the schema owner (reviewdesk_owner, used by IT for migrations) can still do."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        for sql in (
            "SET LOCAL ROLE reviewdesk_owner",
            "ALTER TABLE audit_events DISABLE TRIGGER USER",
            "ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY",
            "ALTER TABLE audit_chain_heads NO FORCE ROW LEVEL SECURITY",
        ):
            self.conn.execute(text(sql))

    def __exit__(self, *exc: object) -> None:
        for sql in (
            "ALTER TABLE audit_events ENABLE TRIGGER USER",
            "ALTER TABLE audit_events FORCE ROW LEVEL SECURITY",
            "ALTER TABLE audit_chain_heads FORCE ROW LEVEL SECURITY",
        ):
            self.conn.execute(text(sql))


def _rechain(conn: Connection, chain: int, renumber: bool = False, first: int | None = None) -> None:
    """Recompute every link and hash of `chain` and its head, as someone covering their tracks would
    (`first`: the id of an event to put first in the chain)."""
    rows = list(
        conn.execute(
            text("SELECT id FROM audit_events WHERE facility_id = :c ORDER BY chain_seq, id"), {"c": chain}
        ).scalars()
    )
    if first is not None:
        rows.remove(first)
        rows.insert(0, first)
    if renumber:  # out of the way first: the numbers are unique per chain
        conn.execute(text("UPDATE audit_events SET chain_seq = -id WHERE facility_id = :c"), {"c": chain})
    prev: str | None = None
    seq = 0
    with Session(bind=conn) as s:
        for n, event_id in enumerate(rows, start=1):
            e = s.get(AuditEvent, event_id)
            assert e is not None
            s.expunge(e)  # changed here only; written below with plain SQL
            seq = n if renumber else e.chain_seq
            e.chain_seq, e.prev_hash = seq, prev
            e.hash = audit_hash.hash_of(e)
            conn.execute(
                text("UPDATE audit_events SET chain_seq = :s, prev_hash = :p, hash = :h WHERE id = :i"),
                {"s": seq, "p": prev, "h": e.hash, "i": event_id},
            )
            prev = e.hash
    conn.execute(
        text("UPDATE audit_chain_heads SET last_seq = :s, last_hash = :h WHERE facility_id = :c"),
        {"s": seq, "h": prev, "c": chain},
    )


def _checkpoint(url: str, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", url, "audit", "checkpoint", "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert "檢查點" in out and "SHA-256" in out
    assert path.stat().st_mode & 0o077 == 0  # only the one who took it reads it


def _verify_against(url: str, path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["--database-url", url, "audit", "verify", "--against", str(path)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out + captured.err


@pytest.mark.parametrize("tampering", ["edited", "deleted", "inserted-middle", "inserted-end-backdated"])
def test_verify_against_a_checkpoint_catches_what_the_owner_did_before_it(
    chained: Chained, tmp_path: Path, capsys: pytest.CaptureFixture[str], tampering: str
) -> None:
    ids = _decisions(chained.engine, chained.a, 4)
    _decisions(chained.engine, chained.b, 2, "tyj_reviewer")
    checkpoint = tmp_path / "heads.json"
    _checkpoint(chained.url, checkpoint, capsys)
    saved = json.loads(checkpoint.read_text(encoding="utf-8"))
    heads = {chain: _head(chained.engine, chain) for chain in (chained.a, chained.b)}
    assert {c["chain"]: (c["seq"], c["hash"]) for c in saved["chains"]} == heads
    _decisions(chained.engine, chained.a, 2)  # the trail goes on after the checkpoint
    assert _verify_against(chained.url, checkpoint, capsys)[0] == 0

    with chained.engine.begin() as conn, _as_owner_without_trigger(conn):
        if tampering == "edited":
            conn.execute(text(REJECTED), {"i": ids[1]})
            _rechain(conn, chained.a)
        elif tampering == "deleted":
            conn.execute(text("DELETE FROM audit_events WHERE id = :i"), {"i": ids[2]})
            _rechain(conn, chained.a, renumber=True)
        else:
            slipped_in = conn.execute(
                text(
                    "INSERT INTO audit_events (event_key, facility_id, occurred_at, staff_username, "
                    "workstation, action, detail, chain_seq, hash, recorded_at) VALUES ('slipped-in', :f, "
                    ":t, 'ttd_reviewer', 'ws-1', 'decision', '{\"outcome\": \"approve\"}', 1000, 'x', :t) "
                    "RETURNING id"
                ),
                {"f": chained.a, "t": factories.T0 + timedelta(seconds=30)},
            ).scalar()
            at_start = slipped_in if tampering == "inserted-middle" else None
            _rechain(conn, chained.a, renumber=True, first=at_start)
    with Session(chained.engine) as s:
        assert audit_chain.verify(s).ok  # re-hashed: the chain alone holds
    status, said = _verify_against(chained.url, checkpoint, capsys)
    assert status == 1, said
    assert "檢查點" in said and "稽核鏈斷裂" in said


def test_verify_against_catches_a_chain_cut_back_behind_the_checkpoint(
    chained: Chained, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _decisions(chained.engine, chained.a, 3)
    checkpoint = tmp_path / "heads.json"
    _checkpoint(chained.url, checkpoint, capsys)
    with chained.engine.begin() as conn, _as_owner_without_trigger(conn):
        conn.execute(text("DELETE FROM audit_events WHERE id = :i"), {"i": ids[-1]})
        _rechain(conn, chained.a)
    last = _head(chained.engine, chained.a)[0] + 1
    status, said = _verify_against(chained.url, checkpoint, capsys)
    assert status == 1 and f"第 {last} 筆" in said and "被刪除" in said, said


def test_a_supervisor_checks_their_own_chain_against_a_checkpoint(
    chained: Chained, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _decisions(chained.engine, chained.a, 2, chained.supervisor_a.username)
    _decisions(chained.engine, chained.b, 2, "tyj_reviewer")
    checkpoint = tmp_path / "heads.json"
    _checkpoint(chained.url, checkpoint, capsys)  # IT's: both chains
    status, said = _verify_against(chained.supervisor_a.url, checkpoint, capsys)
    assert status == 0, said
    assert "無權查看" in said  # the other facility's chain is named as not checked


def test_verify_against_a_file_that_is_not_a_checkpoint_is_one_line(
    chained: Chained, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for content in ("not json", json.dumps({"format": "something else"})):
        bad = tmp_path / "bad.json"
        bad.write_text(content, encoding="utf-8")
        status, said = _verify_against(chained.url, bad, capsys)
        assert status == 2 and "檢查點檔案" in said, said
    status, said = _verify_against(chained.url, tmp_path / "missing.json", capsys)
    assert status == 2 and "missing.json" in said
