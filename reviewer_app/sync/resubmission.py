"""What changed since the rejection (issue 21 item 3): an item sent again after a rejection, linked to
the rejected one, and the difference between the two.

The link: a post sent again under the same service within the facility's post window after an earlier
post of that service was rejected (a rejected post does not use up the window: the family fixes it
and publishes again, P3/P8); an application sent again by the same applicant for the same inmate
within that many days of a rejected one. The latest such rejection is the one compared.

The difference: the reasons the family was given, the title and body changes marked (difflib), and
each document replaced or not, a picture as the same file, a similar picture or a different one by
its perceptual hash (sync/image_hashes.py stores them after each pull; a missing one is computed here and not
stored, off the GUI thread like everything in this module).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from reviewer_app.core.items import DocumentRef
from reviewer_app.core.reasons import Reason, worded
from reviewer_app.core.vocabulary import DOCUMENT_KINDS
from reviewer_app.documents.perceptual import BITS, Likeness, PerceptualHash, likeness
from reviewer_app.documents.store import DocumentStore
from reviewer_app.shared_db.models import (
    Decision,
    Facility,
    Post,
    RejectionReason,
    ServiceApplication,
)
from reviewer_app.sync.image_hashes import hashes_for
from reviewer_app.sync.pull import documents_of

Change = Literal["same", "removed", "added"]
DocumentStatus = Literal["unchanged", "replaced", "added", "removed"]


@dataclass(frozen=True)
class Segment:
    change: Change
    text: str


@dataclass(frozen=True)
class DocumentChange:
    kind: str
    filename: str
    status: DocumentStatus
    #: for a picture replaced: how alike the new one is to the one it replaces (None: not pictures)
    picture: Likeness | None
    earlier_filename: str | None = None

    @property
    def kind_words(self) -> str:
        return DOCUMENT_KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class Comparison:
    kind: str
    earlier_id: int
    earlier_submitted_at: datetime
    earlier_decided_at: datetime | None
    reasons: tuple[str, ...]  # the catalogue's words for the reasons given
    message_to_family: str | None  # what the family read
    note: str | None  # the reviewer's staff-only remark
    title: tuple[Segment, ...]
    body: tuple[Segment, ...]
    documents: tuple[DocumentChange, ...]

    @property
    def text_changed(self) -> bool:
        return any(seg.change != "same" for seg in (*self.title, *self.body))


#: An unchanged run this short between two changes is shown as part of the change: "你" or "我"
#: kept between two rewritten sentences makes the diff unreadable (difflib has no semantic clean-up).
_SHORT_SAME = 3


def text_diff(before: str, after: str) -> tuple[Segment, ...]:
    """``after`` against ``before``, character by character (Chinese has no spaces between words)."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    # (same?, a0, a1, b0, b1), neighbouring changes merged across short unchanged runs
    runs: list[tuple[bool, int, int, int, int]] = []
    ops = matcher.get_opcodes()
    for index, (op, a0, a1, b0, b1) in enumerate(ops):
        same = op == "equal"
        inside = 0 < index < len(ops) - 1
        if same and inside and a1 - a0 < _SHORT_SAME:
            same = False
        if runs and not same and not runs[-1][0]:
            _, p0, _, q0, _ = runs.pop()
            a0, b0 = p0, q0
        runs.append((same, a0, a1, b0, b1))
    out: list[Segment] = []
    for same, a0, a1, b0, b1 in runs:
        if same:
            out.append(Segment("same", before[a0:a1]))
            continue
        if a1 > a0:
            out.append(Segment("removed", before[a0:a1]))
        if b1 > b0:
            out.append(Segment("added", after[b0:b1]))
    return tuple(out)


def earlier_rejection(s: Session, kind: str, item_id: int) -> Post | ServiceApplication | None:
    """The rejected item this one was sent again after, or None."""
    if kind == "post":
        post = s.get(Post, item_id)
        if post is None:
            return None
        window = _window(s, post.facility_id)
        return s.scalars(
            select(Post)
            .where(
                Post.service_id == post.service_id,
                Post.id != post.id,
                Post.status == "rejected",
                Post.submitted_at < post.submitted_at,
                Post.submitted_at >= post.submitted_at - window,
            )
            .order_by(Post.submitted_at.desc(), Post.id.desc())
            .limit(1)
        ).first()
    app = s.get(ServiceApplication, item_id)
    if app is None:
        return None
    window = _window(s, app.facility_id)
    return s.scalars(
        select(ServiceApplication)
        .where(
            ServiceApplication.applicant_id == app.applicant_id,
            ServiceApplication.inmate_id == app.inmate_id,
            ServiceApplication.id != app.id,
            ServiceApplication.status == "rejected",
            ServiceApplication.submitted_at < app.submitted_at,
            ServiceApplication.submitted_at >= app.submitted_at - window,
        )
        .order_by(ServiceApplication.submitted_at.desc(), ServiceApplication.id.desc())
        .limit(1)
    ).first()


