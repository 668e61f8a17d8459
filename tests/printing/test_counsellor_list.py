"""The counsellor's list reads what a printout needs and nothing of the family's identity (need-to-know,
PDPA), on the embedded SQLite file as on PostgreSQL, whoever connects: of the family member the name,
of the documents only the post's attachments, even when an identity document was filed on a post."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from reviewer_app.journal.journal import Journal
from reviewer_app.journal.printing import PrintJournal
from reviewer_app.printing.queue import printable_posts
from tests import factories


def test_the_list_holds_no_identity_document_and_no_national_id(shared_url: str, tmp_path: Path) -> None:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        fac = factories.facility(s, "TTD")
        app = factories.family(s, fac)
        post = factories.post(s, app)
        # a portal that filed the family's ID card on the post as well
        post.documents.append(
            factories._doc(fac.id, "id_document", factories.jpeg((200, 10, 10)), "image/jpeg", "身分證.jpg")
        )
        post.status, post.version = "approved", 2
        s.flush()
        facility_id, post_id = fac.id, post.id
        national_id, name = app.applicant.national_id, app.applicant.name
    with Session(engine) as s:
        posts = printable_posts(s, facility_id, factories.T0)
    engine.dispose()
    assert [p.id for p in posts] == [post_id]
    assert [d.kind for d in posts[0].documents] == ["post_attachment"]
    assert posts[0].applicant.name == name
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        PrintJournal(journal).store_queue(posts, facility_id, factories.T0)
    finally:
        journal.close()
    kept = b"".join(p.read_bytes() for p in tmp_path.glob("journal.sqlite3*"))
    assert national_id.encode() not in kept and "身分證".encode() not in kept
