"""What every supervisor action shares: the error it refuses with, the reason it requires, and the audit
event it writes in its own transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.roles import Actor


class SupervisorError(Exception):
    """The action cannot be done as asked; the message is for the supervisor (zh-TW)."""


def checked_reason(reason: str) -> str:
    """The reason a supervisor gave, trimmed; too short or too long is refused."""
    reason = reason.strip()
    if len(reason) < 2:
        raise SupervisorError("請填寫原因（至少 2 個字）")
    if len(reason) > 300:
        raise SupervisorError("原因請在 300 字以內")
    return reason


def record_event(s: Session, actor: Actor, action: str, now: datetime, **fields: Any) -> None:
    """An audit event of `actor` at their workstation and facility, chained in session `s`."""
    audit_chain.append(
        s,
        [
            audit_chain.new_event(
                action=action,
                staff_username=actor.username,
                workstation=actor.workstation,
                facility_id=actor.facility_id,
                occurred_at=now,
                **fields,
            )
        ],
    )
