"""A family's strikes and suspensions, replayed in decision-time order (P7, rulings R2, R3, R4).

The one place that computes a family's standing. Every reader (the rules on a workstation, the
journal's hold, the push into the shared database, the supervisor's tools) gives it the same facts:
the family's strikes with their decision times and dismissals, and the supervisor's lifts and
shortenings of each suspension; it replays them in time order, so the answer does not depend on the
order in which workstations synced (R3):

* A strike is live until dismissed or spent. When the live strikes reach the facility's threshold a
  suspension starts at the decision time of the strike that reached it (R4) and spends them (R2).
* Lifting a suspension early leaves its strikes spent. Dismissing a strike that a still-running
  suspension spent ends that suspension at the dismissal (recorded as lifted, with the reason) and
  its other strikes become live again.
* Suspensions are numbered 1, 2, … per family (the shared database's ``suspensions.block``). A
  suspension the shared database records keeps its recorded dates, lift and shortening, unless a late
  strike with an earlier decision time changed which strike reached the threshold: then it starts at
  that strike's time (and the push corrects the record). A recorded suspension no strikes account for
  (one entered by hand, or by an earlier version) still holds while it runs, and spends nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from reviewer_app.core.timeutil import add_months, local


@dataclass(frozen=True)
class StrikeFact:
    """One strike: the rejection of a post that counted (P7), and its dismissal if any."""

    key: str  # the deciding decision's idempotency key
    post_id: int
    at: datetime  # the decision's time
    dismissed_at: datetime | None = None
    dismiss_reason: str | None = None


@dataclass(frozen=True)
class RecordedSuspension:
    """Suspension number ``number`` as the shared database records it, supervisors' actions included
    (a lift; a shortening is its earlier ``ends_at``)."""

    number: int
    starts_at: datetime
    ends_at: datetime
    origin_key: str  # the decision key of the strike that reached the threshold
    lifted_at: datetime | None = None
    lift_reason: str | None = None
    lifted_by: str | None = None


@dataclass(frozen=True)
class Cycle:
    """One suspension and the strikes it spent."""

    number: int
    starts_at: datetime
    ends_at: datetime  # as planned, or as a supervisor shortened it
    spent: tuple[str, ...]  # strike keys, in decision-time order
    lifted_at: datetime | None = None
    lift_reason: str | None = None
    lifted_by: str | None = None
    #: ended by the dismissal of this strike (its other strikes became live again)
    ended_by_dismissal_of: str | None = None

    def running(self, at: datetime) -> bool:
        """Suspended at ``at``: started, not yet over, not lifted by then."""
        return self.starts_at <= at < self.ends_at and (self.lifted_at is None or self.lifted_at > at)

    @property
    def over_at(self) -> datetime:
        """When the family could post again: the planned end, or the lift."""
        return self.ends_at if self.lifted_at is None else min(self.ends_at, self.lifted_at)


@dataclass(frozen=True)
class Standing:
    """A family's standing at ``at``: the live strikes of the current cycle and every suspension."""

    at: datetime
    threshold: int
    live: tuple[str, ...]
    cycles: tuple[Cycle, ...]
    suspension_months: int = 1
    strikes: Mapping[str, StrikeFact] = field(default_factory=dict, repr=False)
    recorded: tuple[RecordedSuspension, ...] = ()

    @property
    def live_count(self) -> int:
        return len(self.live)

    @property
    def running(self) -> Cycle | None:
        """The suspension in force now (the one ending last, should two overlap)."""
        now = [c for c in self.cycles if c.running(self.at)]
        return max(now, key=lambda c: c.ends_at) if now else None

    @property
    def suspended_until(self) -> datetime | None:
        running = self.running
        return None if running is None else running.ends_at

    def cycle_of(self, key: str) -> Cycle | None:
        """The suspension that spent this strike, if any."""
        return next((c for c in self.cycles if key in c.spent), None)


