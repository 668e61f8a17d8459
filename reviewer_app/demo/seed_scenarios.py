"""The demo seed's builder for one facility, last part: `build`, which gives the first families the
rule problems a reviewer must notice (`SCENARIOS`, one method each) and the others ordinary items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from reviewer_app.core.family_message import suspension_hold_reason
from reviewer_app.demo import documents, names
from reviewer_app.demo.seed_items import Drawing, _ItemBuilder
from reviewer_app.demo.seed_plan import DemoStaff, _Family, _Old, _wrong_call_number, _years_before
from reviewer_app.documents.perceptual import perceptual_hash
from reviewer_app.shared_db.models import ImageHash, Post, Restriction

#: How many families' documents may still be drawing while the next family's rows are built.
DRAWING_AHEAD = 3
#: The families committed first when a desk waits for its queue (the first half of the rule problems,
#: SCENARIOS): the desk pulls them while the others are built. Each family more here is some 0.15 s
#: more before the first demo's queue shows (its drawings: a 4000×3000 photo, a PDF…).
FIRST_BATCH = 6
#: After the first batch, families are committed this many at a time: a short write lock each, so
#: the desk's claims and decisions meanwhile wait a moment at most (SQLite has one writer at a time).
COMMIT_EVERY = 4


class FacilitySeeder(_ItemBuilder):
    """One facility with its staff and `families` families (see :func:`reviewer_app.demo.seed.seed`)."""

    #: The photo of scenario 16's rejected post, which scenario 17's family sends again as its own.
    _rejected_photo: bytes | None = None

    def build(
        self,
        families: int,
        built_one: Callable[[], None],
        staff_ready: Callable[[list[DemoStaff]], None] | None = None,
        queue_ready: Callable[[], None] | None = None,
    ) -> None:
        """Write the facility and its staff (and tell ``staff_ready``), then the families.

        With ``queue_ready``, the first `FIRST_BATCH` families are committed (and ``queue_ready``
        told) before the others are built, and those are committed `COMMIT_EVERY` at a time: the
        desk works on the first while the rest arrive. Without it, the facility is one transaction
        (the caller commits)."""
        self._open()
        if staff_ready is not None:
            self.s.flush()
            staff_ready(list(self.staff))
        scenarios = {
            0: self._long_body,
            1: self._two_photos,
            2: self._big_photo,
            3: self._inside_window,
            4: self._two_strikes,
            5: self._disciplinary,
            6: self._child_turned_19,
            7: self._duplicate,
            8: self._sideways_photo,
            9: self._wrong_call_number,
            10: self._missing_proof,
            11: self._suspended,
            16: self._sent_again,
            17: self._reused_photo,
        }
        # A family counts as built once its documents are drawn too; the drawing threads are at most
        # DRAWING_AHEAD families ahead of the count, while this thread builds the next families' rows.
        waiting: list[int] = []  # the families not counted yet: where their drawings end

        def count(leaving: int) -> None:
            while len(waiting) > leaving:
                self._wait_for_drawings(waiting.pop(0))
                self.totals.families += 1
                built_one()

        for index in range(families):
            family = self._new_family(index)
            scenarios.get(index, self._ordinary)(family)
            waiting.append(len(self.drawings))
            count(DRAWING_AHEAD)
            built = index + 1
            if queue_ready is not None and built >= FIRST_BATCH and (built - FIRST_BATCH) % COMMIT_EVERY == 0:
                count(0)
                self._flush()
                self.s.commit()
                if built == FIRST_BATCH:
                    queue_ready()
            elif index % 100 == 99:
                count(0)
                self._flush()
        count(0)
        self._flush()

    # --- the rule problems (SCENARIOS) ----------------------------------------------------------------

    def _long_body(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=30)
        title = names.post_text(family.rng)[0]
        history = self._history(family.rng, pending_at - timedelta(days=41), 3, "delivered", rejection=False)
        body = names.long_post_text(family.rng, 130)
        self._approved_family(family, history, pending_at, text=(title, body))

    def _two_photos(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=80)
        history = self._history(family.rng, pending_at - timedelta(days=37), 2, "approved", rejection=False)
        photos = [self._pending_photo(family), family.files.choice(self.pool.history_medium)]
        self._approved_family(family, history, pending_at, photos=photos)

    def _big_photo(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=50)
        history = self._history(family.rng, pending_at - timedelta(days=45), 2, "delivered", rejection=False)
        self._approved_family(family, history, pending_at, photos=[self.pool.big_photo])

    def _inside_window(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=40)
        history = [
            _Old(pending_at - timedelta(days=10), "approved"),
            *self._history(family.rng, pending_at - timedelta(days=52), 2, "delivered", rejection=False),
        ]
        self._approved_family(family, history, pending_at)

    def _two_strikes(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=20)
        days = (40, 80, 117, 120)
        history = [
            _Old(pending_at - timedelta(days=days[0]), "delivered"),
            _Old(pending_at - timedelta(days=days[1]), "rejected", "P2_CONTENT"),
            _Old(pending_at - timedelta(days=days[2]), "delivered"),
            _Old(pending_at - timedelta(days=days[3]), "rejected", "P4_TOO_LONG"),
        ]
        self._approved_family(family, history, pending_at)

    def _disciplinary(self, family: _Family) -> None:
        family.inmate.restrictions.append(
            Restriction(
                kind="disciplinary",
                starts_on=self.today - timedelta(days=12),
                ends_on=self.today + timedelta(days=18),
                note="違規處分：停止購買自費物品 30 日",
            )
        )
        self._pending_application(family, timedelta(hours=100))

    def _child_turned_19(self, family: _Family) -> None:
        child = family.inmate.children[0]
        child.birth_date = _years_before(self.today - timedelta(days=1), 19)
        family.inmate.children = [child]
        self._pending_application(family, timedelta(hours=8))

    def _duplicate(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=60)
        history = self._history(family.rng, pending_at - timedelta(days=36), 3, "approved", rejection=False)
        attachment = (self._certificate(family), "獎狀.pdf", "application/pdf")
        self._approved_family(family, history, pending_at, "spouse", attachments=[attachment])
        # the inmate's mother applies too, not knowing the spouse already has the service (E4)
        self._pending_application(family, timedelta(hours=70), relationship="mother")

    def _sideways_photo(self, family: _Family) -> None:
        pending_at = self.now - timedelta(hours=26)
        history = self._history(family.rng, pending_at - timedelta(days=39), 2, "approved", rejection=False)
        if family.full:
            photo: Drawing = self._drawn(documents.family_photo, family.files, exif_orientation=6, gps=True)
        else:
            photo = self.pool.sideways_small
        self._approved_family(family, history, pending_at, photos=[photo])

    def _wrong_call_number(self, family: _Family) -> None:
        wrong = _wrong_call_number(family.inmate.call_number)
        self._pending_application(family, timedelta(hours=90), call_number_entered=wrong)

    def _missing_proof(self, family: _Family) -> None:
        self._pending_application(family, timedelta(hours=14), skip_documents=("relationship_proof",))

    def _suspended(self, family: _Family) -> None:
        now = self.now
        third_decided = now - timedelta(days=4)
        history = [
            _Old(now - timedelta(days=130), "delivered"),
            _Old(now - timedelta(days=90), "rejected", "P4_TOO_LONG"),
            _Old(now - timedelta(days=88), "delivered"),
            _Old(now - timedelta(days=50), "rejected", "P2_CONTENT"),
            _Old(now - timedelta(days=9), "rejected", "P5_PHOTO", decided_at=third_decided),
        ]
        service = self._approved_family(family, history, None)
        third = self.decisions[-1]
        assert third.strike and third.decided_at == third_decided
        self.suspensions.append((service, third_decided, third.key))
        held = self._post(
            family, service, now - timedelta(days=5.5), status="held", photos=[self._history_photo(family)]
        )
        held.version = 2  # held by the third strike's suspension
        held.held_reason = suspension_hold_reason(
            self._suspended_until(third_decided), self.facility.strike_threshold
        )

    def _sent_again(self, family: _Family) -> None:
        """Rejected two days ago for its content; sent again yesterday with the text fixed and the same
        photo, made smaller by the phone: the desk compares the two (issue 21)."""
        now = self.now
        history = self._history(family.rng, now - timedelta(days=50), 2, "delivered", rejection=False)
        service = self._approved_family(family, history, None)
        # its own photo (never one of the pool's, which other families share in a large seed)
        photo, smaller = documents.family_photo_and_smaller(
            family.files, *((4000, 3000) if family.full else (1024, 768))
        )
        opening = "孩子這週段考成績進步很多，老師也稱讚他。"
        rejected = self._post(
            family,
            service,
            now - timedelta(days=3),
            status="rejected",
            text=("跟你說一下", opening + "另外你那台車我先賣掉了，錢拿去還貸款。"),
            photos=[photo],
            reason="P2_CONTENT",
            decided_at=now - timedelta(days=2),
        )
        self._hashed(rejected)  # its workstation hashed the photo when it was reviewed
        self._post(
            family,
            service,
            now - timedelta(hours=22),
            text=("孩子的近況", opening + "他說很想念爸爸，要你保重身體。"),
            photos=[smaller],
        )
        self._rejected_photo = photo

    def _reused_photo(self, family: _Family) -> None:
        """Another family sends the photo of the rejected post above as their own."""
        pending_at = self.now - timedelta(hours=16)
        history = self._history(family.rng, pending_at - timedelta(days=44), 2, "delivered", rejection=False)
        photo: Drawing = self._rejected_photo or self._pending_photo(family)
        self._approved_family(family, history, pending_at, photos=[photo])

    def _hashed(self, post: Post) -> None:
        self._drawings_done()  # the post's pictures may still be drawing on the seed's threads
        self.s.flush()
        for doc in post.documents:
            assert doc.blob is not None
            found = perceptual_hash(doc.blob.data)
            self.s.add(
                ImageHash(
                    document_id=doc.id,
                    facility_id=self.facility_id,
                    hash=found.hex() if found else None,
                    hashed_at=self.now,
                )
            )
