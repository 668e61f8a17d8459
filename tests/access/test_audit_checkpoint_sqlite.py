"""`audit checkpoint` and `audit verify --against` on the embedded SQLite file: the same anchor outside
the file against someone who edits it and recomputes the chain."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain, audit_hash
from reviewer_app.cli import main
from reviewer_app.shared_db.models import AuditEvent
from tests import factories


def test_an_edited_and_rehashed_file_shows_against_the_checkpoint(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = factories.shared_engine(sqlite_url)
    with Session(engine) as s, s.begin():
        facility = factories.facility(s, "TTD").id
        audit_chain.append(
            s,
            [
                audit_chain.new_event(
                    action="decision",
                    staff_username="ttd_reviewer",
                    workstation="ws-1",
                    facility_id=facility,
                    occurred_at=factories.T0 + timedelta(minutes=k),
                    detail={"outcome": "approve", "n": k},
                )
                for k in range(3)
            ],
        )
    checkpoint = tmp_path / "heads.json"
    assert main(["--database-url", sqlite_url, "audit", "checkpoint", "-o", str(checkpoint)]) == 0
    assert "SHA-256" in capsys.readouterr().out
    assert main(["--database-url", sqlite_url, "audit", "verify", "--against", str(checkpoint)]) == 0
    assert "與檢查點" in capsys.readouterr().out

    # Someone with the file: triggers dropped, the first event changed, every hash recomputed.
    with engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_events_no_update"))
        with Session(bind=conn) as s:
            events = s.scalars(select(AuditEvent).order_by(AuditEvent.chain_seq)).all()
            s.expunge_all()
        prev = None
        for n, e in enumerate(events):
            if n == 0:
                e.detail = {"outcome": "reject", "n": 0}
                conn.execute(
                    text("UPDATE audit_events SET detail = :d WHERE id = :i"),
                    {"d": '{"outcome": "reject", "n": 0}', "i": e.id},
                )
            e.prev_hash = prev
            e.hash = audit_hash.hash_of(e)
            conn.execute(
                text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :i"),
                {"p": prev, "h": e.hash, "i": e.id},
            )
            prev = e.hash
        conn.execute(text("UPDATE audit_chain_heads SET last_hash = :h"), {"h": prev})
    assert main(["--database-url", sqlite_url, "audit", "verify"]) == 0  # the file alone holds
    capsys.readouterr()
    assert main(["--database-url", sqlite_url, "audit", "verify", "--against", str(checkpoint)]) == 1
    out = capsys.readouterr().out
    assert "稽核鏈斷裂" in out and "檢查點" in out
    engine.dispose()
