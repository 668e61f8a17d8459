"""The demo's appeals (申覆): a few families of each facility asked for their latest rejection to be
looked at again (the suspended family's third strike among them, so an overturn can show a suspension
ending, R2), and one appeal already upheld, by the facility's supervisor, for the statistics."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.appeal_reply import appeal_reply
from reviewer_app.shared_db.models import Appeal, Decision, Post, Staff

#: What families write (a short text, as the portal's form limits it).
APPEAL_TEXTS: Final[tuple[str, ...]] = (
    "照片裡是孩子的獎狀和全家福，沒有不當內容，懇請再審查一次。",
    "內文是孩子自己寫給爸爸的話，我們已經盡量精簡，請再看一次。",
    "第一次使用系統，不清楚規定，這則只是報平安，請求重新審查。",
    "附件是學校的成績單，不是其他文件，請重新審查。",
)
#: How many undecided appeals each facility gets, and whether one decided appeal is added.
UNDECIDED: Final = 3


def add_appeals(s: Session, facility_id: int, now: datetime) -> int:
    """Appeals of the facility's latest post rejections (one per rejection); returns how many."""
    supervisor = s.scalar(
        select(Staff.username).where(Staff.facility_id == facility_id, Staff.role == "supervisor")
    )
    found = s.execute(
        select(Decision, Post)
        .join(Post, Post.id == Decision.item_id)
        .where(
            Decision.facility_id == facility_id,
            Decision.item_kind == "post",
            Decision.outcome == "reject",
            Post.status == "rejected",
        )
        .order_by(Decision.decided_at.desc())
    ).all()
    latest: dict[int, tuple[Decision, Post]] = {}  # one appeal per family: its latest rejection
    for decision, post in found:
        latest.setdefault(post.service_id, (decision, post))
    rejections = list(latest.values())[: UNDECIDED + 1]
    for number, (decision, post) in enumerate(rejections):
        # asked again within the last days (the queue a supervisor finds this week), never before the
        # rejection nor in the future
        recent = now - timedelta(days=1 + 2 * number, hours=3)
        submitted = min(max(decision.decided_at + timedelta(days=1), recent), now - timedelta(hours=2))
        appeal = Appeal(
            facility_id=facility_id,
            service_id=post.service_id,
            item_kind="post",
            item_id=post.id,
            decision_key=decision.idempotency_key,
            first_reviewer=decision.staff_username,
            text=APPEAL_TEXTS[number % len(APPEAL_TEXTS)],
            submitted_at=submitted,
        )
        if number == UNDECIDED and supervisor is not None and supervisor != decision.staff_username:
            decided = min(submitted + timedelta(days=2), now - timedelta(hours=1))
            appeal.outcome, appeal.decided_by, appeal.decided_at = "upheld", supervisor, decided
            appeal.reply = appeal_reply(
                "upheld", "post", post.title, submitted, "經重新檢視，內容確實不符規定，維持原決定"
            )
        s.add(appeal)
    s.flush()
    return len(rejections)
