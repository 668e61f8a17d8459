"""Demo seeding: every rule problem is in the first facility's queue, the data hangs together, and
seeding is deterministic, repeatable into the same database and fast enough for thousands of families."""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import ExifTags, Image
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.core.messages import staff_text
from reviewer_app.core.policy import MB, Policy
from reviewer_app.core.reasons import DEFAULT_TEMPLATES
from reviewer_app.core.rules import Finding, blocking, child_age
from reviewer_app.core.snapshot import family_standing, findings_for
from reviewer_app.core.timeutil import local
from reviewer_app.demo import names, seed_files
from reviewer_app.demo.seed import (
    JUVENILE_INDEX,
    SCENARIO_FAMILIES,
    SeedSummary,
    is_empty,
    seed,
)
from reviewer_app.shared_db.catalogue import ensure_catalogue
from reviewer_app.shared_db.engine import make_engine, upgrade
from reviewer_app.shared_db.models import (
    Applicant,
    Child,
    Decision,
    Document,
    DocumentBlob,
    Facility,
    Inmate,
    Post,
    RejectionReason,
    Restriction,
    ServiceApplication,
    Staff,
    Strike,
    Suspension,
)
from reviewer_app.sync import pull

NOW = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
TODAY = local(NOW).date()
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
QUEUE = ("pending", "held")


def _engine(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, SeedSummary]]:
    engine = _engine(tmp_path_factory.mktemp("seed") / "s.sqlite3")
    summary = seed(engine, families=SCENARIO_FAMILIES, now=NOW, full_documents=SCENARIO_FAMILIES)
    yield engine, summary
    engine.dispose()


@pytest.fixture
def s(seeded: tuple[Engine, SeedSummary]) -> Iterator[Session]:
    with Session(seeded[0]) as session:
        yield session


def _queue_findings(s: Session, now: datetime = NOW) -> dict[tuple[str, int], list[Finding]]:
    """What the reviewer's workstation shows for each queue item: the rules run on its snapshot."""
    keys = [("application", i) for i in s.scalars(select(ServiceApplication.id).where(
        ServiceApplication.status.in_(QUEUE)))]
    keys += [("post", i) for i in s.scalars(select(Post.id).where(Post.status.in_(QUEUE)))]
    snapshots = pull.snapshots(s, keys)
    standings = {
        f.service_id: family_standing(f.replayed(now))
        for f in pull.families(s, [snap.service_id for snap in snapshots], now)
    }
    return {
        snap.key: findings_for(snap, standings[snap.service_id], now)
        for snap in snapshots
    }


def _pending_posts(s: Session) -> list[Post]:
    return list(s.scalars(select(Post).where(Post.status == "pending")))


def _photos(post: Post) -> list[Document]:
    return [d for d in post.documents if d.mime_type.startswith("image/")]


def _image(document: Document) -> Image.Image:
    assert document.blob is not None
    return Image.open(io.BytesIO(document.blob.data))


# --- the scenarios, as the rules see them -----------------------------------------------------------


def test_summary_counts_what_was_written(s: Session, seeded: tuple[Engine, SeedSummary]) -> None:
    summary = seeded[1]
    assert summary.facilities == 1 and summary.families == SCENARIO_FAMILIES
    assert summary.applications == s.scalar(select(func.count()).select_from(ServiceApplication))
    assert summary.posts == s.scalar(select(func.count()).select_from(Post))
    assert summary.documents == s.scalar(select(func.count()).select_from(Document))
    queue = s.scalar(select(func.count()).select_from(Post).where(Post.status.in_(QUEUE))) or 0
    queue += s.scalar(select(func.count()).select_from(ServiceApplication).where(
        ServiceApplication.status.in_(QUEUE))) or 0
    assert summary.pending == queue >= SCENARIO_FAMILIES


