"""R5 end to end (issue #18, case 11): a post is judged against E1 on its review date; once the inmate's
youngest child is 19, the post cannot be approved, and its rejection (E1_ENDED) is not a strike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from reviewer_app.core.reasons import Reason
from reviewer_app.journal import DecisionRefused, Journal
from reviewer_app.journal.models import JournalReason
from reviewer_app.shared_db.models import Child, Strike
from tests import factories
from tests.desk import workstation

# factories.T0 is 2026-11-02 09:00 in Taipei: a child born on 2007-11-02 turns 19 that day.
NINETEENTH_BIRTHDAY_TODAY = date(2007, 11, 2)


@pytest.fixture
def engine(shared_url: str) -> Iterator[Engine]:
    engine = factories.shared_engine(shared_url)
    yield engine
    engine.dispose()


def _family_with_one_child(engine: Engine, born: date) -> tuple[int, int]:
    with Session(engine) as s, s.begin():
        fac = factories.facility(s)
        app = factories.family(s, fac)
        app.inmate.children[:] = [Child(name="王小寶", birth_date=born)]
        post = factories.post(s, app)
        return fac.id, post.id


def _ensure_e1_ended_reason(journal: Journal) -> None:
    """E1_ENDED as the r11 helper adds it to the catalogue (applies to posts, not a strike)."""
    if "E1_ENDED" in journal.catalogue():
        return
    reason = Reason(
        "E1_ENDED",
        "收容人子女皆已逾 18 歲，已不符本方案服務對象。",
        "本服務已不符申請資格，如有疑問請洽矯正機關社工師。",
        False,
        "post",
        "E1",
    )
    with journal.session() as s, s.begin():
        s.add(JournalReason(**reason.as_row_values(), sort_order=999))


@pytest.mark.parametrize(
    ("born", "approvable"),
    [
        (NINETEENTH_BIRTHDAY_TODAY + timedelta(days=1), True),  # still 18 on the review date
        (NINETEENTH_BIRTHDAY_TODAY, False),  # the 19th birthday is the review date
    ],
)
def test_a_post_cannot_be_approved_once_the_youngest_child_is_19(
    engine: Engine, shared_url: str, tmp_path: Path, born: date, approvable: bool
) -> None:
    fid, post_id = _family_with_one_child(engine, born)
    ws = workstation(shared_url, tmp_path, "ws-a", "ttd_reviewer", fid)
    try:
        ws.sync.pull()
        if approvable:
            ws.decide("post", post_id, "approve")
            return
        with pytest.raises(DecisionRefused) as refused:
            ws.decide("post", post_id, "approve")
        (ended,) = refused.value.findings
        assert (ended.rule_id, ended.code, ended.reason_code, ended.held) == (
            "E1",
            "E1_ENDED",
            "E1_ENDED",
            False,
        )
        assert ended.values["youngest"] == 19

        _ensure_e1_ended_reason(ws.journal)
        record = ws.decide("post", post_id, "reject", "E1_ENDED")
        assert record.strike is None
        assert ws.sync.push().applied == 1
        with Session(engine) as s:
            assert s.scalar(select(func.count()).select_from(Strike)) == 0
    finally:
        ws.close()
