"""A family's record in the shared database as core/strike_cycles.py replays it: its strikes and its
recorded suspensions. Read by the pull (to take home), the push (to apply a strike) and the
supervisor's tools, so all three replay the same facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.core.strike_cycles import Cycle, RecordedSuspension, Standing, StrikeFact, replay
from reviewer_app.shared_db import deciding
from reviewer_app.shared_db.models import Facility, Strike, Suspension


def family_records(
    s: Session, service_ids: Sequence[int]
) -> dict[int, tuple[tuple[StrikeFact, ...], tuple[RecordedSuspension, ...]]]:
    """The strikes and the recorded suspensions of each family, as core/strike_cycles.py replays them."""
    strikes: dict[int, list[StrikeFact]] = {i: [] for i in service_ids}
    recorded: dict[int, list[RecordedSuspension]] = {i: [] for i in service_ids}
    for st in s.scalars(select(Strike).where(Strike.service_id.in_(service_ids)).order_by(Strike.id)):
        strikes[st.service_id].append(
            StrikeFact(st.decision_key, st.post_id, st.created_at, st.dismissed_at, st.dismiss_reason)
        )
    for r in s.scalars(
        select(Suspension).where(Suspension.service_id.in_(service_ids)).order_by(Suspension.block)
    ):
        recorded[r.service_id].append(
            RecordedSuspension(
                r.block, r.starts_at, r.ends_at, r.origin_key, r.lifted_at, r.lift_reason, r.lifted_by
            )
        )
    return {i: (tuple(strikes[i]), tuple(recorded[i])) for i in service_ids}


def replayed(s: Session, service_id: int, facility: Facility, at: datetime) -> Standing:
    """The family's standing at ``at`` in the shared database."""
    strikes, recorded = family_records(s, [service_id])[service_id]
    return replay(strikes, facility.strike_threshold, facility.suspension_months, at, recorded)


def suspension_changes(s: Session, service_id: int, family: Standing) -> list[tuple[str, Cycle]]:
    """What the family's recorded suspensions lack against the replay: a new one ("suspension"), one
    that a late earlier strike moved ("suspension_moved", R3, R4)."""
    rows = {r.block: r for r in s.scalars(select(Suspension).where(Suspension.service_id == service_id))}
    changed: list[tuple[str, Cycle]] = []
    for cycle in family.cycles:
        row = rows.get(cycle.number)
        if row is None:
            changed.append(("suspension", cycle))
        elif cycle.spent and row.origin_key != cycle.spent[-1] and row.origin_key in family.strikes:
            # A late strike with an earlier decision time now reaches the threshold.
            changed.append(("suspension_moved", cycle))
    return changed


def record_suspensions(
    s: Session, service_id: int, facility_id: int, family: Standing, staff_username: str
) -> list[tuple[str, Cycle]]:
    """Bring the family's recorded suspensions in line with the replay, as ``staff_username`` (through
    the database's own checks on PostgreSQL, shared_db/deciding.py). Returns what changed, for the
    caller's audit events."""
    changed = suspension_changes(s, service_id, family)
    if changed:
        deciding.record_standing(
            s,
            staff_username=staff_username,
            facility_id=facility_id,
            service_id=service_id,
            changes=changed,
            hold=None,
        )
    return changed


def suspension_detail(family: Standing, cycle: Cycle) -> dict[str, object]:
    """A recorded suspension as its audit event tells it: dates and the posts whose strikes it spent."""
    return {
        "number": cycle.number,
        "starts_at": cycle.starts_at.isoformat(),
        "ends_at": cycle.ends_at.isoformat(),
        "strikes": [family.strikes[k].post_id for k in cycle.spent],
    }