def _window(s: Session, facility_id: int) -> timedelta:
    facility = s.get(Facility, facility_id)
    return timedelta(days=facility.post_window_days if facility else 30)


def compare(engine: Engine, store: DocumentStore, kind: str, item_id: int) -> Comparison | None:
    """The item ``kind`` #``item_id`` against the rejected one it follows; None when it follows none."""
    with Session(engine) as s:
        earlier = earlier_rejection(s, kind, item_id)
        if earlier is None:
            return None
        item: Post | ServiceApplication | None = (
            s.get(Post, item_id) if kind == "post" else s.get(ServiceApplication, item_id)
        )
        assert item is not None  # earlier_rejection found it
        facility_id = item.facility_id
        decision = s.scalars(
            select(Decision)
            .where(Decision.item_kind == kind, Decision.item_id == earlier.id, Decision.outcome == "reject")
            .order_by(Decision.decided_at.desc(), Decision.id.desc())
            .limit(1)
        ).first()
        reasons = _reason_words(s, facility_id, decision.reason_codes if decision else [])
        new_docs, old_docs = documents_of(item.documents), documents_of(earlier.documents)
        if isinstance(item, Post) and isinstance(earlier, Post):
            title, body = text_diff(earlier.title, item.title), text_diff(earlier.body, item.body)
        else:
            title = body = ()
        head = (earlier.id, earlier.submitted_at, earlier.decided_at)
    # Pictures not hashed yet (an item rejected before hashes were kept) are hashed now.
    hashes = hashes_for(engine, store, [*new_docs, *old_docs])
    documents = _document_changes(kind, new_docs, old_docs, hashes)
    return Comparison(
        kind,
        head[0],
        head[1],
        head[2],
        reasons,
        decision.message_to_family if decision else None,
        decision.note if decision else None,
        title,
        body,
        documents,
    )


def _reason_words(s: Session, facility_id: int, codes: Sequence[str]) -> tuple[str, ...]:
    facility = s.get(Facility, facility_id)
    rows = {
        r.code: r
        for r in s.scalars(
            select(RejectionReason).where(
                RejectionReason.facility_id == facility_id, RejectionReason.code.in_(codes)
            )
        )
    }
    out = []
    for code in codes:
        row = rows.get(code)
        if row is None or facility is None:
            out.append(code)
        else:
            out.append(worded(Reason.from_row(row), facility.policy()).text)
    return tuple(out)


def _document_changes(
    kind: str,
    new_docs: Sequence[DocumentRef],
    old_docs: Sequence[DocumentRef],
    hashes: Mapping[int, PerceptualHash | None],
) -> tuple[DocumentChange, ...]:
    left = list(old_docs)
    changes: list[DocumentChange] = []
    for doc in new_docs:
        same_file = next((old for old in left if old.sha256 == doc.sha256), None)
        if same_file is not None:
            left.remove(same_file)
            changes.append(DocumentChange(doc.kind, doc.filename, "unchanged", "same", same_file.filename))
            continue
        # An application's document replaces the earlier one of its kind; a post's picture the most
        # alike of the earlier attachments.
        candidates = [old for old in left if old.kind == doc.kind]
        if kind == "post":
            candidates.sort(key=lambda old: _distance(hashes.get(doc.id), hashes.get(old.id)))
        if not candidates:
            changes.append(DocumentChange(doc.kind, doc.filename, "added", None))
            continue
        old = candidates[0]
        left.remove(old)
        changes.append(
            DocumentChange(
                doc.kind,
                doc.filename,
                "replaced",
                likeness(hashes.get(doc.id), hashes.get(old.id)),
                old.filename,
            )
        )
    changes.extend(DocumentChange(old.kind, old.filename, "removed", None, old.filename) for old in left)
    return tuple(changes)


def _distance(a: PerceptualHash | None, b: PerceptualHash | None) -> int:
    return a.distance(b) if a is not None and b is not None else BITS + 1
