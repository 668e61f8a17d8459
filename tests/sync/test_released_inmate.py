"""Nothing stuck after a release (issue 22): a post or an application of a released inmate cannot be
approved at the desk (INMATE_RELEASED, not a strike); one approved anyway — decided offline before the
release was known, pushed later — is closed at once as undeliverable with the family's words; the
release itself rejects what was still waiting, and a workstation holding one gets a visible conflict.
On an SQLite file and on PostgreSQL, there as a reviewer's own login role too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.core.messages import FINDING_TEXTS
from reviewer_app.core.rules.delivery import RELEASED_FOR_FAMILY
from reviewer_app.journal import DecisionRefused
from reviewer_app.printing.jobs import PrintDesk
from reviewer_app.shared_db.models import (
    Decision,
    Facility,
    Handover,
    Inmate,
    Post,
    ServiceApplication,
    Strike,
)
from reviewer_app.shared_db.movements import record_release
from tests import factories
from tests.desk import Workstation, workstation
from tests.printing.test_records import Counter
from tests.staffdb import PgLogins


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


def _pending_post(engine: Engine) -> tuple[int, int, int]:
    """(facility, a pending post, its inmate)."""
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        post = factories.post(s, app)
        return fac.id, post.id, app.inmate_id


def _custody_only(engine: Engine, inmate: int) -> None:
    """The agency's feed marks the inmate released without the release function (a plain update of
    the record, or an approval racing the release): the shared database must still close the post."""
    with Session(engine) as s, s.begin():
        row = s.get(Inmate, inmate)
        assert row is not None
        row.custody = "released"


def _post_state(engine: Engine, post: int) -> tuple[str, list[tuple[str | None, str | None]]]:
    with Session(engine) as s:
        status = s.scalar(select(Post.status).where(Post.id == post))
        handovers = s.execute(select(Handover.reason, Handover.note).where(Handover.post_id == post)).all()
        return str(status), [tuple(h) for h in handovers]  # type: ignore[misc]


def _strikes(engine: Engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(Strike)) or 0


def test_the_desk_refuses_to_approve_for_a_released_inmate_and_the_rejection_is_no_strike(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    fid, post, inmate = _pending_post(engine)
    _custody_only(engine, inmate)
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    try:
        ws.sync.pull()
        with pytest.raises(DecisionRefused) as refused:
            ws.decide("post", post, "approve")
        (released,) = refused.value.findings
        assert (released.code, released.reason_code, released.held) == (
            "E3_RELEASED",
            "INMATE_RELEASED",
            False,
        )
        assert "出監" in FINDING_TEXTS["E3_RELEASED"].zh_tw
        reason = ws.journal.catalogue()["INMATE_RELEASED"]  # the facility's own copy, pulled
        assert not reason.counts_as_strike and "出監" in reason.text

        record = ws.decide("post", post, "reject", "INMATE_RELEASED")
        assert record.strike is None
        assert ws.sync.push().applied == 1
        assert _post_state(engine, post)[0] == "rejected"
        assert _strikes(engine) == 0
    finally:
        ws.close()


def _approve_offline_then_release(ws: Workstation, engine: Engine, post: int, inmate: int) -> None:
    ws.sync.pull()
    ws.decide("post", post, "approve")  # in the journal only: the shared database is out of reach
    _custody_only(engine, inmate)


def test_an_approval_pushed_after_the_release_closes_the_post_for_the_family(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    fid, post, inmate = _pending_post(engine)
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    try:
        _approve_offline_then_release(ws, engine, post, inmate)
        assert ws.sync.push().applied == 1  # the reviewer's decision is kept, not lost
    finally:
        ws.close()
    assert _post_state(engine, post) == ("undeliverable", [("released", RELEASED_FOR_FAMILY)])


def test_the_release_rejects_what_was_waiting_and_a_decision_held_offline_is_a_conflict(
    engine: Engine, shared_url: str, tmp_path: Path
) -> None:
    fid, post, inmate = _pending_post(engine)
    with Session(engine) as s, s.begin():
        fac = s.get(Facility, fid)
        assert fac is not None
        applying = factories.family(s, fac, approved=False)
        application, applying_inmate = applying.id, applying.inmate_id
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    try:
        ws.sync.pull()
        held = ws.decide("post", post, "approve")  # offline, before the release reached this desk
        with Session(engine) as s, s.begin():  # the facility's records
            assert record_release(s, inmate, factories.T0) == []
            record_release(s, applying_inmate, factories.T0)
        result = ws.sync.push()
        assert result.applied == 0
        conflict = ws.journal.decision(held.key)
        assert conflict is not None and conflict.state == "conflict"
        assert "機關紀錄" in (conflict.conflict_reason or ""), conflict.conflict_reason
    finally:
        ws.close()
    with Session(engine) as s:
        assert s.scalar(select(Post.status).where(Post.id == post)) == "rejected"
        assert (
            s.scalar(select(ServiceApplication.status).where(ServiceApplication.id == application))
            == "rejected"
        )
        rows = s.execute(select(Decision.item_kind, Decision.reason_codes, Decision.staff_username)).all()
        assert sorted(tuple((k, tuple(r), u)) for k, r, u in rows) == [
            ("application", ("INMATE_RELEASED",), "機關紀錄"),
            ("post", ("INMATE_RELEASED",), "機關紀錄"),
        ]
    assert _strikes(engine) == 0


@pytest.mark.postgres
def test_a_reviewers_own_login_cannot_keep_an_approval_for_a_released_inmate(
    pg_url: str, pg_logins: PgLogins, tmp_path: Path
) -> None:
    engine = factories.shared_engine(pg_url)
    fid, post, inmate = _pending_post(engine)
    reviewer = pg_logins.add("reviewer", "TTD", fid)
    ws = workstation(reviewer.url, tmp_path, "ws-a", reviewer.username, fid)
    try:
        _approve_offline_then_release(ws, engine, post, inmate)
        assert ws.sync.push().applied == 1
    finally:
        ws.close()
    assert _post_state(engine, post) == ("undeliverable", [("released", RELEASED_FOR_FAMILY)])
    with reviewer.connect() as conn, pytest.raises(errors.InsufficientPrivilege):  # nor switch it off
        conn.execute("ALTER TABLE posts DISABLE TRIGGER posts_released_closes")
    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql")) as conn:
        (words,) = conn.execute(
            "SELECT undeliverable_reason FROM reviewdesk_portal_delivery("
            "(SELECT applicant_id FROM service_applications a JOIN posts p ON p.service_id = a.id "
            "WHERE p.id = %s))",
            (post,),
        ).fetchone() or (None,)
        assert words == RELEASED_FOR_FAMILY
    engine.dispose()


def test_a_post_closed_by_the_release_cannot_go_back_to_the_list_from_a_stale_desk(
    shared_url: str, tmp_path: Path
) -> None:
    """Undeliverable for another reason (in hospital), then released: the family reads the release's
    words, and 放回待列印 recorded on a list read before the release is a conflict, not an approval."""
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        row = factories.post(s, app)
        row.status, row.version = "approved", 2
        s.flush()
        fid, post, inmate = fac.id, row.id, app.inmate_id
    ws = workstation(shared_url, tmp_path, "ws-c", "ttd_counsellor", fid)
    counsellor = Counter(ws, PrintDesk(ws.sync, lambda doc: b"", "黃輔導員", clock=ws.clock))
    try:
        counsellor.desk.refresh()
        counsellor.print([post])
        counsellor.hand_over([post], "undeliverable", reason="other", note="收容人住院中")
        counsellor.ws.sync.push()
        counsellor.desk.refresh()
        with Session(engine) as s, s.begin():
            assert record_release(s, inmate, factories.T0) == [post]
        assert _post_state(engine, post) == (
            "undeliverable",
            [("other", "收容人住院中"), ("released", RELEASED_FOR_FAMILY)],
        )

        counsellor.hand_over([post], "returned")  # the list still shows it as in hospital
        pushed = counsellor.ws.sync.push()
        assert pushed.records.conflicts == 1
    finally:
        counsellor.ws.close()
    assert _post_state(engine, post)[0] == "undeliverable"
    with Session(engine) as s:
        last = s.scalar(select(Handover.reason).where(Handover.post_id == post).order_by(Handover.id.desc()))
        assert last == "released"  # what the family reads: the release's words
    engine.dispose()