def test_every_rule_problem_is_in_the_first_facilitys_queue(s: Session) -> None:
    found = _queue_findings(s)
    codes = Counter(f.reason_code for findings in found.values() for f in findings if f.blocks)
    for code in ("P4_TOO_LONG", "P3_WINDOW", "E3_RESTRICTED", "E1_NO_MINOR_CHILD", "E4_DUPLICATE",
                 "E6_WRONG_CALL_NUMBER", "E5_MISSING_DOCS", "P7_SUSPENDED"):
        assert codes[code] >= 1, code
    messages = [staff_text(f.code, f.values) for findings in found.values() for f in findings]
    assert codes["P5_PHOTO"] >= 2
    assert any(m.startswith("照片 2 張") for m in messages)  # two photos
    assert any(m.startswith("照片 14") and "超過 10 MB" in m for m in messages)  # one big photo
    assert any(m.startswith("已累計退件 2/3 次，本則若再以違規退件") for m in messages)  # two strikes
    held = [f for findings in found.values() for f in findings if f.held]
    assert {f.rule_id for f in held} == {"E3", "P7"}


def test_a_pending_post_is_130_characters_long(s: Session) -> None:
    assert [len(p.body) for p in _pending_posts(s) if len(p.body) > 100] == [130]


def test_a_pending_post_has_two_photos_and_one_has_a_14_mb_photo(s: Session) -> None:
    posts = _pending_posts(s)
    assert any(len(_photos(p)) == 2 for p in posts)
    big = [d for p in posts for d in _photos(p) if d.size_bytes >= 14 * MB]
    assert len(big) == 1
    assert big[0].blob is not None and len(big[0].blob.data) == big[0].size_bytes
    assert _image(big[0]).format == "JPEG"


def test_a_pending_post_comes_ten_days_after_an_approved_one(s: Session) -> None:
    gaps = []
    for post in _pending_posts(s):
        earlier = [p.submitted_at for p in post.service.posts
                   if p.status == "approved" and p.submitted_at < post.submitted_at]
        if earlier:
            gaps.append((post.submitted_at - max(earlier)).days)
    assert 10 in gaps


def test_a_family_at_two_strikes_has_a_post_waiting(s: Session) -> None:
    strike_reasons = set(s.scalars(select(RejectionReason.code).where(RejectionReason.counts_as_strike)))
    counts = s.execute(select(Strike.service_id, func.count()).group_by(Strike.service_id))
    at_two = [service_id for service_id, count in counts if count == 2]
    assert at_two
    for service_id in at_two:
        service = s.get(ServiceApplication, service_id)
        assert service is not None and service.status == "approved"
        assert any(p.status == "pending" for p in service.posts)
        for strike in s.scalars(select(Strike).where(Strike.service_id == service_id)):
            assert strike.reason_code in strike_reasons and strike.dismissed_at is None
            decision = s.scalar(select(Decision).where(Decision.idempotency_key == strike.decision_key))
            assert decision is not None
            assert decision.item_kind == "post" and decision.item_id == strike.post_id
            assert decision.outcome == "reject"
            assert decision.reason_codes == [strike.reason_code]
            post = s.get(Post, strike.post_id)
            assert post is not None and post.status == "rejected"


def test_an_inmate_under_a_disciplinary_sanction_has_a_pending_application(s: Session) -> None:
    rows = s.execute(
        select(Restriction, ServiceApplication)
        .join(ServiceApplication, ServiceApplication.inmate_id == Restriction.inmate_id)
        .where(Restriction.kind == "disciplinary", ServiceApplication.status == "pending")
    ).all()
    active = [r for r, _ in rows if r.starts_on <= TODAY and (r.ends_on is None or r.ends_on >= TODAY)]
    assert len(active) == 1


def test_an_only_child_turned_19_yesterday(s: Session) -> None:
    for app in s.scalars(select(ServiceApplication).where(ServiceApplication.status == "pending")):
        children = app.inmate.children
        if len(children) == 1 and child_age(children[0].birth_date, TODAY) == 19:
            assert child_age(children[0].birth_date, TODAY - timedelta(days=1)) == 19
            assert child_age(children[0].birth_date, TODAY - timedelta(days=2)) == 18
            return
    pytest.fail("no pending application whose inmate's only child just turned 19")


def test_a_second_relative_applies_for_an_inmate_already_served(s: Session) -> None:
    approved = {
        a.inmate_id: a.applicant_id
        for a in s.scalars(select(ServiceApplication).where(ServiceApplication.status == "approved"))
    }
    duplicates = [
        a for a in s.scalars(select(ServiceApplication).where(ServiceApplication.status == "pending"))
        if a.inmate_id in approved and approved[a.inmate_id] != a.applicant_id
    ]
    assert len(duplicates) == 1


