"""Rows inserted many at a time (a push's decisions and audit events) read back exactly as written."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.shared_db import bulk
from reviewer_app.shared_db.models import Decision
from tests import factories

T = datetime(2026, 11, 30, 2, 15, 30, 123456, tzinfo=UTC)


def test_many_rows_arrive_as_written_with_defaults_nulls_and_chinese_text(shared_url: str) -> None:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    rows = [
        {
            "idempotency_key": f"00000000-0000-0000-0000-{i:012d}",
            "facility_id": fid,
            "item_kind": "post",
            "item_id": i,
            "item_version": 1,
            "outcome": "reject" if i % 2 else "approve",
            "reason_codes": ["P2_CONTENT", "照片不清楚"] if i % 2 else [],
            "message_to_family": "請重新拍攝，謝謝。" if i % 2 else None,
            "note": None,
            "staff_username": "ttd_reviewer",
            "workstation": "櫃台一號",
            "decided_at": T + timedelta(seconds=i),
        }
        for i in range(1, 301)
    ]
    before = datetime.now(UTC)
    with engine.begin() as conn:
        bulk.insert_rows(conn, Decision.__table__, rows)  # type: ignore[arg-type]
        bulk.insert_rows(conn, Decision.__table__, [])  # nothing to insert is not an error
    with Session(engine) as s:
        stored = s.scalars(select(Decision).order_by(Decision.item_id)).all()
    engine.dispose()
    assert len(stored) == 300
    for row, decision in zip(rows, stored, strict=True):
        assert {name: getattr(decision, name) for name in row} == row
        assert decision.applied_at >= before - timedelta(seconds=1)  # the column's default, filled in

