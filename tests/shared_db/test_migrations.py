"""`db upgrade` from empty and from the previous head, on SQLite and PostgreSQL; the database itself
refuses what must never happen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.cli import main
from reviewer_app.core.reasons import DEFAULT_TEMPLATES
from reviewer_app.core.vocabulary import ELIGIBLE_RELATIONSHIPS
from reviewer_app.shared_db.engine import (
    _head_from_files,
    current_revision,
    head_revision,
    is_current,
    make_engine,
    upgrade,
)
from reviewer_app.shared_db.models import Base, Decision, Post, ServiceApplication
from tests import factories

FACILITY_TTD = (
    "INSERT INTO facilities (code, name, post_window_days, body_max_chars, max_photos, "
    "photo_max_bytes, max_attachments, attachments_max_total_bytes, strike_threshold, "
    "suspension_months, child_max_age, claim_lease_minutes, review_target_hours) "
    "VALUES ('TTD', '臺東戒治所', 30, 100, 1, 10485760, 3, 20971520, 3, 1, 18, 20, 72)"
)


def test_upgrade_from_empty_matches_the_models(shared_url: str) -> None:
    engine = make_engine(shared_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    engine.dispose()


def test_the_desks_quick_schema_check_agrees_with_alembic(shared_url: str) -> None:
    """The desk checks the schema at start without importing Alembic (shared_db.engine.is_current)."""
    assert _head_from_files() == head_revision()
    engine = make_engine(shared_url)
    assert not is_current(engine)  # empty: no version table yet
    upgrade(engine, "0004")
    assert not is_current(engine)
    upgrade(engine)
    assert is_current(engine)
    engine.dispose()


def test_upgrade_from_previous_head_keeps_data(shared_url: str) -> None:
    engine = make_engine(shared_url)
    upgrade(engine, "0001")
    assert "claimed_by" not in {c["name"] for c in inspect(engine).get_columns("posts")}
    with engine.begin() as conn:
        conn.execute(text(FACILITY_TTD))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM facilities WHERE code = 'TTD'")).scalar() == "臺東戒治所"
    assert "claimed_by" in {c["name"] for c in inspect(engine).get_columns("posts")}
    engine.dispose()


def test_cli_db_upgrade_uses_the_environment_url(
    shared_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REVIEWER_DATABASE_URL", shared_url)
    assert main(["db", "upgrade"]) == 0
    assert head_revision() in capsys.readouterr().out
    engine = make_engine(shared_url)
    with engine.begin() as conn:  # IT adds a facility with plain SQL; the next upgrade gives it its reasons
        conn.execute(text(FACILITY_TTD))
    assert main(["db", "upgrade"]) == 0
    with engine.connect() as conn:
        reasons = conn.execute(
            text("SELECT count(*) FROM rejection_reasons r JOIN facilities f ON f.id = r.facility_id")
        ).scalar()
    engine.dispose()
    assert reasons == len(DEFAULT_TEMPLATES)


def test_cli_defaults_to_the_embedded_file_in_the_data_folder(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    import os

    assert main(["db", "upgrade"]) == 0
    assert os.path.exists(os.path.join(os.environ["REVIEWER_DATA_DIR"], "shared.sqlite3"))


def test_database_refuses_broken_invariants(shared_url: str) -> None:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        post_id = factories.post(s, app).id
        inmate_id, fid, app_id = app.inmate_id, fac.id, app.id

    def refuses(statement: str) -> None:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(statement))

    refuses(f"UPDATE posts SET status = 'lost' WHERE id = {post_id}")  # valid statuses only
    # One active (approved) service per inmate (E4).
    with Session(engine) as s, s.begin():
        second = factories.family(s, s.get(factories.Facility, fid), approved=False)  # type: ignore[arg-type]
        second_id = second.id
    refuses(
        f"UPDATE service_applications SET inmate_id = {inmate_id}, status = 'approved' WHERE id = {second_id}"
    )
    # One decision per item version.
    now = datetime.now(UTC)
    with Session(engine) as s, s.begin():
        s.add(
            Decision(
                idempotency_key="k1",
                facility_id=fid,
                item_kind="post",
                item_id=post_id,
                item_version=1,
                outcome="approve",
                reason_codes=[],
                staff_username="a",
                workstation="w",
                decided_at=now,
            )
        )
    with pytest.raises(IntegrityError), Session(engine) as s, s.begin():
        s.add(
            Decision(
                idempotency_key="k2",
                facility_id=fid,
                item_kind="post",
                item_id=post_id,
                item_version=1,
                outcome="reject",
                reason_codes=[],
                staff_username="b",
                workstation="w",
                decided_at=now,
            )
        )
    # A post's version never goes below 1, a document belongs to exactly one item.
    refuses(f"UPDATE posts SET version = 0 WHERE id = {post_id}")
    refuses(f"UPDATE documents SET application_id = {app_id} WHERE post_id = {post_id}")
    with Session(engine) as s:
        post = s.get(Post, post_id)
        assert post is not None and post.status == "pending"
    engine.dispose()


def test_the_database_stores_every_eligible_relationship(shared_url: str) -> None:
    """R6: the in-laws' codes pass the database's check (not only E2), and an unknown code does not."""
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        app_id = factories.family(s, factories.facility(s)).id
    for code in sorted(ELIGIBLE_RELATIONSHIPS):
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE service_applications SET relationship = :r WHERE id = :i"),
                {"r": code, "i": app_id},
            )
        with Session(engine) as s:
            app = s.get(ServiceApplication, app_id)
            assert app is not None and app.relationship_code == code
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text("UPDATE service_applications SET relationship = 'neighbour' WHERE id = :i"), {"i": app_id}
        )
    engine.dispose()