def test_a_pending_photo_is_stored_sideways_and_one_carries_gps(s: Session) -> None:
    orientations, gps = [], []
    for post in _pending_posts(s):
        for doc in _photos(post):
            if doc.size_bytes > 12 * MB:
                continue
            exif = _image(doc).getexif()
            orientations.append(exif.get(ExifTags.Base.Orientation, 1))
            gps.append(bool(exif.get_ifd(ExifTags.IFD.GPSInfo)))
    assert 6 in orientations and any(gps)


def test_a_pending_post_has_a_pdf_beside_its_photo(s: Session) -> None:
    with_pdf = [p for p in _pending_posts(s) if any(d.mime_type == "application/pdf" for d in p.documents)]
    assert with_pdf and all(len(_photos(p)) == 1 for p in with_pdf)
    pdf = next(d for d in with_pdf[0].documents if d.mime_type == "application/pdf")
    assert pdf.blob is not None and pdf.blob.data.startswith(b"%PDF")
    assert pdf.filename.endswith(".pdf") and pdf.kind == "post_attachment"


def test_wrong_call_number_and_missing_relationship_proof(s: Session) -> None:
    pending = list(s.scalars(select(ServiceApplication).where(ServiceApplication.status == "pending")))
    wrong = [a for a in pending if a.call_number_entered != a.inmate.call_number]
    assert len(wrong) == 1 and len(wrong[0].call_number_entered) == len(wrong[0].inmate.call_number)
    kinds = [{d.kind for d in a.documents} for a in pending]
    assert {"id_document", "applicant_photo"} in kinds
    assert sum(k == {"id_document", "relationship_proof", "applicant_photo"} for k in kinds) == len(kinds) - 1


def test_a_suspended_family_has_a_held_post(s: Session) -> None:
    held = list(s.scalars(select(Post).where(Post.status == "held")))
    assert len(held) == 1
    post = held[0]
    assert post.version == 2
    suspension = s.scalar(select(Suspension).where(Suspension.service_id == post.service_id))
    assert suspension is not None and suspension.block == 1 and suspension.lifted_at is None
    assert post.held_reason == suspension_hold_reason(suspension.ends_at, 3)  # the family's words (R9)
    assert suspension.starts_at <= NOW < suspension.ends_at
    assert suspension.starts_at.tzinfo is not None
    assert s.scalar(select(func.count()).select_from(Strike).where(Strike.service_id == post.service_id)) == 3
    origin = s.scalar(select(Decision).where(Decision.idempotency_key == suspension.origin_key))
    assert origin is not None and origin.outcome == "reject" and origin.decided_at == suspension.starts_at
    assert post.submitted_at < suspension.starts_at  # it was waiting when the third strike came


def test_the_counsellor_has_posts_to_print_and_hand_over(s: Session) -> None:
    statuses = Counter(s.scalars(select(Post.status)))
    assert statuses["approved"] >= 3
    assert statuses["printed"] + statuses["delivered"] >= 3
    assert statuses["rejected"] >= 5


def test_pending_posts_have_waited_varied_times(s: Session) -> None:
    waits = [(NOW - p.submitted_at) / timedelta(hours=1) for p in _pending_posts(s)]
    assert all(0 < w <= 5 * 24 for w in waits)
    assert any(w > 72 for w in waits) and any(w < 24 for w in waits)


def test_first_families_get_full_size_photos(s: Session) -> None:
    sizes = {_image(d).size for p in _pending_posts(s) for d in _photos(p) if d.size_bytes < 12 * MB}
    assert (4000, 3000) in sizes


# --- consistency -------------------------------------------------------------------------------------


def test_every_document_matches_its_blob(s: Session) -> None:
    rows = s.execute(select(Document, DocumentBlob.data).join(DocumentBlob)).all()
    assert len(rows) == s.scalar(select(func.count()).select_from(Document))
    facility = s.scalar(select(Facility))
    assert facility is not None
    for doc, data in rows:
        assert doc.storage == "embedded" and doc.url is None and doc.facility_id == facility.id
        assert doc.size_bytes == len(data)
        assert doc.sha256 == hashlib.sha256(data).hexdigest()
        magic = {"image/jpeg": b"\xff\xd8", "application/pdf": b"%PDF"}[doc.mime_type]
        assert data.startswith(magic), doc.filename
        assert doc.filename.lower().endswith(".pdf" if doc.mime_type == "application/pdf" else ".jpg")


