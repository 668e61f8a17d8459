"""What a workstation takes home with a claim, typed: the item, its documents, the inmate, the family.

The pull (reviewer_app/sync/pull.py) builds these from the shared database; the journal keeps them as
JSON (:meth:`ClaimedItem.to_json` / :meth:`ClaimedItem.from_json`, used only at its storage boundary)
and gives them back as they were, so every reader uses attributes and mypy sees a renamed field.

Times stay the shared database's ISO text (the screen formats them from it, the rules parse them in
core/snapshot.py); a snapshot written by an earlier version lacks some fields, and ``from_json`` fills
them the way the readers used to (an empty history, the guide's policy, no earlier posts known, an earlier
post's status unknown).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from reviewer_app.core.policy import Policy
from reviewer_app.core.strike_cycles import RecordedSuspension, Standing, StrikeFact, replay

Json = dict[str, Any]


def policy_to_json(policy: Policy) -> Json:
    data = asdict(policy)
    data["allowed_mime_types"] = list(policy.allowed_mime_types)
    return data


def policy_from_json(data: Json | None) -> Policy:
    """A policy as stored; a value a version did not store yet keeps the guide's default."""
    known = {f.name for f in fields(Policy)}
    values = {k: v for k, v in (data or {}).items() if k in known}
    values["allowed_mime_types"] = tuple(values.get("allowed_mime_types", Policy().allowed_mime_types))
    return Policy(**values)


@dataclass(frozen=True)
class DocumentRef:
    """One uploaded file as the shared database lists it; the bytes are fetched by documents/store.py."""

    id: int
    kind: str
    filename: str
    mime_type: str  # as the portal declared it: the loader decides anew from the bytes
    size_bytes: int
    sha256: str
    storage: str = "embedded"
    url: str | None = None

    @classmethod
    def from_json(cls, data: Json) -> DocumentRef:
        return cls(
            id=int(data["id"]),
            kind=str(data.get("kind") or ""),
            filename=str(data.get("filename") or ""),
            mime_type=str(data.get("mime_type") or ""),
            size_bytes=int(data.get("size_bytes") or 0),
            sha256=str(data.get("sha256") or ""),
            storage=str(data.get("storage") or "embedded"),
            url=data.get("url"),
        )


@dataclass(frozen=True)
class FacilityRef:
    id: int
    code: str
    name: str

    @classmethod
    def from_json(cls, data: Json) -> FacilityRef:
        return cls(id=int(data["id"]), code=str(data.get("code") or ""), name=str(data.get("name") or ""))


@dataclass(frozen=True)
class ApplicantInfo:
    """The family member who applied (their national ID only masked: the full one never leaves)."""

    id: int
    name: str
    national_id_masked: str = ""
    email: str | None = None
    phone: str | None = None

    @classmethod
    def from_json(cls, data: Json) -> ApplicantInfo:
        return cls(
            id=int(data["id"]),
            name=str(data.get("name") or ""),
            national_id_masked=str(data.get("national_id_masked") or ""),
            email=data.get("email"),
            phone=data.get("phone"),
        )


@dataclass(frozen=True)
class Restriction:
    """An E3 restriction on the inmate's record; dates as ISO text, no end date for an open one."""

    kind: str
    starts_on: str
    ends_on: str | None

    @classmethod
    def from_json(cls, data: Json) -> Restriction:
        return cls(kind=str(data["kind"]), starts_on=str(data["starts_on"]), ends_on=data.get("ends_on"))


@dataclass(frozen=True)
class InmateInfo:
    id: int
    call_number: str
    name: str
    housing_unit: str
    children: tuple[str, ...] = ()  # birth dates (ISO), for E1
    restrictions: tuple[Restriction, ...] = ()
    custody: str | None = None  # the print list's: whether the inmate is still held here

    @classmethod
    def from_json(cls, data: Json) -> InmateInfo:
        return cls(
            id=int(data["id"]),
            call_number=str(data.get("call_number") or ""),
            name=str(data.get("name") or ""),
            housing_unit=str(data.get("housing_unit") or ""),
            children=tuple(str(b) for b in data.get("children") or ()),
            restrictions=tuple(Restriction.from_json(r) for r in data.get("restrictions") or ()),
            custody=data.get("custody"),
        )


@dataclass(frozen=True)
class HistoryEntry:
    """One of the family's earlier applications or posts, for the decision panel."""

    kind: str
    id: int
    status: str
    submitted_at: str
    title: str = ""
    reasons: tuple[str, ...] = ()  # the latest decision's reason codes
    decided_at: str | None = None
    strike: bool = False  # a rejected post that counted as a strike (P7)

    @classmethod
    def from_json(cls, data: Json) -> HistoryEntry:
        return cls(
            kind=str(data["kind"]),
            id=int(data["id"]),
            status=str(data["status"]),
            submitted_at=str(data["submitted_at"]),
            title=str(data.get("title") or ""),
            reasons=tuple(data.get("reasons") or ()),
            decided_at=data.get("decided_at"),
            strike=bool(data.get("strike")),
        )


