"""Demo data for the benchmarks, written fast: one facility, n families, one pending post each.

:func:`pending_posts` writes with multi-row inserts (not one ORM object at a time), so 10 000 or more
pending items take seconds, not minutes. Every family has an approved service for an inmate with a
child of 10 and one pending post that breaks no rule, so every item is approvable. The first
``photo_posts`` posts in queue order (the oldest) carry one phone photo each, embedded in the shared
database like the demo's, or as a URL on a file store (``photo_base_url``) as in a deployment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Table, insert
from sqlalchemy.orm import Session

from reviewer_app.shared_db.catalogue import ensure_catalogue
from reviewer_app.shared_db.engine import upgrade
from reviewer_app.shared_db.models import (
    Applicant,
    Child,
    Document,
    DocumentBlob,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Staff,
)

USERNAME = "bench"
DISPLAY_NAME = "效能測試社工師"
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = ("美華", "淑芬", "雅婷", "怡君", "志明", "俊傑", "家豪", "宗翰", "佩珊", "冠宇")
UNITS = ("忠舍", "孝舍", "仁舍", "愛舍", "信舍")


@dataclass(frozen=True)
class Queue:
    facility_id: int
    post_ids: list[int]  # in queue order (oldest first)


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _insert(s: Session, model: type[Any], rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows, ids back in the order given (one multi-row statement per thousand rows)."""
    table = _table(model)
    ids: list[int] = []
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        result = s.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), chunk)
        ids.extend(result.scalars())
    return ids


def pending_posts(
    engine: Engine,
    n: int,
    now: datetime,
    *,
    photos: Sequence[bytes] = (),
    photo_posts: int = 0,
    photo_base_url: str | None = None,
    photo_names: Sequence[str] = (),
    code: str = "BEN",
    username: str = USERNAME,
) -> Queue:
    """A migrated database with one facility (``code``), its reviewer (``username``) and n pending posts.

    Post i was submitted ``n - i`` minutes before ``now`` (the first is the oldest, claimed first).
    With ``photo_base_url`` the photos are on that file store, post k's as ``photo_names[k % len]``.
    """
    upgrade(engine)
    with Session(engine) as s, s.begin():
        ensure_catalogue(s)
        facility = Facility(code=code, name="法務部矯正署效能測試監獄")
        s.add(facility)
        s.flush()
        fid = facility.id
        s.add(Staff(facility_id=fid, username=username, display_name=DISPLAY_NAME, role="reviewer"))
        s.flush()
        names = [SURNAMES[i % len(SURNAMES)] + GIVEN[i // len(SURNAMES) % len(GIVEN)] for i in range(n)]
        applicants = _insert(
            s,
            Applicant,
            [
                {
                    "email": f"{code.lower()}{i}@example.tw",
                    "name": names[i],
                    "national_id": "A223456781",
                    "registered_at": now - timedelta(days=90),
                }
                for i in range(n)
            ],
        )
        inmates = _insert(
            s,
            Inmate,
            [
                {
                    "facility_id": fid,
                    "call_number": f"{10000 + i}",
                    "name": names[(i * 7 + 3) % n][:1] + "大明",
                    "housing_unit": f"{UNITS[i % len(UNITS)]} {i % 30 + 1} 房",
                    "custody": "in_custody",
                }
                for i in range(n)
            ],
        )
        _insert(
            s,
            Child,
            [{"inmate_id": inmates[i], "name": "小明", "birth_date": date(2016, 1, 1)} for i in range(n)],
        )
        services = _insert(
            s,
            ServiceApplication,
            [
                {
                    "facility_id": fid,
                    "applicant_id": applicants[i],
                    "inmate_id": inmates[i],
                    "relationship": "mother",
                    "call_number_entered": f"{10000 + i}",
                    "surname_confirmed": True,
                    "status": "approved",
                    "version": 2,
                    "submitted_at": now - timedelta(days=60),
                    "decided_at": now - timedelta(days=59),
                }
                for i in range(n)
            ],
        )
        posts = _insert(
            s,
            Post,
            [
                {
                    "facility_id": fid,
                    "service_id": services[i],
                    "title": "孩子的近況",
                    "body": "孩子這學期很努力，週末我們去了外婆家，大家都很想你，要保重身體。",
                    "status": "pending",
                    "version": 1,
                    "submitted_at": now - timedelta(minutes=n - i),
                }
                for i in range(n)
            ],
        )
        if photos and photo_posts:
            digests = [hashlib.sha256(p).hexdigest() for p in photos]
            chosen = range(min(photo_posts, n))
            docs = []
            for k in chosen:
                photo = k % len(photos)
                doc: dict[str, Any] = {
                    "facility_id": fid,
                    "post_id": posts[k],
                    "kind": "post_attachment",
                    "filename": f"IMG_{k:04d}.jpg",
                    "mime_type": "image/jpeg",
                    "size_bytes": len(photos[photo]),
                    "sha256": digests[photo],
                    "storage": "embedded",
                    "url": None,
                    "uploaded_at": now - timedelta(minutes=n - k),
                }
                if photo_base_url is not None:
                    doc["storage"] = "url"
                    doc["url"] = f"{photo_base_url}/{photo_names[photo]}"
                docs.append(doc)
            doc_ids = _insert(s, Document, docs)
            if photo_base_url is None:
                blobs = _table(DocumentBlob)
                for start in range(0, len(doc_ids), 50):
                    s.execute(
                        insert(blobs),
                        [
                            {"document_id": doc_id, "data": photos[k % len(photos)]}
                            for k, doc_id in enumerate(doc_ids[start : start + 50], start)
                        ],
                    )
    return Queue(fid, posts)