def test_people_look_like_taiwanese_families(s: Session) -> None:
    applicants = list(s.scalars(select(Applicant)))
    assert len(applicants) == SCENARIO_FAMILIES + 1  # one inmate has two relatives applying
    for a in applicants:
        assert CJK.match(a.name), a.name
        assert names.is_valid_national_id(a.national_id)
        assert a.email.isascii()
        assert a.email.split("@")[1].endswith(("example.com", "example.net", "example.org"))
        assert a.phone is not None and re.fullmatch(r"09\d\d-\d{3}-\d{3}", a.phone)
    for inmate in s.scalars(select(Inmate)):
        assert CJK.match(inmate.name) and re.fullmatch(r"\d{4}", inmate.call_number)
        assert 1 <= len(inmate.children) <= 3
    assert all(CJK.match(c.name) for c in s.scalars(select(Child)))
    facility = s.scalar(select(Facility))
    assert facility is not None
    assert (facility.code, facility.name) == ("TTD", "法務部矯正署臺東戒治所")
    assert facility.phone == "(089) 581-014"
    assert facility.policy() == Policy()
    staff = {(m.username, m.display_name, m.role) for m in s.scalars(select(Staff))}
    assert staff == {("reviewer", "李社工師", "reviewer"), ("counsellor", "黃輔導員", "counsellor"),
                     ("supervisor", "陳科長", "supervisor")}


def test_decided_items_have_their_decision(s: Session) -> None:
    decisions = {(d.item_kind, d.item_id): d for d in s.scalars(select(Decision))}
    assert len(decisions) == s.scalar(select(func.count()).select_from(Decision))  # one per item
    items: list[tuple[str, ServiceApplication | Post]] = [
        ("application", a) for a in s.scalars(select(ServiceApplication))
    ]
    items += [("post", p) for p in s.scalars(select(Post))]
    for kind, item in items:
        decision = decisions.pop((kind, item.id), None)
        if item.status == "pending":
            assert decision is None and item.version == 1 and item.decided_at is None
            assert item.claimed_by is None
            continue
        if item.status == "held":
            assert decision is None and item.version == 2
            continue
        assert decision is not None and item.version == 2 and decision.item_version == 1
        assert decision.outcome == ("reject" if item.status == "rejected" else "approve")
        assert decision.decided_at == item.decided_at and item.decided_at is not None
        assert item.submitted_at < item.decided_at <= NOW
        assert (decision.staff_username, decision.workstation) == ("reviewer", "seed")
        assert len(decision.idempotency_key) == 36
        assert bool(decision.reason_codes) == (decision.outcome == "reject")
    assert not decisions


def test_posts_respect_the_window_except_where_meant_to(s: Session) -> None:
    """Only the P3 scenario breaks the 30-day window; rejected posts do not count (P3)."""
    close = 0
    for service in s.scalars(select(ServiceApplication).where(ServiceApplication.status == "approved")):
        times = sorted(p.submitted_at for p in service.posts if p.status != "rejected")
        close += sum((b - a).days < 30 for a, b in itertools.pairwise(times))
    assert close == 1


def test_catalogue_is_complete_and_ensuring_it_again_changes_nothing(s: Session) -> None:
    (facility_id,) = s.scalars(select(Facility.id))
    rows = list(s.scalars(select(RejectionReason).order_by(RejectionReason.sort_order)))
    assert [r.code for r in rows] == [r.code for r in DEFAULT_TEMPLATES]
    assert {r.facility_id for r in rows} == {facility_id}  # the facility's own copy (R11)
    edited = rows[0]
    edited.text = "已由主管修改。"
    s.delete(rows[-1])
    s.flush()
    ensure_catalogue(s)
    ensure_catalogue(s)
    again = list(s.scalars(select(RejectionReason).order_by(RejectionReason.sort_order)))
    assert [r.code for r in again] == [r.code for r in DEFAULT_TEMPLATES]
    assert again[0].text == "已由主管修改。"
    s.rollback()


def test_the_family_reads_reasons_in_final_words(s: Session) -> None:
    """The decisions' messages to families are worded with the facility's numbers: no placeholder of
    the catalogue's templates ever reaches a family."""
    told = select(Decision.message_to_family).where(Decision.message_to_family.is_not(None))
    messages = list(s.scalars(told))
    assert messages and not any("{" in m for m in messages)