#: A post's statuses once approved (printing and hand-over come after): it has used P3's window.
APPROVED_POST_STATUSES = frozenset({"approved", "printed", "delivered", "undeliverable"})


@dataclass(frozen=True)
class EarlierPost:
    """A post of the same service, submitted earlier and not rejected in the shared database (P3).

    ``status`` is the shared database's when pulled: approved (APPROVED_POST_STATUSES) it used the
    window; pending or held it is still waiting for its review (R1)."""

    id: int
    submitted_at: str
    status: str

    @classmethod
    def from_json(cls, data: Json) -> EarlierPost:
        # A snapshot of the version that kept no status: unknown until the next pull, which is taken as
        # still waiting (R1: a post held a while rather than a strike for a window never used).
        return cls(int(data["id"]), str(data["submitted_at"]), str(data.get("status") or "pending"))


@dataclass(frozen=True)
class ClaimedItem:
    """A service application or a post as claimed: everything a reviewer needs offline.

    Fields of one kind only keep their empty value on the other (a post has no call number entered,
    an application no body)."""

    kind: str  # application | post
    id: int
    version: int
    status: str  # in the shared database when pulled: pending | held
    submitted_at: str
    service_id: int
    facility: FacilityRef
    policy: Policy
    applicant: ApplicantInfo
    relationship: str
    inmate: InmateInfo
    documents: tuple[DocumentRef, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    held_reason: str | None = None
    # applications (E4, E6)
    call_number_entered: str = ""
    surname_confirmed: bool = False
    other_approved_services: int = 0
    other_pending_applications: int = 0
    # posts
    title: str = ""
    body: str = ""
    service_status: str = ""
    previous_post_at: str | None = None
    #: None in a snapshot of a version that kept only ``previous_post_at`` (core/snapshot.py copes).
    earlier_posts: tuple[EarlierPost, ...] | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)

    def submitted(self) -> datetime:
        return datetime.fromisoformat(self.submitted_at)

    def to_json(self) -> Json:
        """The journal's stored form (its JSON column): plain dicts, lists and text."""
        data = asdict(self)
        data["policy"] = policy_to_json(self.policy)
        return data

    @classmethod
    def from_json(cls, data: Json) -> ClaimedItem:
        """A stored snapshot, this version's or an earlier one's (missing fields as the readers took them)."""
        earlier = data.get("earlier_posts")
        return cls(
            kind=str(data["kind"]),
            id=int(data["id"]),
            version=int(data["version"]),
            status=str(data["status"]),
            submitted_at=str(data["submitted_at"]),
            service_id=int(data["service_id"]),
            facility=FacilityRef.from_json(data["facility"]),
            policy=policy_from_json(data.get("policy")),
            applicant=ApplicantInfo.from_json(data["applicant"]),
            relationship=str(data.get("relationship") or ""),
            inmate=InmateInfo.from_json(data["inmate"]),
            documents=tuple(DocumentRef.from_json(d) for d in data.get("documents") or ()),
            history=tuple(HistoryEntry.from_json(h) for h in data.get("history") or ()),
            held_reason=data.get("held_reason"),
            call_number_entered=str(data.get("call_number_entered") or ""),
            surname_confirmed=bool(data.get("surname_confirmed")),
            other_approved_services=int(data.get("other_approved_services") or 0),
            other_pending_applications=int(data.get("other_pending_applications") or 0),
            title=str(data.get("title") or ""),
            body=str(data.get("body") or ""),
            service_status=str(data.get("service_status") or ""),
            previous_post_at=data.get("previous_post_at"),
            earlier_posts=None if earlier is None else tuple(EarlierPost.from_json(p) for p in earlier),
        )


