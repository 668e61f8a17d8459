"""R7 and R8 in the engine: P5/P6 judge what the document loader found in the bytes, an approval
needs every document opened and shown, and a damaged upload is rejected without a strike.

Real parts only: a shared SQLite file written as the portal would, a pull into a journal file, and
the real loader on real JPEG and PDF bytes (``Workstation.view``, what the desk's viewer does).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from reviewer_app.core.checks import DocumentCheck, doc_key
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.messages import staff_text
from reviewer_app.core.policy import MB
from reviewer_app.core.reasons import Reason
from reviewer_app.documents.store import DocumentStore
from reviewer_app.journal import DecisionRefused, Journal
from reviewer_app.journal.models import JournalReason
from reviewer_app.sync.service import Sync
from tests import factories
from tests.desk import Workstation, workstation
from tests.documents import corpus

Upload = tuple[bytes, str, str]  # (bytes, declared MIME type, file name)

#: R8's reason (SHARED_18.md); the catalogue's own copy arrives with the pull once it is there.
UPLOAD_DAMAGED = Reason(
    "UPLOAD_DAMAGED",
    "上傳之檔案不完整或已損毀，無法開啟。",
    "請重新上傳完整之檔案後再發佈。",
    False,
    "both",
    None,
)


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(sqlite_url)
    yield engine
    engine.dispose()


@pytest.fixture
def desk(engine: Engine, sqlite_url: str, tmp_path: Path) -> Iterator[Workstation]:
    with Session(engine) as s, s.begin():
        fid = factories.facility(s).id
    ws = workstation(sqlite_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    yield ws
    ws.close()


def _claimed_post(engine: Engine, desk: Workstation, uploads: list[Upload], *, fetched: bool = True) -> int:
    """A post pulled by ``desk``; ``fetched=False``: the pull could not reach the file store, so
    nothing about the bytes is known until the viewer opens them."""
    with Session(engine) as s, s.begin():
        fac = s.get(factories.Facility, desk.sync.who.facility_id)
        assert fac is not None
        post_id = factories.post(s, factories.family(s, fac), uploads=uploads).id
    sync = desk.sync
    if not fetched:
        unreachable = DocumentStore(None, desk.documents.cache.folder.parent / "unreachable", None)
        who = desk.sync.who
        sync = Sync(
            engine, desk.journal, who.staff_username, who.workstation, who.facility_id, documents=unreachable
        )
    assert sync.pull().claimed == 1
    return post_id


def _codes(findings: object) -> list[str]:
    return [f.code for f in findings if f.blocks]  # type: ignore[attr-defined]


def _with_upload_damaged(desk: Workstation) -> None:
    with desk.journal.session() as s, s.begin():
        if s.get(JournalReason, UPLOAD_DAMAGED.code) is None:
            s.add(JournalReason(**UPLOAD_DAMAGED.as_row_values(), sort_order=99))


def test_a_jpeg_and_a_pdf_declared_png_are_one_photo_once_the_loader_has_seen_them(
    engine: Engine, desk: Workstation
) -> None:
    post_id = _claimed_post(
        engine,
        desk,
        [(corpus.photo(), "image/png", "IMG_0001.png"), (corpus.proof_pdf(1), "image/png", "獎狀.png")],
        fetched=False,
    )
    # Before anything was opened, the declared types are all there is: two photos (a strike).
    assert _codes(desk.journal.findings("post", post_id, desk.clock())) == ["P5_TOO_MANY_PHOTOS"]

    desk.view("post", post_id)

    assert _codes(desk.journal.findings("post", post_id, desk.clock())) == []
    assert desk.decide("post", post_id, "approve").outcome == "approve"


def test_a_16_mb_jpeg_declared_pdf_is_refused_by_the_engine(engine: Engine, desk: Workstation) -> None:
    big = corpus.photo_of_size(int(15.9 * MB))
    post_id = _claimed_post(engine, desk, [(big, "application/pdf", "成績單.pdf")])
    desk.view("post", post_id)

    with pytest.raises(DecisionRefused) as refused:
        desk.journal.decide(
            kind="post",
            item_id=post_id,
            outcome="approve",
            staff_username=desk.username,
            workstation=desk.name,
            now=desk.clock(),
        )
    (finding,) = refused.value.findings
    assert (finding.rule_id, finding.code, finding.reason_code) == ("P5", "P5_PHOTO_TOO_LARGE", "P5_PHOTO")
    assert staff_text(finding.code, finding.values) == "照片 15.9 MB，超過 10 MB 上限"
    assert desk.journal.counts().waiting_to_sync == 0


def test_an_approval_needs_every_document_opened(engine: Engine, desk: Workstation) -> None:
    uploads = [(corpus.photo(), "image/jpeg", "IMG_0001.jpg"), (corpus.proof_pdf(1), "application/pdf", "a")]
    post_id = _claimed_post(engine, desk, uploads, fetched=False)
    desk.view("post", post_id, only=1)  # the photo was looked at, the PDF never opened

    with pytest.raises(DecisionRefused) as refused:
        desk.journal.decide(
            kind="post",
            item_id=post_id,
            outcome="approve",
            staff_username=desk.username,
            workstation=desk.name,
            now=desk.clock(),
        )
    (finding,) = refused.value.findings
    assert (finding.code, finding.blocks) == ("DOC_NOT_SEEN", True)
    assert staff_text(finding.code, finding.values) == "第 2 個文件（附件）尚未開啟檢視，不能審核通過"
    assert staff_text(finding.code, finding.values, "en") == (
        "Document 2 (post attachment) has not been opened yet: it cannot be approved"
    )

    desk.view("post", post_id)
    assert desk.decide("post", post_id, "approve").outcome == "approve"


def test_a_truncated_jpeg_suggests_a_new_upload_and_its_rejection_is_no_strike(
    engine: Engine, desk: Workstation
) -> None:
    post_id = _claimed_post(engine, desk, [(corpus.truncated(corpus.photo()), "image/jpeg", "IMG_0002.jpg")])
    _with_upload_damaged(desk)
    desk.view("post", post_id)

    blocking = [f for f in desk.journal.findings("post", post_id, desk.clock()) if f.blocks]
    (finding,) = blocking
    assert (finding.code, finding.reason_code) == ("DOC_UNREADABLE", "UPLOAD_DAMAGED")
    said = staff_text(finding.code, finding.values)
    assert said == "第 1 個文件（附件）無法開啟（檔案不完整，可能上傳中斷）"
    with pytest.raises(DecisionRefused):
        desk.decide("post", post_id, "approve")

    record = desk.decide("post", post_id, "reject", "UPLOAD_DAMAGED")

    assert record.strike is None
    assert desk.journal.standing(record.service_id, desk.clock()).strikes == 0


def test_what_the_loader_found_is_kept_in_the_journal_file(engine: Engine, desk: Workstation) -> None:
    post_id = _claimed_post(engine, desk, [(corpus.truncated(corpus.photo()), "image/png", "IMG_0003.png")])
    desk.view("post", post_id)
    (doc,) = desk.journal.item("post", post_id).snapshot.documents  # type: ignore[union-attr]

    desk.journal.close()
    desk.journal = Journal(desk.journal.path)  # the workstation started again

    checks = desk.journal.document_checks([doc])
    check = checks[(doc.id, doc.sha256)]
    assert (check.mime_type, check.size_bytes, check.problem) == (
        "image/jpeg",
        len(corpus.truncated(corpus.photo())),
        "truncated",
    )
    assert not check.shown


def test_an_approved_post_of_a_good_photo_under_10_mb(engine: Engine, desk: Workstation) -> None:
    photo = corpus.photo_of_size(10 * MB)
    post_id = _claimed_post(engine, desk, [(photo, "image/pjpeg", "IMG_0004.jpg")])
    desk.view("post", post_id)
    assert desk.decide("post", post_id, "approve").outcome == "approve"


def test_a_journal_from_before_the_checks_gets_their_table_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    old = Journal(path)
    with old.engine.begin() as conn:  # as an earlier version left it: no document_checks table
        conn.exec_driver_sql("DROP TABLE document_checks")
    old.close()

    journal = Journal(path)
    try:
        doc = DocumentRef(7, "post_attachment", "IMG_0001.jpg", "image/jpg", 1_000, "ab" * 32)
        assert journal.document_checks([doc]) == {}
        check = DocumentCheck(doc.id, doc.sha256, "image/jpeg", 1_000)
        assert journal.record_document_check(check, factories.T0)  # new to this journal
        assert journal.document_checks([doc]) == {doc_key(doc): check}
        assert not journal.record_document_check(check, factories.T0)  # the same again: nothing new
    finally:
        journal.close()