# --- seeding again, elsewhere, bigger --------------------------------------------------------------


def test_the_same_seed_gives_the_same_families(tmp_path: Path) -> None:
    results = []
    for name in ("a.sqlite3", "b.sqlite3"):
        engine = _engine(tmp_path / name)
        seed(engine, families=SCENARIO_FAMILIES, now=NOW, full_documents=0)
        with Session(engine) as session:
            results.append((
                list(session.execute(select(Applicant.name, Applicant.national_id, Applicant.email)
                                     .order_by(Applicant.id))),
                list(session.execute(select(Post.body, Post.status).order_by(Post.id))),
                list(session.scalars(select(Document.sha256).order_by(Document.id))),
            ))
        engine.dispose()
    assert results[0] == results[1]
    other = _engine(tmp_path / "c.sqlite3")
    seed(other, families=SCENARIO_FAMILIES, now=NOW, rng_seed=7, full_documents=0)
    with Session(other) as session:
        assert list(session.scalars(select(Applicant.name).order_by(Applicant.id))) != [
            n for n, _, _ in results[0][0]
        ]
    other.dispose()


def test_seeding_reports_each_family_built(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "s.sqlite3")
    reports: list[tuple[int, int]] = []
    seed(engine, facilities=2, families=3, full_documents=0, progress=lambda *r: reports.append(r))
    assert reports == [(0, 6), (1, 6), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)]
    engine.dispose()


def test_the_staff_are_told_before_the_families_are_built(tmp_path: Path) -> None:
    """The first demo opens its desk as soon as it knows who signs in: the first facility's staff
    come before any family (and the shared files that take seconds to draw), once, with their ids."""
    engine = _engine(tmp_path / "s.sqlite3")
    events: list[object] = []
    seed(
        engine,
        facilities=2,
        families=2,
        full_documents=0,
        progress=lambda done, total: events.append(done),
        staff_ready=lambda staff: events.append(staff),
    )
    assert events[0] == 0 and isinstance(events[1], list) and events[2:] == [1, 2, 3, 4]
    staff = {(s.username, s.display_name, s.role) for s in events[1]}  # type: ignore[attr-defined]
    assert ("reviewer", "李社工師", "reviewer") in staff and len(staff) == 3
    with Session(engine) as session:
        reviewer = session.scalars(select(Staff).where(Staff.username == "reviewer")).one()
        assert {s.facility_id for s in events[1]} == {reviewer.facility_id}  # type: ignore[attr-defined]
    engine.dispose()


class _Stop(Exception):
    pass


def test_a_seed_stopped_half_way_leaves_nothing_half_written(tmp_path: Path) -> None:
    """Cancelling the first demo's seed (the progress callback raises) rolls the facility being built
    back: the database is as empty as before, and the next seed fills it completely."""
    engine = _engine(tmp_path / "s.sqlite3")

    def stop_at_two(done: int, total: int) -> None:
        if done == 2:
            raise _Stop

    with pytest.raises(_Stop):
        seed(engine, families=SCENARIO_FAMILIES, full_documents=0, progress=stop_at_two)
    assert is_empty(engine)
    with Session(engine) as session:
        for table in (Applicant, Inmate, ServiceApplication, Post, Document, Staff, Decision):
            assert session.scalar(select(func.count()).select_from(table)) == 0, table.__name__
    summary = seed(engine, families=SCENARIO_FAMILIES, full_documents=0)
    assert summary.families == SCENARIO_FAMILIES and not is_empty(engine)
    engine.dispose()


def test_seeding_twice_into_the_same_database(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "s.sqlite3")
    assert is_empty(engine)
    first = seed(engine, families=3, full_documents=1)
    assert not is_empty(engine)
    second = seed(engine, families=3, full_documents=1)
    assert first.families == second.families == 3
    with Session(engine) as session:
        codes = list(session.scalars(select(Facility.code).order_by(Facility.id)))
        assert codes == ["TTD", "TYJ"]
        usernames = set(session.scalars(select(Staff.username)))
        assert {"reviewer", "counsellor", "supervisor", "tyj_reviewer", "tyj_counsellor"} <= usernames
        assert len(usernames) == 6
        reasons = session.scalar(select(func.count()).select_from(RejectionReason))
        assert reasons == 2 * len(DEFAULT_TEMPLATES)  # each facility its own copy (R11)
        # every facility's queue has its own rule problems
        for facility_id in session.scalars(select(Facility.id)):
            lengths = session.scalars(select(Post.body).where(Post.facility_id == facility_id,
                                                              Post.status == "pending"))
            assert 130 in [len(b) for b in lengths]
    engine.dispose()