@dataclass(frozen=True)
class SharedStanding:
    """A family's (service's) record in the shared database as a pull read it (P7): every strike with
    its decision time and dismissal, and what supervisors did to each suspension. Replayed by
    core/strike_cycles.py, with the strikes decided here and not yet pulled back."""

    service_id: int
    facility_id: int
    strike_threshold: int
    suspension_months: int
    strikes: tuple[StrikeFact, ...] = ()
    suspensions: tuple[RecordedSuspension, ...] = ()

    def replayed(self, at: datetime, also: Iterable[StrikeFact] = ()) -> Standing:
        """The family's standing at ``at``, with strikes ``also`` decided here and not yet pulled back."""
        known = {s.key for s in self.strikes}
        strikes = [*self.strikes, *(s for s in also if s.key not in known)]
        return replay(strikes, self.strike_threshold, self.suspension_months, at, self.suspensions)

    def to_json(self) -> Json:
        return {
            "strikes": [
                {
                    "key": s.key,
                    "post_id": s.post_id,
                    "at": s.at.isoformat(),
                    "dismissed_at": _iso(s.dismissed_at),
                    "dismiss_reason": s.dismiss_reason,
                }
                for s in self.strikes
            ],
            "suspensions": [
                {
                    "number": r.number,
                    "starts_at": r.starts_at.isoformat(),
                    "ends_at": r.ends_at.isoformat(),
                    "origin_key": r.origin_key,
                    "lifted_at": _iso(r.lifted_at),
                    "lift_reason": r.lift_reason,
                    "lifted_by": r.lifted_by,
                }
                for r in self.suspensions
            ],
        }

    @staticmethod
    def facts_from_json(data: Json | None) -> tuple[tuple[StrikeFact, ...], tuple[RecordedSuspension, ...]]:
        data = data or {}
        strikes = tuple(
            StrikeFact(
                key=str(s["key"]),
                post_id=int(s["post_id"]),
                at=datetime.fromisoformat(s["at"]),
                dismissed_at=_from_iso(s.get("dismissed_at")),
                dismiss_reason=s.get("dismiss_reason"),
            )
            for s in data.get("strikes") or ()
        )
        suspensions = tuple(
            RecordedSuspension(
                number=int(r["number"]),
                starts_at=datetime.fromisoformat(r["starts_at"]),
                ends_at=datetime.fromisoformat(r["ends_at"]),
                origin_key=str(r.get("origin_key") or ""),
                lifted_at=_from_iso(r.get("lifted_at")),
                lift_reason=r.get("lift_reason"),
                lifted_by=r.get("lifted_by"),
            )
            for r in data.get("suspensions") or ()
        )
        return strikes, suspensions


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _from_iso(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text)


@dataclass(frozen=True)
class StaffMember:
    """A staff member as a pull lists the facility's staff: who may decide on a workstation (R10)."""

    username: str
    facility_id: int
    role: str
    active: bool


@dataclass(frozen=True)
class Approval:
    username: str
    name: str


@dataclass(frozen=True)
class PrintHistory:
    """How often the shared database has the post printed, and when last."""

    count: int = 0
    last_printed_at: str | None = None
    last_batch: str | None = None
    #: the print records' keys, oldest first: the last is the code on the pages in use (page_code.py)
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandoverInfo:
    outcome: str  # delivered | undeliverable
    reason: str | None
    by: str
    at: str
    note: str | None


@dataclass(frozen=True)
class PrintablePost:
    """A post in the counsellor's list (printing/queue.py): everything the printout shows, its
    documents and the facility's policy (for the loader's limits), its printing and hand-over."""

    id: int
    version: int
    status: str  # approved | printed | delivered | undeliverable
    submitted_at: str
    service_id: int | None  # None in a list stored by a version that did not keep it
    facility: FacilityRef
    policy: Policy
    applicant: ApplicantInfo
    relationship: str
    inmate: InmateInfo
    title: str
    body: str
    approved_at: str | None
    approved_by: Approval | None
    documents: tuple[DocumentRef, ...] = ()
    printing: PrintHistory = PrintHistory()
    handover: HandoverInfo | None = None
    #: the facility where it was approved, when it followed the inmate here (a transfer)
    transferred_from: str | None = None

    def to_json(self) -> Json:
        data = asdict(self)
        data["kind"] = "post"
        data["policy"] = policy_to_json(self.policy)
        return data

    @classmethod
    def from_json(cls, data: Json) -> PrintablePost:
        approved_by, printing, handover = data.get("approved_by"), data.get("printing"), data.get("handover")
        return cls(
            id=int(data["id"]),
            version=int(data["version"]),
            status=str(data["status"]),
            submitted_at=str(data.get("submitted_at") or ""),
            service_id=data.get("service_id"),
            facility=FacilityRef.from_json(data["facility"]),
            policy=policy_from_json(data.get("policy")),
            applicant=ApplicantInfo.from_json(data["applicant"]),
            relationship=str(data.get("relationship") or ""),
            inmate=InmateInfo.from_json(data["inmate"]),
            title=str(data.get("title") or ""),
            body=str(data.get("body") or ""),
            approved_at=data.get("approved_at"),
            approved_by=None
            if not approved_by
            else Approval(str(approved_by.get("username") or ""), str(approved_by.get("name") or "")),
            documents=tuple(DocumentRef.from_json(d) for d in data.get("documents") or ()),
            printing=PrintHistory(
                count=int((printing or {}).get("count") or 0),
                last_printed_at=(printing or {}).get("last_printed_at"),
                last_batch=(printing or {}).get("last_batch"),
                keys=tuple(str(k) for k in (printing or {}).get("keys") or ()),
            ),
            handover=None
            if not handover
            else HandoverInfo(
                outcome=str(handover["outcome"]),
                reason=handover.get("reason"),
                by=str(handover.get("by") or ""),
                at=str(handover.get("at") or ""),
                note=handover.get("note"),
            ),
            transferred_from=data.get("transferred_from"),
        )
