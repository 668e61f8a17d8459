"""The programme's rules (E1–E6, P1–P8) as pure functions.

No database, no Qt, no I/O and no clock: every fact, including today's date, comes in through the
``*Facts`` objects, and every number comes from the facility's :class:`~reviewer_app.core.policy.Policy`.
Each ``rule_*`` function returns the findings for one rule (an empty list when the rule is satisfied);
:func:`check_application` and :func:`check_post` compose them in rule order.

Findings carry a message code and its values, no words: :mod:`reviewer_app.core.messages` words them
for staff (zh-TW or English) and for the family (zh-TW, with the facility's numbers).

Where each rule lives: ``applications`` (E1–E6), ``posts`` (P1–P7, and E1 over time for posts),
``documents`` (R7/R8: every upload opened and shown),
``decisions`` (P8, blocking, strikes), ``body_text`` (P4's character count), ``facts`` (what the rules
read and return).
"""

from reviewer_app.core.rules.applications import check_application
from reviewer_app.core.rules.body_text import INVISIBLE_CHARACTERS, body_length, visible_text
from reviewer_app.core.rules.decisions import blocking, check_rejection, is_strike
from reviewer_app.core.rules.documents import UPLOAD_DAMAGED, documents_rule, rule_seen, rule_shown
from reviewer_app.core.rules.facts import (
    ApplicationFacts,
    DocumentFacts,
    Finding,
    PostFacts,
    RestrictionFacts,
    Value,
    WaitingPost,
    child_age,
)
from reviewer_app.core.rules.posts import PHOTO_MIME_TYPES, check_post

__all__ = [
    "INVISIBLE_CHARACTERS",
    "PHOTO_MIME_TYPES",
    "UPLOAD_DAMAGED",
    "ApplicationFacts",
    "DocumentFacts",
    "Finding",
    "PostFacts",
    "RestrictionFacts",
    "Value",
    "WaitingPost",
    "blocking",
    "body_length",
    "check_application",
    "check_post",
    "check_rejection",
    "child_age",
    "documents_rule",
    "is_strike",
    "rule_seen",
    "rule_shown",
    "visible_text",
]