def test_the_juvenile_facility_overrides_photo_size_and_window(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "s.sqlite3")
    seed(engine, facilities=JUVENILE_INDEX + 1, families=3, now=NOW, full_documents=0)
    with Session(engine) as session:
        facilities = list(session.scalars(select(Facility).order_by(Facility.id)))
        assert [f.code for f in facilities] == ["TTD", "TYJ"]
        juvenile = facilities[JUVENILE_INDEX]
        assert juvenile.name == "法務部矯正署桃園少年輔育院"
        assert juvenile.policy() == Policy(photo_max_bytes=20 * MB, post_window_days=7)
        assert facilities[0].policy() == Policy()
        staff = session.scalars(select(Staff.username).where(Staff.facility_id == juvenile.id))
        assert set(staff) == {"tyj_reviewer", "tyj_counsellor", "tyj_supervisor"}
        # the 14 MB photo is within the juvenile facility's 20 MB limit
        found = _queue_findings(session)
        big = [
            key for key, findings in found.items()
            if any(
                f.reason_code == "P5_PHOTO" and staff_text(f.code, f.values).startswith("照片 14")
                for f in findings
            )
        ]
        posts = [session.get(Post, i) for kind, i in big if kind == "post"]
        assert {p.facility_id for p in posts if p is not None} == {facilities[0].id}
    engine.dispose()


def test_hundreds_of_families_mostly_approvable(tmp_path: Path) -> None:
    engine = _engine(tmp_path / "s.sqlite3")
    summary = seed(engine, families=300, now=NOW, full_documents=0)
    assert summary.families == 300 and summary.pending >= 150
    with Session(engine) as session:
        found = _queue_findings(session)
        clean = [key for key, findings in found.items() if not blocking(findings)]
        assert len(found) == summary.pending
        assert len(clean) >= 0.8 * len(found)
        assert {kind for kind, _ in clean} == {"application", "post"}
        call_numbers = list(session.scalars(select(Inmate.call_number)))
        assert len(call_numbers) == len(set(call_numbers))
        emails = list(session.scalars(select(Applicant.email)))
        assert len(emails) == len(set(emails))
    engine.dispose()


def test_the_pictures_drawn_early_are_the_ones_the_seed_draws(tmp_path: Path) -> None:
    """The first demo on a fresh profile starts drawing the seed's shared pictures while the app is
    still loading (draw_pool_early): the seed then takes those drawings instead of drawing them
    again, and the families' documents are the same as without."""
    documents = []
    for name, early in (("late.sqlite3", False), ("early.sqlite3", True)):
        seed_files._part.cache_clear()  # nothing drawn yet, as in a new process
        if early:
            seed_files.draw_pool_early()
            assert set(seed_files._EARLY[seed_files.DEFAULT_RNG_SEED]) == set(seed_files.AHEAD)
        engine = _engine(tmp_path / name)
        seed(engine, families=3, now=NOW, full_documents=1)
        assert seed_files._EARLY == {}  # taken by the seed's pool
        with Session(engine) as session:
            documents.append(list(session.scalars(select(Document.sha256).order_by(Document.id))))
        engine.dispose()
    assert documents[0] == documents[1] and documents[0]


def test_a_demo_draws_none_of_the_shared_pictures_its_families_do_not_use(tmp_path: Path) -> None:
    """Families with files of their own use neither the small history nor the small pending photos
    of the pool: drawn all the same, they took the cores from the first families' own pictures."""
    seed_files._part.cache_clear()
    seed_files.draw_pool_early()
    engine = _engine(tmp_path / "demo.sqlite3")
    seed(engine, families=3, now=NOW, full_documents=3)
    engine.dispose()
    for unused in ("history_small", "pending_small"):
        misses = seed_files._part.cache_info().misses
        seed_files._part(seed_files.DEFAULT_RNG_SEED, unused)
        assert seed_files._part.cache_info().misses == misses + 1, f"{unused} was drawn for the demo"
