"""P1–P7: the rules for a contact-book post (家庭聯絡簿), with E1 over time (R5) and E3 for the inmate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Final

from reviewer_app.core.formats import canonical_mime_type
from reviewer_app.core.policy import Policy
from reviewer_app.core.rules.applications import rule_e1, rule_e3
from reviewer_app.core.rules.body_text import body_length, visible_text
from reviewer_app.core.rules.custody import rule_custody
from reviewer_app.core.rules.documents import TYPE_AND_SIZE, rule_shown
from reviewer_app.core.rules.facts import DocumentFacts, Finding, PostFacts, Value, WaitingPost
from reviewer_app.core.timeutil import last_full_day, local

#: MIME types that count as a photo for P5 (decided from the bytes by the loader).
PHOTO_MIME_TYPES: Final[frozenset[str]] = frozenset({"image/jpeg", "image/png"})


def rule_p1(service_status: str) -> list[Finding]:
    """P1: a post only under an approved service."""
    if service_status == "approved":
        return []
    return [Finding("P1", True, "P1_NO_SERVICE", {"status": service_status}, "P1_NO_SERVICE")]


def rule_p2() -> list[Finding]:
    """P2: the reviewer judges the content (a reminder, never blocking by itself)."""
    return [Finding("P2", False, "P2_CONTENT", {}, "P2_CONTENT")]


def rule_p3(
    submitted_at: datetime,
    previous_post_at: datetime | None,
    policy: Policy,
    waiting_posts: Sequence[WaitingPost] = (),
) -> list[Finding]:
    """P3: at most one post every policy.post_window_days days, counted from the service's last
    approved post (a rejected post never used the window).

    R1: a post inside the window of an earlier post still waiting for its review cannot be judged
    yet; it waits (held, not the family's doing, no reason to reject it for) until that one is
    decided. A post outside every earlier post's window is judged at once.
    """
    window = policy.post_window_days
    if previous_post_at is not None:
        days = (submitted_at.date() - previous_post_at.date()).days
        if days < window:
            values: dict[str, Value] = {
                "previous_on": previous_post_at.date(),
                "days": days,
                "window": window,
                "next_on": previous_post_at.date() + timedelta(days=window),
            }
            return [Finding("P3", True, "P3_WINDOW", values, "P3_WINDOW")]
    inside = [p for p in waiting_posts if 0 <= (submitted_at.date() - p.submitted_at.date()).days < window]
    if not inside:
        return []
    nearest = max(inside, key=lambda p: (p.submitted_at, p.id))
    values = {"post": nearest.id, "post_on": nearest.submitted_at.date(), "window": window}
    return [Finding("P3", True, "P3_WAIT", values, held=True)]


def rule_p4(title: str, body: str, policy: Policy) -> list[Finding]:
    """P4: body text at most policy.body_max_chars characters (body_length), and not an empty post
    (nothing visible in either: a zero-width space alone would print a blank page)."""
    length, limit = body_length(body), policy.body_max_chars
    if length == 0 and not visible_text(title).strip():
        return [Finding("P4", True, "P4_EMPTY", {}, "P4_EMPTY")]
    if length <= limit:
        return []
    return [Finding("P4", True, "P4_TOO_LONG", {"length": length, "limit": limit}, "P4_TOO_LONG")]


def rule_p5(documents: Sequence[DocumentFacts], policy: Policy) -> list[Finding]:
    """P5: at most policy.max_photos photos, each at most policy.photo_max_bytes (a photo by any of
    its types' names, R7)."""
    photos = [d for d in documents if canonical_mime_type(d.mime_type) in PHOTO_MIME_TYPES]
    findings = []
    if len(photos) > policy.max_photos:
        values: dict[str, Value] = {"photos": len(photos), "limit": policy.max_photos}
        findings.append(Finding("P5", True, "P5_TOO_MANY_PHOTOS", values, "P5_PHOTO"))
    limit = policy.photo_max_bytes
    for number, photo in enumerate(photos, start=1):
        if photo.size_bytes > limit:
            code = "P5_PHOTO_TOO_LARGE" if len(photos) == 1 else "P5_NTH_PHOTO_TOO_LARGE"
            values = {"number": number, "size_bytes": photo.size_bytes, "limit_bytes": limit}
            findings.append(Finding("P5", True, code, values, "P5_PHOTO"))
    return findings


def rule_p6(documents: Sequence[DocumentFacts], policy: Policy) -> list[Finding]:
    """P6: attachments only of the allowed types, at most policy.max_attachments, limited in total size."""
    findings = []
    allowed = {canonical_mime_type(m) for m in policy.allowed_mime_types}
    types = [canonical_mime_type(d.mime_type) for d in documents]
    bad = tuple(dict.fromkeys(t for t in types if t not in allowed))
    if bad:
        values: dict[str, Value] = {"types": bad, "allowed": tuple(policy.allowed_mime_types)}
        findings.append(Finding("P6", True, "P6_WRONG_TYPES", values, "P6_ATTACHMENT"))
    if len(documents) > policy.max_attachments:
        values = {"files": len(documents), "limit": policy.max_attachments}
        findings.append(Finding("P6", True, "P6_TOO_MANY_FILES", values, "P6_ATTACHMENT"))
    total, limit = sum(d.size_bytes for d in documents), policy.attachments_max_total_bytes
    if total > limit:
        values = {"size_bytes": total, "limit_bytes": limit}
        findings.append(Finding("P6", True, "P6_TOO_LARGE", values, "P6_ATTACHMENT"))
    return findings


def rule_p7(now: datetime, strikes: int, suspended_until: datetime | None, policy: Policy) -> list[Finding]:
    """P7: three strikes suspend the family's right to post (held while suspended)."""
    if suspended_until is not None and suspended_until > now:
        # Named by its last whole day and the day it ends (R9): an end at 00:30 on 04/30 is "through
        # 04/29, again from 04/30", never "until 04/30" (which reads as the whole day).
        values: dict[str, Value] = {
            "through": last_full_day(suspended_until),
            "resumes": local(suspended_until).date(),
        }
        return [Finding("P7", True, "P7_SUSPENDED", values, "P7_SUSPENDED", held=True)]
    if strikes <= 0:
        return []
    threshold = policy.strike_threshold
    last = strikes == threshold - 1
    values = {"strikes": strikes, "threshold": threshold, "months": policy.suspension_months}
    return [Finding("P7", False, "P7_LAST_STRIKE" if last else "P7_STRIKES", values)]


def rule_e1_over_time(
    children_birth_dates: Sequence[date] | None, today: date, policy: Policy
) -> list[Finding]:
    """E1 for a post (R5), on its review date: once the inmate has no child aged policy.child_max_age
    or under, the post cannot be approved; the lapse is not the family's doing (E1_ENDED, not a
    strike). Without a usable birth date the facility's records need fixing first: the post waits."""
    if children_birth_dates is None:
        return []
    findings = []
    for f in rule_e1(children_birth_dates, today, policy):
        if f.code == "E1_NO_MINOR_CHILD":
            findings.append(Finding("E1", True, "E1_ENDED", f.values, "E1_ENDED"))
        else:  # no birth dates, or only later ones
            findings.append(replace(f, reason_code=None, held=True))
    return findings


def check_post(facts: PostFacts, policy: Policy) -> list[Finding]:
    """P1–P7, E1 and E3: all findings on a contact-book post, in rule order (the E rules last); after
    P6 the files the loader could not show (R8), but for a type or a size P5 or P6 already names.
    Last, whether the inmate is still held here (custody.py)."""
    sizes_and_types = [*rule_p5(facts.documents, policy), *rule_p6(facts.documents, policy)]
    named = TYPE_AND_SIZE if sizes_and_types else frozenset()
    return [
        *rule_p1(facts.service_status),
        *rule_p2(),
        *rule_p3(facts.submitted_at, facts.previous_post_at, policy, facts.waiting_posts),
        *rule_p4(facts.title, facts.body, policy),
        *sizes_and_types,
        *rule_shown(facts.documents, "post", named),
        *rule_p7(facts.now, facts.strikes, facts.suspended_until, policy),
        *rule_e1_over_time(facts.children_birth_dates, facts.now.date(), policy),
        *rule_e3(facts.restrictions, facts.now.date()),
        *rule_custody(facts.custody),
    ]
