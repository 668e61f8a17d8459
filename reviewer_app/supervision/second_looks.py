"""The 待覆核 queue (four eyes, issue 21): what waits for a second staff member of the facility, and
their verdict, confirm or send back with a note.

An application's approval waits here when the facility keeps four eyes on (the push records it,
sync/push.py); so does a suspension a supervisor lifted or shortened (supervision/suspensions.py). The
second member is anyone of the facility who may decide (a supervisor for a suspension) except the first
decision's author: the engine refuses it here, the database again on PostgreSQL (migration 0010). Each
verdict writes its audit event in the same transaction. These run against the shared database: call
them off the GUI thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from reviewer_app.access.roles import Actor, can, require
from reviewer_app.core.items import DocumentRef
from reviewer_app.core.notes import Note
from reviewer_app.core.policy import Policy
from reviewer_app.shared_db import second_looks
from reviewer_app.shared_db.deciding import Refused, violated_constraint
from reviewer_app.shared_db.models import (
    Applicant,
    Document,
    Facility,
    Inmate,
    ItemNote,
    SecondLook,
    ServiceApplication,
    Staff,
    Suspension,
)
from reviewer_app.supervision.common import SupervisorError, record_event
from reviewer_app.sync.notes import pulled_notes

#: What a confirmation that E4 now forbids tells the second member.
E4_CONFLICT = "此收容人已有審核通過的家庭聯絡簿服務（E4），本申請不能再審核通過；請退回並說明"


@dataclass(frozen=True)
class WaitingLook:
    """One row of the 待覆核 queue: the first decision, who made it, and what it is about."""

    id: int
    subject: str  # application | suspension_lift | suspension_shorten
    subject_id: int
    service_id: int
    applicant_name: str
    inmate_call_number: str
    inmate_name: str
    relationship: str
    first_staff: str
    first_staff_name: str
    first_workstation: str
    first_at: datetime
    first_note: str | None
    proposed_ends_at: datetime | None
    suspension_ends_at: datetime | None
    documents: tuple[DocumentRef, ...]  # an application's uploads, as the desk's viewer fetches them
    policy: Policy  # the facility's (the document loader's limits)
    notes: tuple[Note, ...] = ()  # an application's staff notes, the oldest first (never the family's)

    def mine(self, actor: Actor) -> bool:
        """The actor made the first decision: they cannot confirm it (four eyes)."""
        return self.first_staff == actor.username


def waiting(engine: Engine, actor: Actor) -> list[WaitingLook]:
    """The facility's first decisions that wait for a second look, the oldest first."""
    require(actor, "decide")
    with Session(engine) as s:
        looks = list(
            s.scalars(
                select(SecondLook)
                .where(SecondLook.facility_id == actor.facility_id, SecondLook.state == "waiting")
                .order_by(SecondLook.first_at, SecondLook.id)
            )
        )
        if not can(actor.role, "lift_suspension"):
            looks = [look for look in looks if look.subject == "application"]
        names = {
            username: name
            for username, name in s.execute(
                select(Staff.username, Staff.display_name).where(Staff.facility_id == actor.facility_id)
            )
        }
        return [_row(s, look, names) for look in looks]


def _row(s: Session, look: SecondLook, names: dict[str, str]) -> WaitingLook:
    ends_at = None
    if look.subject == "application":
        service_id = look.subject_id
    else:
        sus = s.get(Suspension, look.subject_id)
        assert sus is not None
        service_id, ends_at = sus.service_id, sus.ends_at
    applicant, call_number, inmate, relationship = s.execute(
        select(Applicant.name, Inmate.call_number, Inmate.name, ServiceApplication.relationship_code)
        .join(Applicant, Applicant.id == ServiceApplication.applicant_id)
        .join(Inmate, Inmate.id == ServiceApplication.inmate_id)
        .where(ServiceApplication.id == service_id)
    ).one()
    documents: tuple[DocumentRef, ...] = ()
    if look.subject == "application":
        documents = tuple(
            DocumentRef(
                id=d.id,
                kind=d.kind,
                filename=d.filename,
                mime_type=d.mime_type,
                size_bytes=d.size_bytes,
                sha256=d.sha256,
                storage=d.storage,
                url=d.url,
            )
            for d in s.scalars(
                select(Document).where(Document.application_id == service_id).order_by(Document.id)
            )
        )
    facility = s.get(Facility, look.facility_id)
    assert facility is not None
    return WaitingLook(
        id=look.id,
        subject=look.subject,
        subject_id=look.subject_id,
        service_id=service_id,
        applicant_name=applicant,
        inmate_call_number=call_number,
        inmate_name=inmate,
        relationship=relationship,
        first_staff=look.first_staff,
        first_staff_name=names.get(look.first_staff, look.first_staff),
        first_workstation=look.first_workstation,
        first_at=look.first_at,
        first_note=look.first_note,
        proposed_ends_at=look.proposed_ends_at,
        suspension_ends_at=ends_at,
        documents=documents,
        policy=facility.policy(),
        notes=tuple(pulled_notes(s, [("application", service_id)])) if look.subject == "application" else (),
    )