def replay(
    strikes: Iterable[StrikeFact],
    threshold: int,
    suspension_months: int,
    at: datetime,
    recorded: Iterable[RecordedSuspension] = (),
) -> Standing:
    """The family's standing at ``at`` from its strikes and its recorded suspensions (module doc)."""
    facts = {s.key: s for s in strikes}
    done = tuple(recorded)
    by_number = {a.number: a for a in done}
    # Strikes in decision-time order; a dismissal after the strike it dismisses, at its own time.
    events: list[tuple[datetime, int, str]] = [(s.at, 0, s.key) for s in facts.values()]
    events += [(s.dismissed_at, 1, s.key) for s in facts.values() if s.dismissed_at is not None]
    events.sort(key=lambda e: (e[0], e[1], facts[e[2]].at, e[2]))
    live: list[str] = []
    cycles: list[Cycle] = []
    for when, kind, key in events:
        if kind == 0:
            live.append(key)
            if len(live) >= max(threshold, 1):
                number = len(cycles) + 1
                cycles.append(
                    _new_cycle(number, when, tuple(live), suspension_months, by_number.get(number), facts)
                )
                live = []
            continue
        if key in live:
            live.remove(key)
            continue
        for i, cycle in enumerate(cycles):
            # A lift at the very instant of the dismissal is the dismissal's own (recorded with it).
            still_running = cycle.starts_at <= when < cycle.ends_at and (
                cycle.lifted_at is None or cycle.lifted_at >= when
            )
            if key in cycle.spent and still_running:
                cycles[i] = replace(
                    cycle,
                    lifted_at=when,
                    lift_reason=cycle.lift_reason or facts[key].dismiss_reason,
                    ended_by_dismissal_of=key,
                )
                dismissed = {
                    k for k, f in facts.items() if f.dismissed_at is not None and f.dismissed_at <= when
                }
                back = [k for k in cycle.spent if k not in dismissed]
                live = sorted({*live, *back}, key=lambda k: (facts[k].at, k))
                if len(live) >= max(threshold, 1):
                    # Strikes given meanwhile reach the threshold again: a new suspension from now.
                    number = len(cycles) + 1
                    spent, live = tuple(live[:threshold]), live[threshold:]
                    cycles.append(
                        _new_cycle(number, when, spent, suspension_months, by_number.get(number), facts)
                    )
                break
    # Recorded suspensions no strikes account for hold while they run, and spend nothing.
    cycles += [
        Cycle(r.number, r.starts_at, r.ends_at, (), r.lifted_at, r.lift_reason, r.lifted_by)
        for r in sorted(done, key=lambda r: r.number)
        if r.number > len(cycles)
    ]
    return Standing(at, threshold, tuple(live), tuple(cycles), suspension_months, facts, done)


def _new_cycle(
    number: int,
    starts: datetime,
    spent: tuple[str, ...],
    months: int,
    recorded: RecordedSuspension | None,
    facts: Mapping[str, StrikeFact],
) -> Cycle:
    planned = Cycle(number, starts, add_months(local(starts), months), spent)
    if recorded is None:
        return planned
    # Recorded by the strike that reached the threshold (or by hand): its dates stand. Recorded by
    # another strike, which a late earlier one has since displaced: it moves to this strike's time.
    stands = recorded.origin_key == spent[-1] or recorded.origin_key not in facts
    return replace(
        planned if not stands else replace(planned, starts_at=recorded.starts_at, ends_at=recorded.ends_at),
        lifted_at=recorded.lifted_at,
        lift_reason=recorded.lift_reason,
        lifted_by=recorded.lifted_by,
    )


def with_strike(standing: Standing, strike: StrikeFact) -> Standing:
    """The standing if ``strike`` were added (the reject dialog's "this rejection suspends" warning)."""
    return replay(
        [*standing.strikes.values(), strike],
        standing.threshold,
        standing.suspension_months,
        standing.at,
        standing.recorded,
    )
