"""Each facility's own copy of the national default catalogue (R11): a new facility starts with one,
`db upgrade` (ensure_catalogue) completes every facility's copy and keeps what supervisors changed."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.core.reasons import DEFAULT_TEMPLATES
from reviewer_app.shared_db.catalogue import ensure_catalogue
from reviewer_app.shared_db.models import RejectionReason
from tests import factories

CODES = [r.code for r in DEFAULT_TEMPLATES]


def _codes(s: Session, facility_id: int) -> list[str]:
    return list(
        s.scalars(
            select(RejectionReason.code)
            .where(RejectionReason.facility_id == facility_id)
            .order_by(RejectionReason.sort_order)
        )
    )


def test_a_new_facility_starts_with_its_own_copy_of_the_templates(shared_url: str) -> None:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        a, b = factories.facility(s, "TTD").id, factories.facility(s, "TYJ", post_window_days=7).id
    with Session(engine) as s:
        assert _codes(s, a) == _codes(s, b) == CODES
        p3 = s.get(RejectionReason, (b, "P3_WINDOW"))
        assert p3 is not None and "{window_days}" in p3.text  # worded when pulled, from the policy then
    engine.dispose()


def test_ensure_catalogue_completes_each_facility_and_keeps_edits(shared_url: str) -> None:
    engine = factories.shared_engine(shared_url)
    with Session(engine) as s, s.begin():
        a, b = factories.facility(s, "TTD").id, factories.facility(s, "TYJ").id
    with engine.begin() as conn:  # a facility added by IT with plain SQL has no copy yet
        conn.execute(
            text(
                "INSERT INTO facilities (code, name, post_window_days, body_max_chars, max_photos, "
                "photo_max_bytes, max_attachments, attachments_max_total_bytes, strike_threshold, "
                "suspension_months, child_max_age, claim_lease_minutes, review_target_hours) "
                "VALUES ('KSP', '高雄監獄', 30, 100, 1, 10485760, 3, 20971520, 3, 1, 18, 20, 72)"
            )
        )
        c = conn.execute(text("SELECT id FROM facilities WHERE code = 'KSP'")).scalar()
        conn.execute(
            text("DELETE FROM rejection_reasons WHERE facility_id = :a AND code = 'UPLOAD_DAMAGED'"), {"a": a}
        )
        conn.execute(
            text(
                "UPDATE rejection_reasons SET text = '本所的話。' "
                "WHERE facility_id = :b AND code = 'P2_CONTENT'"
            ),
            {"b": b},
        )
    with Session(engine) as s, s.begin():
        assert ensure_catalogue(s) == len(CODES) + 1
        assert ensure_catalogue(s) == 0
    with Session(engine) as s:
        assert _codes(s, a) == _codes(s, b) == _codes(s, c) == CODES
        edited = s.get(RejectionReason, (b, "P2_CONTENT"))
        assert edited is not None and edited.text == "本所的話。"
    engine.dispose()
