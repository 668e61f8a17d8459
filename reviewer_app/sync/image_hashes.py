"""Perceptual hashes of the claimed items' pictures, stored once in the shared database, and the
pictures other families used too (issue 21 item 4).

The workstation that first opens a document hashes it (after the pull's document checks, on the
network worker: never the GUI thread) and writes the row; every other workstation reads it. Who else
used the same picture is asked of the database: on PostgreSQL through ``reviewdesk_reused_images``
(migration 0012), which names only items of the caller's own facility and gives the rest as nameless
rows; on SQLite (one workstation, no walls) the same answer is worked out here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.core.items import DocumentRef
from reviewer_app.documents.perceptual import SIMILAR_PERCENT, PerceptualHash, alike, perceptual_hash
from reviewer_app.documents.store import DocumentStore
from reviewer_app.documents.verdicts import Rejected
from reviewer_app.shared_db.models import Document, ImageHash, Post, ServiceApplication


@dataclass(frozen=True)
class OtherItem:
    """An item of the reviewer's own facility whose family used the same picture."""

    kind: str  # "application" | "post"
    item_id: int
    status: str
    document_id: int


@dataclass(frozen=True)
class Reuse:
    """Who else used one document's picture: named within the facility, counted beyond it."""

    document_id: int
    named: tuple[OtherItem, ...]
    elsewhere: int

    @property
    def any(self) -> bool:
        return bool(self.named) or self.elsewhere > 0


def hash_of(row: ImageHash | None) -> PerceptualHash | None:
    if row is None or row.hash is None:
        return None
    return PerceptualHash.from_hex(row.hash)


def stored_hashes(s: Session, doc_ids: Iterable[int]) -> dict[int, ImageHash]:
    ids = list(set(doc_ids))
    if not ids:
        return {}
    return {
        row.document_id: row for row in s.scalars(select(ImageHash).where(ImageHash.document_id.in_(ids)))
    }


def hash_documents(
    engine: Engine,
    store: DocumentStore,
    facility_id: int,
    docs: Sequence[DocumentRef],
    clock: Callable[[], datetime],
) -> int:
    """Hash the documents of ``docs`` not hashed yet (from the cache, or fetched and not kept) and
    store them; the number stored. One that cannot be fetched now is tried at the next pull."""
    with Session(engine) as s:
        known = set(stored_hashes(s, (doc.id for doc in docs)))
    stored = 0
    for doc in docs:
        if doc.id in known:
            continue
        data = store.fetch(doc, keep=False)
        if isinstance(data, Rejected):
            continue
        found = perceptual_hash(data)
        row = ImageHash(
            document_id=doc.id,
            facility_id=facility_id,
            hash=found.hex() if found else None,
            hashed_at=clock(),
        )
        try:
            with Session(engine) as s, s.begin():
                s.add(row)
        except IntegrityError:  # another workstation hashed it meanwhile: the same answer
            continue
        known.add(doc.id)
        stored += 1
    return stored


def hashes_for(
    engine: Engine, store: DocumentStore, docs: Sequence[DocumentRef]
) -> dict[int, PerceptualHash | None]:
    """The hashes of ``docs``: those stored, and the missing ones computed now and not stored (the
    desk's look at an item never writes: a write can wait behind another workstation's lock)."""
    with Session(engine) as s:
        rows = stored_hashes(s, (doc.id for doc in docs))
    found: dict[int, PerceptualHash | None] = {doc_id: hash_of(row) for doc_id, row in rows.items()}
    for doc in docs:
        if doc.id not in rows:
            data = store.fetch(doc, keep=False)
            found[doc.id] = None if isinstance(data, Rejected) else perceptual_hash(data)
    return found


def reused_images(engine: Engine, facility_id: int, doc_ids: Sequence[int]) -> dict[int, Reuse]:
    """For each of ``doc_ids`` (documents of the caller's facility) whose picture another family
    used too: the items named (this facility) and the count (other facilities)."""
    found: dict[int, Reuse] = {}
    with Session(engine) as s:
        if engine.dialect.name == "postgresql":
            for doc_id in doc_ids:
                rows = s.execute(
                    text("SELECT * FROM reviewdesk_reused_images(:doc, :percent)"),
                    {"doc": doc_id, "percent": SIMILAR_PERCENT},
                ).all()
                named = tuple(
                    OtherItem(r.item_kind, r.item_id, r.item_status, r.document_id) for r in rows if r.item_id
                )
                reuse = Reuse(doc_id, named, sum(1 for r in rows if r.item_id is None))
                if reuse.any:
                    found[doc_id] = reuse
            return found
        return _reused_here(s, facility_id, doc_ids)


@dataclass(frozen=True)
class _Hashed:
    document_id: int
    facility_id: int
    document_kind: str
    kind: str
    item_id: int
    status: str
    family: int | None
    hash: PerceptualHash


def _every_hashed(s: Session) -> list[_Hashed]:
    rows = s.execute(
        select(ImageHash, Document, ServiceApplication, Post)
        .join(Document, Document.id == ImageHash.document_id)
        .outerjoin(Post, Post.id == Document.post_id)
        .outerjoin(ServiceApplication, ServiceApplication.id == Document.application_id)
        .where(ImageHash.hash.is_not(None))
    ).all()
    services = {
        a.id: a.applicant_id
        for a in s.scalars(
            select(ServiceApplication).where(ServiceApplication.id.in_({p.service_id for *_, p in rows if p}))
        )
    }
    out = []
    for row, doc, app, post in rows:
        h = hash_of(row)
        if h is None or doc.facility_id != row.facility_id:
            continue
        if app is not None:
            out.append(
                _Hashed(
                    doc.id, doc.facility_id, doc.kind, "application", app.id, app.status, app.applicant_id, h
                )
            )
        elif post is not None:
            out.append(
                _Hashed(
                    doc.id,
                    doc.facility_id,
                    doc.kind,
                    "post",
                    post.id,
                    post.status,
                    services.get(post.service_id),
                    h,
                )
            )
    return out


def _reused_here(s: Session, facility_id: int, doc_ids: Sequence[int]) -> dict[int, Reuse]:
    every = _every_hashed(s)
    by_id = {h.document_id: h for h in every}
    found: dict[int, Reuse] = {}
    for doc_id in doc_ids:
        mine = by_id.get(doc_id)
        if mine is None or mine.facility_id != facility_id:
            continue
        others = [
            o
            for o in every
            if o.document_id != doc_id
            and o.family != mine.family
            and alike(mine.hash, o.hash, mine.document_kind)
        ]
        named = tuple(
            OtherItem(o.kind, o.item_id, o.status, o.document_id)
            for o in sorted(others, key=lambda o: o.document_id)
            if o.facility_id == facility_id
        )
        reuse = Reuse(doc_id, named, sum(1 for o in others if o.facility_id != facility_id))
        if reuse.any:
            found[doc_id] = reuse
    return found
