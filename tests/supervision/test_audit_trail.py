"""Browse the audit trail with filters (the reading itself audited) and check its chain; only with the
role's capability, which the domain checks, not the window."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reviewer_app.access.roles import NotAllowed
from reviewer_app.supervision import audit_trail as supervisor
from reviewer_app.supervision.audit_trail import AuditFilter
from tests import factories
from tests.supervision.world import NOW, Desk, events


def test_browse_the_audit_trail_with_filters(desk: Desk) -> None:
    everything = supervisor.audit_query(desk.engine, desk.actor, AuditFilter(), NOW)
    # Newest first; nothing of facility B (on PostgreSQL also the staff_add of the supervisor's login).
    assert [r.item_id for r in everything if r.action == "decision"] == [3, 2, 1, 0]
    assert {r.action for r in everything} <= {"decision", "staff_add", "audit_view"}
    # The reading itself is listed first: the list holds what the chain now holds (#20).
    assert everything[0].action == "audit_view" and everything[0].staff_username == desk.actor.username
    by = {
        "who": AuditFilter(staff="TTD_REV"),
        "what": AuditFilter(action="decision"),
        "when": AuditFilter(since=factories.T0 + timedelta(hours=1), until=factories.T0 + timedelta(hours=3)),
        "family": AuditFilter(family=desk.applicant_name),
        "family number": AuditFilter(family=str(desk.service_id)),
        "inmate": AuditFilter(inmate=desk.inmate_call_number),
        "nobody": AuditFilter(staff="someone_else"),
    }
    found = {
        k: [r.item_id for r in supervisor.audit_query(desk.engine, desk.actor, f, NOW)] for k, f in by.items()
    }
    assert found == {
        "who": [3, 2, 1, 0],
        "what": [3, 2, 1, 0],
        "when": [2, 1],
        "family": [3, 1],
        "family number": [3, 1],
        "inmate": [3, 1],
        "nobody": [],
    }
    assert {r.applicant_name for r in supervisor.audit_query(desk.engine, desk.actor, by["family"], NOW)} == {
        desk.applicant_name
    }
    views = events(desk.admin, "audit_view")
    assert len(views) == 1 + len(by) + 1 and views[-1].staff_username == desk.actor.username
    assert "audit_view" in supervisor.audit_actions(desk.engine, desk.actor)


def test_the_chain_of_the_facility_holds(desk: Desk) -> None:
    report = supervisor.verify_chain(desk.engine, desk.actor)
    assert report.ok and report.events >= 4  # the world's four decisions at least


def test_other_roles_may_neither_read_nor_verify_the_trail(desk: Desk) -> None:
    for call in (
        lambda: supervisor.audit_query(desk.engine, desk.reviewer, AuditFilter(), NOW),
        lambda: supervisor.verify_chain(desk.engine, desk.reviewer),
    ):
        with pytest.raises(NotAllowed, match="社工師"):
            call()
    assert events(desk.admin, "audit_view") == []  # a refused reading leaves no trace of reading


def test_the_facility_count_matches_the_whole_list(desk: Desk) -> None:
    """#20: the chain's check said "5 筆事件" beside a list of 4 (the list's own reading was missing)."""
    everything = supervisor.audit_query(desk.engine, desk.actor, AuditFilter(), NOW)
    assert supervisor.facility_events(desk.engine, desk.actor) == len(everything)
