"""E1–E6: the rules for a service application (服務項目申請), and E3 for posts too."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date

from reviewer_app.core.policy import Policy
from reviewer_app.core.rules.body_text import visible_text
from reviewer_app.core.rules.custody import rule_custody
from reviewer_app.core.rules.documents import rule_shown
from reviewer_app.core.rules.facts import (
    ApplicationFacts,
    DocumentFacts,
    Finding,
    RestrictionFacts,
    Value,
    child_age,
)
from reviewer_app.core.vocabulary import ELIGIBLE_RELATIONSHIPS, REQUIRED_APPLICATION_DOCUMENTS


def _call_number_key(call_number: str) -> str:
    """A call number as compared: full-width digits folded (NFKC), all spaces and invisible characters
    (a zero-width space or byte-order mark pasted with it) removed."""
    return "".join(unicodedata.normalize("NFKC", visible_text(call_number)).split()).upper()


def rule_e1(children_birth_dates: Sequence[date], today: date, policy: Policy) -> list[Finding]:
    """E1: the inmate has at least one child aged policy.child_max_age or under."""
    limit = policy.child_max_age
    if not children_birth_dates:
        return [Finding("E1", True, "E1_NO_BIRTH_DATES", {"limit": limit}, "E1_NO_MINOR_CHILD")]
    ages = [child_age(b, today) for b in children_birth_dates if b <= today]
    if not ages:
        return [Finding("E1", True, "E1_BIRTH_DATES_LATER", {"limit": limit}, "E1_NO_MINOR_CHILD")]
    youngest = min(ages)
    if youngest <= limit:
        return []
    return [
        Finding("E1", True, "E1_NO_MINOR_CHILD", {"limit": limit, "youngest": youngest}, "E1_NO_MINOR_CHILD")
    ]


def rule_e2(relationship: str) -> list[Finding]:
    """E2: the applicant is a spouse, a relative within the second degree, or lives with the child."""
    if relationship in ELIGIBLE_RELATIONSHIPS:
        return []
    return [Finding("E2", True, "E2_RELATIONSHIP", {"relationship": relationship}, "E2_RELATIONSHIP")]


def rule_e3(restrictions: Sequence[RestrictionFacts], today: date) -> list[Finding]:
    """E3: no decision while the inmate is under a restriction (held, not the family's fault)."""
    return [
        Finding(
            "E3",
            True,
            "E3_RESTRICTED" if r.ends_on is not None else "E3_RESTRICTED_UNTIL_NOTICE",
            {"restriction": r.kind, "starts_on": r.starts_on, "ends_on": r.ends_on},
            "E3_RESTRICTED",
            held=True,
        )
        for r in restrictions
        if r.active_on(today)
    ]


def rule_e4(other_approved_services: int, other_pending_applications: int) -> list[Finding]:
    """E4: one contact-book service per inmate (收容人1人(戶)限申請1個服務)."""
    findings = []
    if other_approved_services > 0:
        findings.append(
            Finding("E4", True, "E4_DUPLICATE", {"count": other_approved_services}, "E4_DUPLICATE")
        )
    if other_pending_applications > 0:
        findings.append(
            Finding(
                "E4", False, "E4_PENDING_ELSEWHERE", {"count": other_pending_applications}, "E4_DUPLICATE"
            )
        )
    return findings


def rule_e5(documents: Sequence[DocumentFacts]) -> list[Finding]:
    """E5: identity document, relationship proof and a front photo of the applicant are uploaded."""
    present = {d.kind for d in documents}
    missing = tuple(k for k in REQUIRED_APPLICATION_DOCUMENTS if k not in present)
    if not missing:
        return []
    return [Finding("E5", True, "E5_MISSING_DOCS", {"documents": missing}, "E5_MISSING_DOCS")]


def rule_e6(call_number_entered: str, inmate_call_number: str, surname_confirmed: bool) -> list[Finding]:
    """E6: the call number (呼號) matches the inmate and the applicant confirmed call number and surname."""
    findings = []
    entered = _call_number_key(call_number_entered)
    if not entered:
        findings.append(Finding("E6", True, "E6_NO_CALL_NUMBER", {}, "E6_WRONG_CALL_NUMBER"))
    elif entered != _call_number_key(inmate_call_number):
        values: dict[str, Value] = {
            "entered": call_number_entered.strip(),
            "expected": inmate_call_number.strip(),
        }
        findings.append(Finding("E6", True, "E6_WRONG_CALL_NUMBER", values, "E6_WRONG_CALL_NUMBER"))
    if not surname_confirmed:
        findings.append(Finding("E6", True, "E6_NOT_CONFIRMED", {}, "E6_WRONG_CALL_NUMBER"))
    return findings


def check_application(facts: ApplicationFacts, policy: Policy) -> list[Finding]:
    """E1–E6: all findings on a service application, in rule order; after E5 the uploads the loader
    could not show (R8)."""
    return [
        *rule_e1(facts.children_birth_dates, facts.today, policy),
        *rule_e2(facts.relationship),
        *rule_e3(facts.restrictions, facts.today),
        *rule_e4(facts.other_approved_services, facts.other_pending_applications),
        *rule_e5(facts.documents),
        *rule_shown(facts.documents, "application"),
        *rule_e6(facts.call_number_entered, facts.inmate_call_number, facts.surname_confirmed),
        *rule_custody(facts.custody),
    ]
