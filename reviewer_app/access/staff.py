"""Staff accounts: add, disable, list (`reviewer-app staff …`).

On PostgreSQL an account is a login role of its own, a member of the group role of its staff role
(reviewdesk_reviewer / _counsellor / _supervisor), plus its `staff` row. Both are made by the database
function reviewdesk_add_staff (migration 0003), which lets IT add anyone and a supervisor add staff of
their own facility only. The password reaches the server only as a SCRAM verifier computed here by
libpq: the clear password is never sent, so it cannot land in a server log either.

On the embedded SQLite file an account is only its `staff` row, with a salted scrypt hash of the
password that the app checks at sign-in; nothing stops someone who can write the file.

Every change is an audit event. On PostgreSQL the database function writes it (so a call of the
function with plain SQL is audited too) and checks the display name again; on SQLite the app does.

New passwords follow :func:`password_problem` (at least 12 characters, letters and digits or symbols,
not the account name). On PostgreSQL the server sees only the verifier, so the policy is checked here;
a member changing their own password with plain SQL meets the server's `passwordcheck` module, where
IT has loaded it (docs/SECURITY.md).
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewer_app.access import audit_chain
from reviewer_app.access.signin import USERNAME_PATTERN, hash_password
from reviewer_app.core.rules import visible_text
from reviewer_app.core.spreadsheet_text import looks_like_formula
from reviewer_app.core.vocabulary import STAFF_ROLES
from reviewer_app.shared_db.models import Facility, Staff


class StaffError(Exception):
    """A staff command the database or the rules refused; the message is for the user (zh-TW)."""


@dataclass(frozen=True)
class StaffRow:
    username: str
    display_name: str
    role: str
    facility_code: str
    active: bool
    can_log_in: bool | None  # PostgreSQL: the login role exists and may log in; SQLite: None


def _is_pg(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def _who(s: Session, fallback: str | None) -> str:
    """Whoever runs the command: the connected role on PostgreSQL, else --user or the OS account."""
    if s.get_bind().dialect.name == "postgresql":
        return str(s.scalar(text("SELECT session_user")))
    if fallback:
        return fallback
    try:
        return f"os:{getpass.getuser()}"
    except OSError:
        return "os:unknown"


def _facility(s: Session, code: str | None) -> Facility:
    q = select(Facility)
    if code:
        q = q.where(Facility.code == code)
    found = s.scalars(q.order_by(Facility.id)).all()
    if code and not found:
        raise StaffError(f"找不到矯正機關代碼 {code}（或您無權管理該機關）")
    if len(found) != 1:
        raise StaffError("請以 --facility 指定矯正機關代碼")
    return found[0]


def _db_error(exc: DBAPIError) -> StaffError:
    message = str(exc.orig or exc).strip().splitlines()[0]
    if "already exists" in message:
        return StaffError(f"帳號已存在：{message}")
    if "permission denied" in message or "only IT, or a supervisor" in message:
        return StaffError(f"您沒有管理此帳號的權限：{message}")
    return StaffError(f"資料庫拒絕：{message}")


DISPLAY_NAME_MAX = 60  # staff.display_name's column
PASSWORD_MIN_LENGTH = 12


def password_problem(password: str, username: str) -> str | None:
    """What is wrong with `password` for account `username` (zh-TW), or None when it may be used.

    Length first (what makes a password hard to guess), a mix that a dictionary word alone does not
    have, and never the account name, which everyone at the facility knows."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"密碼至少需 {PASSWORD_MIN_LENGTH} 個字元（目前 {len(password)} 個）"
    if username and username.lower() in password.lower():
        return "密碼不可以包含帳號名稱"
    if not any(ch.isalpha() for ch in password):
        return "密碼需包含英文字母"
    if all(ch.isalpha() for ch in password) or len(set(password)) == 1:
        return "密碼需同時包含英文字母與數字或符號"
    return None


def clean_display_name(typed: str) -> str:
    """The display name as shown everywhere (queue, audit trail, print, reports): on one line, with
    single spaces; refused when nobody could read it, when too long, or when it starts like a formula."""
    name = " ".join(typed.split())
    if not visible_text(name).strip():
        raise StaffError("請填寫顯示名稱（例如 李社工師）")
    if len(name) > DISPLAY_NAME_MAX:
        raise StaffError(f"顯示名稱最多 {DISPLAY_NAME_MAX} 字")
    if looks_like_formula(name):  # names go into the monthly report, read by Excel
        raise StaffError("顯示名稱不可以 = + - @ 開頭")
    return name


