"""Appeals (申覆): a family asks once for a rejection to be looked at again; a supervisor other than the
first reviewer upholds it or overturns it with a reply the family reads. An overturned strike-worthy
rejection dismisses its strike through the one path of a dismissal, so the family's standing follows
the rulings (R2: a suspension that spent the strike ends, the other strikes count again and, should
they reach the threshold, a new suspension starts; R4: the recorded suspension is the replay's), on
SQLite and on PostgreSQL (the supervisor as their own login)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.access.roles import NotAllowed
from reviewer_app.core.strike_cycles import Standing
from reviewer_app.shared_db import appeals as shared_appeals
from reviewer_app.shared_db.appeals import AppealRefused
from reviewer_app.shared_db.models import (
    Appeal,
    Decision,
    Facility,
    Post,
    ServiceApplication,
    Strike,
    Suspension,
)
from reviewer_app.supervision import appeals as supervisor
from reviewer_app.supervision.common import SupervisorError
from reviewer_app.sync import pull
from tests import factories
from tests.supervision.world import NOW, Desk, events

APPEAL_TEXT = "照片是孩子的獎狀，並非違規內容，請再審查。"


def _rejection(s: Session, desk: Desk, post_id: int, by: str = "ttd_reviewer") -> str:
    """The rejection (decision row) behind a strike of world.py, as the push would have written it."""
    key = s.scalar(select(Strike.decision_key).where(Strike.post_id == post_id)) or f"rej-{post_id}"
    post = s.get(Post, post_id)
    assert post is not None
    s.add(
        Decision(
            idempotency_key=key,
            facility_id=post.facility_id,
            item_kind="post",
            item_id=post_id,
            item_version=1,
            outcome="reject",
            reason_codes=["P4_TOO_LONG"],
            message_to_family="內文超過 100 字之限制。",
            staff_username=by,
            workstation="ws-1",
            decided_at=post.submitted_at + timedelta(hours=1),
        )
    )
    s.flush()
    return key


def _appeal(desk: Desk, strike_index: int, by: str = "ttd_reviewer") -> int:
    """The family appeals the rejection behind one of its strikes (as the portal would)."""
    with Session(desk.admin) as s, s.begin():
        strike = s.get(Strike, desk.strike_ids[strike_index])
        assert strike is not None
        _rejection(s, desk, strike.post_id, by)
        service = s.get_one(ServiceApplication, strike.service_id)
        return shared_appeals.submit(s, service.applicant_id, "post", strike.post_id, APPEAL_TEXT, NOW)


def _standing(desk: Desk, at: datetime = NOW) -> Standing:
    with Session(desk.admin) as s:
        (family,) = pull.families(s, [desk.service_id], at)
    return family.replayed(at)


def test_an_overturned_strike_ends_the_suspension_that_spent_it(desk: Desk) -> None:
    appeal_id = _appeal(desk, 0)
    assert _standing(desk).suspended_until is not None
    (queued,) = supervisor.appeals(desk.engine, desk.actor, undecided_only=True)
    assert (queued.id, queued.text, queued.first_reviewer) == (appeal_id, APPEAL_TEXT, "ttd_reviewer")
    assert queued.message_to_family == "內文超過 100 字之限制。" and queued.reason_codes == ("P4_TOO_LONG",)
    assert queued.strike_id == desk.strike_ids[0] and not queued.strike_dismissed

    row = supervisor.decide_appeal(desk.engine, desk.actor, appeal_id, "overturned", "獎狀照片符合規定", NOW)

    assert (row.outcome, row.decided_by, row.strike_dismissed) == ("overturned", desk.actor.username, True)
    # R2: the suspension that had spent it ends; the two other strikes count again (2/3).
    standing = _standing(desk)
    assert (standing.live_count, standing.suspended_until) == (2, None)
    with Session(desk.admin) as s:
        sus = s.get(Suspension, desk.suspension_id)
        assert sus is not None and sus.lifted_at == NOW and "獎狀照片符合規定" in (sus.lift_reason or "")
    # The family's reply names the outcome, the reasons and what follows, in zh-TW.
    assert row.reply is not None
    assert "撤銷原退件決定" in row.reply and "獎狀照片符合規定" in row.reply
    assert "不再計入違規次數" in row.reply and "發佈權限已恢復" in row.reply
    (event,) = events(desk.admin, "appeal_overturned")
    assert event.detail["appeal_id"] == appeal_id and event.detail["suspension_ended"] is True
    (dismissed,) = events(desk.admin, "strike_dismiss")
    assert dismissed.detail["appeal_id"] == appeal_id
    assert supervisor.appeals(desk.engine, desk.actor, undecided_only=True) == []


def test_an_overturn_whose_other_strikes_reach_the_threshold_again_starts_a_new_suspension(
    desk: Desk,
) -> None:
    """R2/R4 through the replay: a fourth strike given before the overturn, with the two left, reaches
    the threshold again; the new suspension starts at the overturn and is recorded in the database."""
    with Session(desk.admin) as s, s.begin():
        first = s.get(Strike, desk.strike_ids[0])
        assert first is not None
        service = first.service_id
        fourth = Post(
            facility_id=first.facility_id,
            service_id=service,
            title="第四則",
            body="太長" * 60,
            status="rejected",
            version=2,
            submitted_at=NOW - timedelta(days=1),
        )
        s.add(fourth)
        s.flush()
        s.add(
            Strike(
                facility_id=first.facility_id,
                service_id=service,
                post_id=fourth.id,
                decision_key=f"seed-{fourth.id}",
                reason_code="P4_TOO_LONG",
                created_at=NOW - timedelta(days=1),
            )
        )
    assert _standing(desk).live_count == 1
    appeal_id = _appeal(desk, 1)
    later = NOW + timedelta(hours=2)
    row = supervisor.decide_appeal(
        desk.engine, desk.actor, appeal_id, "overturned", "內文其實未超過字數", later
    )

    standing = _standing(desk, later)
    assert standing.live_count == 0  # spent again by the new suspension: "0/3", never "3/3"
    new = standing.running
    assert new is not None and new.number == 2 and new.starts_at == later
    with Session(desk.admin) as s:
        recorded = {r.block: r for r in s.scalars(select(Suspension).where(Suspension.service_id == service))}
    assert recorded[1].lifted_at == later
    assert recorded[2].starts_at == later and recorded[2].ends_at == new.ends_at
    # The family is not told a suspension ended: a new one runs.
    assert row.reply is not None and "不再計入違規次數" in row.reply and "發佈權限已恢復" not in row.reply


def test_an_upheld_appeal_keeps_the_strike_and_the_suspension(desk: Desk) -> None:
    appeal_id = _appeal(desk, 2)
    row = supervisor.decide_appeal(desk.engine, desk.actor, appeal_id, "upheld", "內文確實超過 100 字", NOW)
    assert row.outcome == "upheld" and not row.strike_dismissed
    assert row.reply is not None and "維持原退件決定" in row.reply and "內文確實超過 100 字" in row.reply
    standing = _standing(desk)
    assert standing.suspended_until is not None
    assert events(desk.admin, "strike_dismiss") == []
    with pytest.raises(SupervisorError, match="已由"):
        supervisor.decide_appeal(desk.engine, desk.actor, appeal_id, "overturned", "改變心意", NOW)


def test_a_rejection_is_appealed_only_once(desk: Desk) -> None:
    _appeal(desk, 0)
    with Session(desk.admin) as s, pytest.raises((AppealRefused, DBAPIError), match="once per rejection"):
        strike = s.get(Strike, desk.strike_ids[0])
        assert strike is not None
        post = s.get(Post, strike.post_id)
        assert post is not None
        shared_appeals.submit(s, post.service.applicant_id, "post", post.id, "再申覆一次", NOW)
    with Session(desk.admin) as s:
        assert len(s.scalars(select(Appeal)).all()) == 1


def test_the_first_reviewer_cannot_decide_the_appeal(desk: Desk) -> None:
    appeal_id = _appeal(desk, 0, by=desk.actor.username)  # the supervisor rejected it themselves
    with pytest.raises(SupervisorError, match="原審核人員不能決定"):
        supervisor.decide_appeal(desk.engine, desk.actor, appeal_id, "overturned", "我看錯了", NOW)
    # Nor by the database's own check, whoever writes the row.
    with Session(desk.admin) as s, pytest.raises(IntegrityError):
        appeal = s.get(Appeal, appeal_id)
        assert appeal is not None
        appeal.outcome, appeal.decided_by, appeal.decided_at, appeal.reply = (
            "overturned",
            desk.actor.username,
            NOW,
            "撤銷",
        )
        s.commit()
    assert _standing(desk).suspended_until is not None
    with Session(desk.admin) as s:
        appeal = s.get(Appeal, appeal_id)
        assert appeal is not None and appeal.outcome is None


def test_other_roles_are_refused(desk: Desk) -> None:
    appeal_id = _appeal(desk, 0)
    with pytest.raises(NotAllowed, match="社工師"):
        supervisor.decide_appeal(desk.engine, desk.reviewer, appeal_id, "overturned", "理由充分", NOW)
    with pytest.raises(NotAllowed):
        supervisor.appeals(desk.engine, desk.reviewer)


def test_a_reply_without_reasons_is_refused(desk: Desk) -> None:
    appeal_id = _appeal(desk, 0)
    with pytest.raises(SupervisorError, match="理由"):
        supervisor.decide_appeal(desk.engine, desk.actor, appeal_id, "upheld", " ", NOW)


def test_only_a_rejected_item_of_the_family_can_be_appealed(desk: Desk) -> None:
    with Session(desk.admin) as s, s.begin():
        strike = s.get(Strike, desk.strike_ids[0])
        assert strike is not None
        _rejection(s, desk, strike.post_id)
        post = s.get(Post, strike.post_id)
        assert post is not None
        family = post.service.applicant_id
        other = factories.family(s, s.get_one(Facility, post.facility_id))
        pending = factories.post(s, post.service)
        ids = (post.id, other.applicant_id, pending.id)
    for applicant, item in ((ids[1], ids[0]), (family, ids[2])):
        with (
            Session(desk.admin) as s,
            pytest.raises((AppealRefused, DBAPIError), match="not a rejected item"),
        ):
            shared_appeals.submit(s, applicant, "post", item, APPEAL_TEXT, NOW)


def test_an_overturned_application_rejection_tells_the_family_to_apply_again(desk: Desk) -> None:
    """No strike for an application (P7 is about posts): the overturn is the reply alone."""
    with Session(desk.admin) as s, s.begin():
        post = s.get_one(Post, s.get_one(Strike, desk.strike_ids[0]).post_id)
        rejected = factories.family(s, s.get_one(Facility, post.facility_id), approved=False)
        rejected.status, rejected.version = "rejected", 2
        s.add(
            Decision(
                idempotency_key=f"app-{rejected.id}",
                facility_id=rejected.facility_id,
                item_kind="application",
                item_id=rejected.id,
                item_version=1,
                outcome="reject",
                reason_codes=["E5_MISSING_DOCS"],
                message_to_family="缺少關係證明文件。",
                staff_username="ttd_reviewer",
                workstation="ws-1",
                decided_at=NOW - timedelta(days=1),
            )
        )
        s.flush()
        appeal_id = shared_appeals.submit(
            s, rejected.applicant_id, "application", rejected.id, APPEAL_TEXT, NOW
        )
    (queued,) = supervisor.appeals(desk.engine, desk.actor, undecided_only=True)
    assert queued.item_kind == "application" and queued.strike_id is None and len(queued.documents) == 3
    row = supervisor.decide_appeal(
        desk.engine, desk.actor, appeal_id, "overturned", "關係證明已附於戶籍謄本", NOW
    )
    assert row.reply is not None and "服務項目申請" in row.reply and "撤銷原退件決定" in row.reply
    assert "違規" not in row.reply and "重新提出服務項目申請" in row.reply
    assert events(desk.admin, "strike_dismiss") == []