def confirm(engine: Engine, actor: Actor, look_id: int, now: datetime) -> str:
    """Confirm another member's first decision: it is applied now (an application becomes 審核通過)."""
    return _verdict(engine, actor, look_id, "confirm", None, now)


def send_back(engine: Engine, actor: Actor, look_id: int, note: str, now: datetime) -> str:
    """Send a first decision back with a note: it is not applied; an application returns to the queue."""
    return _verdict(engine, actor, look_id, "send_back", note, now)


def _verdict(
    engine: Engine, actor: Actor, look_id: int, verdict: str, note: str | None, now: datetime
) -> str:
    require(actor, "decide")
    try:
        return _settle(engine, actor, look_id, verdict, note, now)
    except IntegrityError as exc:
        if "one_approved_per_inmate" in violated_constraint(exc) or "inmate_id" in violated_constraint(exc):
            # Another service for the inmate was approved meanwhile (E4): nothing of this one applied.
            raise SupervisorError(E4_CONFLICT) from exc
        raise


def _settle(engine: Engine, actor: Actor, look_id: int, verdict: str, note: str | None, now: datetime) -> str:
    with Session(engine) as s, s.begin():
        look = s.scalar(
            select(SecondLook).where(SecondLook.id == look_id, SecondLook.facility_id == actor.facility_id)
        )
        if look is None:
            raise SupervisorError("本機關沒有這筆待覆核的決定")
        if look.subject != "application":
            require(actor, "lift_suspension")
        subject, subject_id, first = look.subject, look.subject_id, look.first_staff
        try:
            state = second_looks.second_look(
                s,
                look_id=look_id,
                staff_username=actor.username,
                workstation=actor.workstation,
                verdict=verdict,
                note=note,
                at=now,
            )
        except Refused as refused:
            raise SupervisorError(refused.message) from refused
        service_id = subject_id
        if subject != "application":
            sus = s.get(Suspension, subject_id)
            service_id = sus.service_id if sus is not None else subject_id
        if subject == "application" and verdict == "send_back":
            _note_for_the_next_reviewer(s, actor, look_id, subject_id, note or "", now)
        record_event(
            s,
            actor,
            "four_eyes_confirm" if verdict == "confirm" else "four_eyes_send_back",
            now,
            item_kind="application" if subject == "application" else None,
            item_id=subject_id if subject == "application" else None,
            service_id=service_id,
            detail={"look_id": look_id, "subject": subject, "first_staff": first, "note": note},
        )
        return state


#: Names the send-back notes' idempotency keys: one note per second look, whatever is retried.
SENT_BACK_NOTES = uuid.UUID("6f1c2a4e-9d0b-4c52-8a57-21e0f4b3d9c1")


def _note_for_the_next_reviewer(
    s: Session, actor: Actor, look_id: int, application_id: int, note: str, now: datetime
) -> None:
    """The send-back's note kept as a staff note of the application, under the sender's name, in the
    verdict's transaction: the next reviewer who pulls it reads why it came back (notes box). On
    PostgreSQL the staff login inserts it under the walls of every note (migration 0013)."""
    s.add(
        ItemNote(
            idempotency_key=str(uuid.uuid5(SENT_BACK_NOTES, str(look_id))),
            facility_id=actor.facility_id,
            item_kind="application",
            item_id=application_id,
            body=f"覆核退回：{note.strip()}",
            staff_username=actor.username,
            workstation=actor.workstation[:100],
            written_at=now,
        )
    )
