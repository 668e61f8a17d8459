"""The demo seed's builder for one facility, second part: documents, applications, posts and their
history, and the ordinary families (mostly approvable items)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import datetime, timedelta
from typing import Any

from reviewer_app.demo import documents, names
from reviewer_app.demo.seed_files import _certificate_pdf, pool_sha256
from reviewer_app.demo.seed_people import _FacilityBuilder
from reviewer_app.demo.seed_plan import (
    _OFF_TOPIC,
    _PLAIN_REJECTIONS,
    _Family,
    _Old,
    _photo_name,
    _relationship,
    _Relative,
    _waiting,
)
from reviewer_app.shared_db.models import Document, DocumentBlob, Post, Restriction, ServiceApplication

#: A document's bytes, or the bytes being drawn on the seed's drawing threads.
Drawing = bytes | Future[bytes]


class _ItemBuilder(_FacilityBuilder):
    # --- documents ------------------------------------------------------------------------------------

    def _drawn(self, draw: Callable[..., bytes], files: random.Random, *args: Any, **kwargs: Any) -> Drawing:
        """``draw(generator, *args, **kwargs)`` on the seed's drawing threads, with a generator of its
        own taken from `files` (so the files are the same whichever thread draws them, and when)."""
        own = random.Random(files.getrandbits(64))
        if self.drawer is None:
            return draw(own, *args, **kwargs)
        return self.drawer.submit(draw, own, *args, **kwargs)

    def _document(
        self, kind: str, data: Drawing, filename: str, mime_type: str, uploaded_at: datetime
    ) -> Document:
        document = Document(
            facility_id=self.facility_id,
            kind=kind,
            filename=filename,
            mime_type=mime_type,
            storage="embedded",
            uploaded_at=uploaded_at,
        )
        if isinstance(data, Future):
            self.drawings.append((document, data))  # its bytes are written at the next _flush
        else:
            self._fill(document, data)
        self.totals.documents += 1
        return document

    def _fill(self, document: Document, data: bytes) -> None:
        document.size_bytes = len(data)
        document.sha256 = pool_sha256(data) or hashlib.sha256(data).hexdigest()
        document.blob = DocumentBlob(data=data)

    def _wait_for_drawings(self, end: int) -> None:
        """Until the first `end` documents waiting for their bytes have them drawn."""
        for _, drawing in self.drawings[:end]:
            drawing.result()

    def _drawings_done(self) -> None:
        """The documents whose bytes were being drawn get them (waiting for the drawing threads)."""
        for document, drawing in self.drawings:
            self._fill(document, drawing.result())
        self.drawings.clear()

    def _application_documents(
        self, family: _Family, relative: _Relative, own: bool, uploaded_at: datetime, skip: Sequence[str] = ()
    ) -> list[Document]:
        rng, files, applicant = family.rng, family.files, relative.applicant
        out: list[Document] = []
        if "id_document" not in skip:
            if own:
                assert applicant.birth_date is not None
                data: Drawing = self._drawn(
                    documents.id_card_image,
                    files,
                    applicant.name,
                    applicant.national_id,
                    applicant.birth_date,
                )
            else:
                data = files.choice(self.pool.id_cards)
            name = "身分證正面.jpg" if rng.random() < 0.4 else _photo_name(rng, uploaded_at)
            out.append(self._document("id_document", data, name, "image/jpeg", uploaded_at))
        if "relationship_proof" not in skip:
            register = relative.relationship == "cohabiting_with_child" or rng.random() < 0.25
            if register:
                if own:
                    members = [(family.inmate.name, "戶長"), (applicant.name, relative.title)]
                    if relative.relationship == "cohabiting_with_child":
                        members = [(applicant.name, "戶長")]
                    members += [
                        (c.name, "外孫" if relative.relationship == "cohabiting_with_child" else "子")
                        for c in family.inmate.children
                    ]
                    data = self._drawn(documents.household_register_image, files, members)
                else:
                    data = files.choice(self.pool.registers)
                name = "戶口名簿.jpg" if rng.random() < 0.5 else _photo_name(rng, uploaded_at)
                out.append(self._document("relationship_proof", data, name, "image/jpeg", uploaded_at))
            else:
                if own:
                    pages = files.choice((1, 2))
                    data = self._drawn(
                        documents.relationship_proof_pdf,
                        files,
                        applicant.name,
                        family.inmate.name,
                        relative.title,
                        pages=pages,
                    )
                else:
                    data = files.choice(self.pool.proofs)
                name = rng.choice(("戶籍謄本.pdf", "戶籍謄本(現戶全戶).pdf", "scan0001.pdf"))
                out.append(self._document("relationship_proof", data, name, "application/pdf", uploaded_at))
        if "applicant_photo" not in skip:
            if own:
                data = self._drawn(documents.applicant_photo, files, applicant.name)
            else:
                data = files.choice(self.pool.portraits)
            name = "大頭照.jpg" if rng.random() < 0.4 else _photo_name(rng, uploaded_at)
            out.append(self._document("applicant_photo", data, name, "image/jpeg", uploaded_at))
        return out

    # --- items ----------------------------------------------------------------------------------------

    def _application(
        self,
        family: _Family,
        relative: _Relative,
        submitted_at: datetime,
        *,
        decided_at: datetime | None = None,
        status: str = "pending",
        reasons: Sequence[str] = (),
        call_number_entered: str | None = None,
        skip_documents: Sequence[str] = (),
    ) -> ServiceApplication:
        own = family.full and status == "pending"  # a reviewer opens these files: make them the family's
        application = ServiceApplication(
            facility_id=self.facility_id,
            applicant=relative.applicant,
            inmate=family.inmate,
            relationship_code=relative.relationship,
            call_number_entered=call_number_entered or family.inmate.call_number,
            surname_confirmed=True,
            submitted_at=submitted_at,
            documents=self._application_documents(
                family,
                relative,
                own,
                submitted_at - timedelta(minutes=family.rng.randint(3, 40)),
                skip_documents,
            ),
        )
        self.s.add(application)
        self.totals.applications += 1
        if status == "pending":
            self.totals.pending += 1
        else:
            assert decided_at is not None
            self._decide("application", application, status, decided_at, reasons)
        return application

    def _post(
        self,
        family: _Family,
        service: ServiceApplication,
        submitted_at: datetime,
        *,
        status: str = "pending",
        text: tuple[str, str] | None = None,
        photos: Sequence[Drawing] = (),
        attachments: Sequence[tuple[Drawing, str, str]] = (),
        reason: str | None = None,
        decided_at: datetime | None = None,
    ) -> Post:
        rng = family.rng
        title, body = text if text is not None else names.post_text(rng)
        uploaded = submitted_at - timedelta(minutes=rng.randint(1, 15))
        files = [(p, _photo_name(rng, uploaded), "image/jpeg") for p in photos] + list(attachments)
        docs = [self._document("post_attachment", data, name, mime, uploaded) for data, name, mime in files]
        post = Post(
            facility_id=self.facility_id,
            service=service,
            title=title,
            body=body,
            submitted_at=submitted_at,
            documents=docs,
        )
        self.s.add(post)
        self.totals.posts += 1
        if status in ("pending", "held"):
            self.totals.pending += 1
            post.status = status
        else:
            if decided_at is None:
                decided_at = min(
                    submitted_at + timedelta(hours=rng.uniform(6, 60)), self.now - timedelta(minutes=30)
                )
            self._decide("post", post, status, decided_at, (reason,) if reason else ())
        return post

    def _old_post(self, family: _Family, service: ServiceApplication, old: _Old) -> Post:
        """An earlier post; a rejected one looks like what it was rejected for."""
        rng = family.rng
        photos: list[bytes] = []
        if rng.random() < 0.9 or old.reason == "P5_PHOTO":
            photos.append(self._history_photo(family))
        if old.reason == "P5_PHOTO":
            photos.append(self._history_photo(family))
        text: tuple[str, str] | None = None
        if old.reason == "P4_TOO_LONG":
            text = (names.post_text(rng)[0], names.long_post_text(rng, rng.randint(104, 160)))
        elif old.reason == "P2_CONTENT":
            text = (rng.choice(("有事拜託", "急事", "跟你說一下")), rng.choice(_OFF_TOPIC))
        return self._post(
            family,
            service,
            old.submitted_at,
            status=old.status,
            text=text,
            photos=photos,
            reason=old.reason,
            decided_at=old.decided_at,
        )

    def _history_photo(self, family: _Family) -> bytes:
        return family.files.choice(self.pool.history_medium if family.full else self.pool.history_small)

    def _pending_photo(self, family: _Family) -> Drawing:
        if family.full:
            return self._drawn(documents.family_photo, family.files)  # 4000×3000, as a phone takes it
        return family.files.choice(self.pool.pending_small)

    def _history(
        self, rng: random.Random, newest: datetime, count: int, newest_status: str, rejection: bool = True
    ) -> list[_Old]:
        """`count` earlier posts, newest first, 35–70 days apart; one in seven families had one rejected."""
        out = [_Old(newest, newest_status)]
        at = newest
        rejected = rng.randrange(1, count) if rejection and count > 1 and rng.random() < 0.15 else None
        for number in range(1, count):
            at -= timedelta(days=rng.uniform(35, 70))
            if number == rejected:
                out.append(_Old(at, "rejected", rng.choice(_PLAIN_REJECTIONS)))
            else:
                out.append(_Old(at, "delivered"))
        return out

    def _service(
        self, family: _Family, first_post_at: datetime, relationship: str | None = None
    ) -> tuple[ServiceApplication, _Relative]:
        """An approved service, decided some days before the family's first post."""
        rng = family.rng
        decided = first_post_at - timedelta(days=rng.uniform(1, 30))
        submitted = decided - timedelta(days=rng.uniform(0.3, 5))
        # now and then a first try without the relationship proof, rejected (E5)
        first = submitted - timedelta(days=rng.uniform(8, 30)) if rng.random() < 0.06 else submitted
        relationship = relationship or _relationship(rng)
        relative = self._relative(family, relationship, first - timedelta(days=rng.uniform(0.1, 20)))
        if first < submitted:
            self._application(
                family,
                relative,
                first,
                status="rejected",
                decided_at=first + timedelta(days=1),
                reasons=("E5_MISSING_DOCS",),
                skip_documents=("relationship_proof",),
            )
        service = self._application(family, relative, submitted, status="approved", decided_at=decided)
        return service, relative

    def _approved_family(
        self,
        family: _Family,
        history: Sequence[_Old],
        pending_at: datetime | None,
        relationship: str | None = None,
        *,
        text: tuple[str, str] | None = None,
        photos: Sequence[Drawing] | None = None,
        attachments: Sequence[tuple[Drawing, str, str]] = (),
    ) -> ServiceApplication:
        """An approved service with earlier posts and, if pending_at, a post in the queue."""
        first = min([o.submitted_at for o in history] + ([pending_at] if pending_at else []))
        service, _ = self._service(family, first, relationship)
        for old in sorted(history, key=lambda o: o.submitted_at):
            self._old_post(family, service, old)
        if pending_at is not None:
            if photos is None:
                photos = [self._pending_photo(family)]
            self._post(family, service, pending_at, text=text, photos=photos, attachments=attachments)
        return service

    def _pending_application(
        self,
        family: _Family,
        waited: timedelta | None = None,
        *,
        relationship: str | None = None,
        call_number_entered: str | None = None,
        skip_documents: Sequence[str] = (),
    ) -> ServiceApplication:
        rng = family.rng
        submitted = self.now - (waited if waited is not None else _waiting(rng))
        relative = self._relative(
            family, relationship or _relationship(rng), submitted - timedelta(days=rng.uniform(0, 3))
        )
        return self._application(
            family,
            relative,
            submitted,
            call_number_entered=call_number_entered,
            skip_documents=skip_documents,
        )

    # --- ordinary families ----------------------------------------------------------------------------

    def _ordinary(self, family: _Family) -> None:
        rng = family.rng
        kind = rng.random()
        if rng.random() < 0.1:  # a sanction long over, before the family applied
            ended = self.today - timedelta(days=rng.randint(400, 700))
            family.inmate.restrictions.append(
                Restriction(
                    kind=rng.choice(("disciplinary", "medical_isolation")),
                    starts_on=ended - timedelta(days=rng.randint(7, 30)),
                    ends_on=ended,
                )
            )
        if kind < 0.18:  # a new application in the queue
            self._pending_application(family)
        elif kind < 0.24:  # newly approved; the first post waits for review
            self._approved_family(family, [], self.now - _waiting(rng))
        else:
            count = rng.randint(1, 4)
            if rng.random() < 0.6:
                pending_at: datetime | None = self.now - _waiting(rng)
                assert pending_at is not None
                newest = pending_at - timedelta(days=rng.uniform(35, 60))
                status = "delivered"
            else:  # nothing waiting: the newest post is being printed or handed over
                pending_at = None
                age = rng.uniform(1, 25)
                newest = self.now - timedelta(days=age)
                status = "approved" if age < 7 else ("printed" if age < 14 else "delivered")
            attachments: list[tuple[Drawing, str, str]] = []
            if pending_at is not None and rng.random() < 0.05:
                attachments.append((self._certificate(family), "獎狀.pdf", "application/pdf"))
            photos: list[Drawing] | None = None if rng.random() < 0.92 else []  # a few posts are text only
            self._approved_family(
                family,
                self._history(rng, newest, count, status),
                pending_at,
                photos=photos,
                attachments=attachments,
            )

    def _certificate(self, family: _Family) -> Drawing:
        if family.full:
            return self._drawn(_certificate_pdf, family.files, family.inmate.children[-1].name)
        return family.files.choice(self.pool.certificates)