def add_staff(
    engine: Engine,
    *,
    username: str,
    display_name: str,
    role: str,
    password: str,
    facility_code: str | None,
    workstation: str,
    acting_user: str | None = None,
) -> None:
    if not USERNAME_PATTERN.match(username):
        raise StaffError("帳號只能用小寫英文字母、數字與底線，且不以數字開頭（最多 63 字元）")
    if role not in STAFF_ROLES:
        raise StaffError(f"角色必須是 {', '.join(STAFF_ROLES)} 之一")
    display_name = clean_display_name(display_name)
    problem = password_problem(password, username)
    if problem is not None:
        raise StaffError(problem)
    try:
        with Session(engine) as s, s.begin():
            facility = _facility(s, facility_code)
            if s.scalar(select(Staff.id).where(Staff.username == username)) is not None:
                raise StaffError(f"帳號已存在：{username}")
            if _is_pg(engine):
                pgconn = s.connection().connection.driver_connection.pgconn  # type: ignore[union-attr]
                verifier = pgconn.encrypt_password(password.encode(), username.encode(), b"scram-sha-256")
                # The function writes the audit event itself (migration 0008).
                s.execute(
                    text("SELECT reviewdesk_add_staff(:u, :n, :r, :f, :v, :w)"),
                    {
                        "u": username,
                        "n": display_name,
                        "r": role,
                        "f": facility.id,
                        "v": verifier.decode(),
                        "w": workstation,
                    },
                )
            else:
                s.add(
                    Staff(
                        facility_id=facility.id,
                        username=username,
                        display_name=display_name,
                        role=role,
                        password_hash=hash_password(password),
                    )
                )
                audit_chain.append(
                    s,
                    [
                        audit_chain.new_event(
                            action="staff_add",
                            staff_username=_who(s, acting_user),
                            workstation=workstation,
                            facility_id=facility.id,
                            detail={"username": username, "role": role, "display_name": display_name},
                        )
                    ],
                )
    except DBAPIError as exc:
        raise _db_error(exc) from exc


def disable_staff(engine: Engine, *, username: str, workstation: str, acting_user: str | None = None) -> None:
    try:
        with Session(engine) as s, s.begin():
            if _is_pg(engine):  # the function writes the audit event itself (migration 0008)
                s.scalar(text("SELECT reviewdesk_disable_staff(:u, :w)"), {"u": username, "w": workstation})
            else:
                staff = s.scalars(select(Staff).where(Staff.username == username)).first()
                if staff is None:
                    raise StaffError(f"找不到工作人員帳號：{username}")
                staff.active = False
                audit_chain.append(
                    s,
                    [
                        audit_chain.new_event(
                            action="staff_disable",
                            staff_username=_who(s, acting_user),
                            workstation=workstation,
                            facility_id=staff.facility_id,
                            detail={"username": username},
                        )
                    ],
                )
    except DBAPIError as exc:
        if "no staff member" in str(exc.orig):
            raise StaffError(f"找不到工作人員帳號：{username}") from exc
        raise _db_error(exc) from exc


def set_staff_role(
    engine: Engine, *, username: str, role: str, workstation: str, acting_user: str | None = None
) -> None:
    """A member's staff role changed (their database group role too, on PostgreSQL); audited."""
    if role not in STAFF_ROLES:
        raise StaffError(f"角色必須是 {', '.join(STAFF_ROLES)} 之一")
    try:
        with Session(engine) as s, s.begin():
            if _is_pg(engine):  # the function checks, swaps the group role and writes the event
                s.execute(
                    text("SELECT reviewdesk_set_staff_role(:u, :r, :w)"),
                    {"u": username, "r": role, "w": workstation},
                )
                return
            staff = s.scalars(select(Staff).where(Staff.username == username)).first()
            if staff is None:
                raise StaffError(f"找不到工作人員帳號：{username}")
            if staff.role == role:
                return
            previous, staff.role = staff.role, role
            audit_chain.append(
                s,
                [
                    audit_chain.new_event(
                        action="staff_role",
                        staff_username=_who(s, acting_user),
                        workstation=workstation,
                        facility_id=staff.facility_id,
                        detail={"username": username, "role": role, "previous_role": previous},
                    )
                ],
            )
    except DBAPIError as exc:
        if "no staff member" in str(exc.orig):
            raise StaffError(f"找不到工作人員帳號：{username}") from exc
        raise _db_error(exc) from exc


def facility_exists(engine: Engine, facility_code: str) -> bool:
    """Whether the facility code is one this connection can see."""
    with Session(engine) as s:
        return s.scalar(select(Facility.id).where(Facility.code == facility_code)) is not None


def list_staff(engine: Engine, facility_code: str | None = None) -> list[StaffRow]:
    with Session(engine) as s:
        q = select(Staff, Facility.code).join(Facility, Facility.id == Staff.facility_id)
        if facility_code:
            q = q.where(Facility.code == facility_code)
        rows = s.execute(q.order_by(Facility.code, Staff.username)).all()
        logins: dict[str, bool] = {}
        if _is_pg(engine):
            names = [staff.username for staff, _ in rows]
            if names:
                logins = dict(
                    s.execute(
                        text("SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY(:names)"),
                        {"names": names},
                    ).all()
                )
        return [
            StaffRow(
                username=staff.username,
                display_name=staff.display_name,
                role=staff.role,
                facility_code=code,
                active=staff.active,
                can_log_in=logins.get(staff.username, False) if _is_pg(engine) else None,
            )
            for staff, code in rows
        ]
