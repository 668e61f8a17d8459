"""The demo seed's builder for one facility, first part: the facility, its staff, the people of each
family, and writing what was built (decisions, strikes and suspensions need the items' ids).

:mod:`reviewer_app.demo.seed_items` adds the documents and items, :mod:`reviewer_app.demo.seed_scenarios`
the rule problems and `build`.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from concurrent.futures import Executor, Future
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from reviewer_app.core.reasons import Reason, worded
from reviewer_app.core.timeutil import add_months, local
from reviewer_app.demo import names
from reviewer_app.demo.accounts import STAFF_USERNAME
from reviewer_app.demo.seed_files import _Pool, _pool
from reviewer_app.demo.seed_plan import (
    _FACILITIES,
    _FIRST_STAFF,
    _STAFF_TITLES,
    JUVENILE_INDEX,
    JUVENILE_OVERRIDES,
    WORKSTATION,
    DemoStaff,
    _facility_code,
    _Family,
    _PlannedDecision,
    _random_day,
    _Relative,
    _Totals,
)
from reviewer_app.shared_db.models import (
    Applicant,
    Child,
    Decision,
    Document,
    Facility,
    Inmate,
    Post,
    ServiceApplication,
    Staff,
    Strike,
    Suspension,
)


class _FacilityBuilder:
    def __init__(
        self,
        session: Session,
        number: int,
        rng_seed: int,
        now: datetime,
        catalogue: dict[str, Reason],
        full_documents: int,
        usernames: set[str],
        emails: set[str],
        totals: _Totals,
        drawer: Executor | None = None,
    ) -> None:
        self.s = session
        # The threads that draw the documents (Pillow lets go of the interpreter while it draws), and
        # the documents waiting for their bytes; without threads each is drawn when it is needed.
        self.drawer = drawer
        self.drawings: list[tuple[Document, Future[bytes]]] = []
        self._pool = _pool(rng_seed)
        if drawer is not None:
            self._pool.draw_ahead(drawer)
        self.number = number
        self.rng_seed = rng_seed
        self.now = now
        self.today = local(now).date()
        self.catalogue = catalogue
        self.full_documents = full_documents
        self.usernames = usernames
        self.emails = emails
        self.totals = totals
        self.spec = _FACILITIES[number % len(_FACILITIES)]
        self.rng = random.Random(f"{rng_seed}:facility:{number}")
        self.call_numbers: set[str] = set()
        self.decisions: list[_PlannedDecision] = []
        self.suspensions: list[tuple[ServiceApplication, datetime, str]] = []
        self.staff: list[DemoStaff] = []
        cycle = number // len(_FACILITIES)
        self.facility = Facility(
            code=_facility_code(number),
            name=self.spec.name if cycle == 0 else f"{self.spec.name}（示範{cycle + 1}）",
            phone=self.spec.phone,
        )
        if number % len(_FACILITIES) == JUVENILE_INDEX:
            for attribute, value in JUVENILE_OVERRIDES.items():
                setattr(self.facility, attribute, value)

    @property
    def pool(self) -> _Pool:
        """The shared files (made once per seed and process, some seconds): each part on the drawing
        threads from the start when there are some, else drawn at the first family that needs it."""
        return self._pool

    # --- facility, staff, writing -------------------------------------------------------------------

    def _open(self) -> None:
        """Write the facility and its staff; the families come after."""
        self.s.add(self.facility)
        self.s.flush()  # the facility's own copy of the reason catalogue comes with it (R11)
        self.facility_id = self.facility.id
        # What its families read: the default reasons in this facility's numbers (R9).
        policy = self.facility.policy()
        self.catalogue = {code: worded(reason, policy) for code, reason in self.catalogue.items()}
        self.suspension_months = self.facility.suspension_months
        self._staff()

    def _staff(self) -> None:
        for username, display, role in _FIRST_STAFF:
            if self.number != 0:
                username = f"{self.facility.code.lower()}_{role}"
                display = names.family_name(self.rng) + _STAFF_TITLES[role]
            base, suffix = username, 2
            while username in self.usernames:
                username, suffix = f"{base}{suffix}", suffix + 1
            self.usernames.add(username)
            self.s.add(
                Staff(
                    facility_id=self.facility_id,
                    username=username,
                    display_name=display,
                    role=role,
                    created_at=self.now - timedelta(days=400 + self.rng.randrange(300)),
                )
            )
            self.staff.append(DemoStaff(username, display, role, self.facility_id))

    def _drawings_done(self) -> None:
        """The documents still being drawn get their bytes (seed_items)."""

    def _flush(self) -> None:
        """Write what is built so far, then the decisions, strikes and suspensions that need its ids."""
        self._drawings_done()
        self.s.flush()
        for planned in self.decisions:
            self.s.add(
                Decision(
                    idempotency_key=planned.key,
                    facility_id=self.facility_id,
                    item_kind=planned.kind,
                    item_id=planned.item.id,
                    item_version=planned.item.version - 1,
                    outcome=planned.outcome,
                    reason_codes=list(planned.reasons),
                    message_to_family="\n".join(
                        self.catalogue[c].text + self.catalogue[c].suggestion for c in planned.reasons
                    )
                    or None,
                    staff_username=STAFF_USERNAME,
                    workstation=WORKSTATION,
                    decided_at=planned.decided_at,
                    applied_at=planned.decided_at,
                )
            )
            if planned.strike:
                assert isinstance(planned.item, Post)
                self.s.add(
                    Strike(
                        facility_id=self.facility_id,
                        service_id=planned.item.service_id,
                        post_id=planned.item.id,
                        decision_key=planned.key,
                        reason_code=planned.reasons[0],
                        created_at=planned.decided_at,
                    )
                )
        for service, starts, origin in self.suspensions:
            self.s.add(
                Suspension(
                    facility_id=self.facility_id,
                    service_id=service.id,
                    block=1,
                    starts_at=starts,
                    ends_at=self._suspended_until(starts),
                    origin_key=origin,
                )
            )
        self.decisions.clear()
        self.suspensions.clear()
        self.s.flush()
        self.s.expunge_all()  # keeps memory flat for thousands of families

    def _suspended_until(self, starts: datetime) -> datetime:
        return add_months(local(starts), self.suspension_months).astimezone(UTC)

    def _decide(
        self,
        kind: str,
        item: ServiceApplication | Post,
        status: str,
        decided_at: datetime,
        reasons: Sequence[str] = (),
    ) -> str:
        item.status = status
        item.version = 2
        item.decided_at = decided_at
        outcome = "reject" if status == "rejected" else "approve"
        strike = kind == "post" and any(self.catalogue[c].counts_as_strike for c in reasons)
        key = str(uuid.uuid4())
        self.decisions.append(_PlannedDecision(key, kind, item, outcome, tuple(reasons), decided_at, strike))
        return key

    # --- people ---------------------------------------------------------------------------------------

    def _new_family(self, index: int) -> _Family:
        base = f"{self.rng_seed}:facility:{self.number}:family:{index}"
        rng = random.Random(base)
        sex = "F" if self.spec.women or rng.random() < 0.1 else "M"
        inmate = Inmate(
            facility_id=self.facility_id,
            call_number=self._call_number(rng),
            name=names.full_name(rng, sex=sex),
            housing_unit=names.housing_unit(rng),
        )
        inmate.children = self._children(rng, inmate.name[:1] if sex == "M" or rng.random() < 0.3 else None)
        self.s.add(inmate)
        return _Family(index, rng, random.Random(base + ":files"), inmate, sex, index < self.full_documents)

    def _call_number(self, rng: random.Random) -> str:
        for _ in range(100):
            number = names.call_number(rng)
            if number not in self.call_numbers:
                break
        else:  # a crowded facility: five digits
            number = str(10000 + len(self.call_numbers))
        self.call_numbers.add(number)
        return number

    def _children(self, rng: random.Random, surname: str | None) -> list[Child]:
        count = rng.choices((1, 2, 3), weights=(45, 35, 20))[0]
        births = [self.today - timedelta(days=rng.randrange(120, 18 * 365))]
        for _ in range(count - 1):
            births.append(births[-1] - timedelta(days=rng.randint(400, 2600)))
        family_surname = surname if surname is not None else names.family_name(rng)
        return [Child(name=names.full_name(rng, family_surname), birth_date=b) for b in births]

    def _relative(self, family: _Family, relationship: str, registered_at: datetime) -> _Relative:
        rng = family.rng
        inmate_surname = family.inmate.name[:1]
        male_inmate = family.inmate_sex == "M"
        other = None  # a surname of their own
        if relationship == "spouse":
            sex, title = ("F", "妻") if male_inmate else ("M", "夫")
            surname, years = other, (1978, 1998)
        elif relationship == "mother":
            sex, surname, title, years = "F", other, "母", (1950, 1975)
        elif relationship == "father":
            sex, surname, title, years = "M", inmate_surname, "父", (1948, 1972)
        elif relationship == "grandparent":
            sex = rng.choice("MF")
            surname, title = (inmate_surname, "祖父") if sex == "M" else (other, "祖母")
            years = (1936, 1958)
        elif relationship == "sibling":
            sex = rng.choice("MF")
            title = rng.choice(("兄", "弟") if sex == "M" else ("姊", "妹"))
            surname, years = inmate_surname, (1975, 2002)
        elif relationship == "cohabiting_with_child":
            sex = "F" if rng.random() < 0.8 else "M"
            surname, title, years = other, ("外祖母" if sex == "F" else "外祖父"), (1950, 1975)
        elif relationship == "parent_in_law":
            sex = rng.choice("MF")
            titles = ("岳母", "岳父") if male_inmate else ("婆婆", "公公")
            title = titles[0] if sex == "F" else titles[1]
            surname, years = other, (1950, 1972)
        else:  # sibling_spouse (兄弟姊妹之配偶)
            sex = rng.choice("MF")
            surname, title, years = other, ("弟媳" if sex == "F" else "姊夫"), (1975, 1998)
        name = names.full_name(rng, surname, sex)
        applicant = Applicant(
            email=self._email(rng, name),
            name=name,
            national_id=names.national_id(rng, sex),
            birth_date=_random_day(rng, *years),
            phone=names.phone(rng),
            registered_at=registered_at,
        )
        return _Relative(applicant, relationship, title)

    def _email(self, rng: random.Random, name: str) -> str:
        address = names.email(rng, name)
        local_part, domain = address.split("@", 1)
        suffix = 2
        while address in self.emails:
            address, suffix = f"{local_part}{suffix}@{domain}", suffix + 1
        self.emails.add(address)
        return address
