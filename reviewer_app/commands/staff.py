"""`staff add|disable|role|list`: staff accounts (supervisor or IT).

On PostgreSQL `staff add` creates the member's own login role with their password and makes it a
member of the group role of their staff role; `staff disable` makes the role NOLOGIN and marks the row
inactive. On the embedded SQLite file only the staff row is stored (with a salted password hash the
app checks at sign-in): SQLite has no roles of its own (docs/SECURITY.md).
"""

from __future__ import annotations

import argparse
import getpass
import sys
import warnings

from reviewer_app import config
from reviewer_app.commands.common import UserError, open_engine
from reviewer_app.core.vocabulary import STAFF_ROLES

_ADD_HELP = (
    "add a staff member. PostgreSQL: creates their own login role with the password and grants the "
    "group role of --role (IT for any facility, a supervisor for their own). Embedded SQLite: stores "
    "only the staff row with a salted password hash; SQLite cannot enforce roles (docs/SECURITY.md). "
    "The password is read from a prompt or from --password-stdin, never from the command line."
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = sub.add_parser("staff", help="staff accounts: add, disable, change role, list (supervisor or IT)")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True)

    add = staff_sub.add_parser("add", help=_ADD_HELP, description=_ADD_HELP)
    add.add_argument("username", help="sign-in name (lower-case letters, digits, _); also the database role")
    add.add_argument("--role", required=True, choices=sorted(STAFF_ROLES))
    add.add_argument("--name", required=True, dest="display_name", help="display name, e.g. 李社工師")
    add.add_argument("--facility", help="facility code (default: the only one you may manage)")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the new member's password from standard input"
    )
    add.set_defaults(handler=run_add)

    disable = staff_sub.add_parser(
        "disable", help="disable an account: PostgreSQL makes the role NOLOGIN; the staff row is kept"
    )
    disable.add_argument("username")
    disable.set_defaults(handler=run_disable)

    role = staff_sub.add_parser(
        "role", help="change a member's staff role (PostgreSQL: their group role too); audited"
    )
    role.add_argument("username")
    role.add_argument("--role", required=True, choices=sorted(STAFF_ROLES))
    role.set_defaults(handler=run_role)

    listing = staff_sub.add_parser(
        "list", help="list staff accounts (on PostgreSQL: whether each can log in)"
    )
    listing.add_argument("--facility", help="only this facility code")
    listing.set_defaults(handler=run_list)


def _check_policy(password: str, username: str) -> None:
    from reviewer_app.access.staff import password_problem

    problem = password_problem(password, username)
    if problem is not None:
        raise UserError(f"{problem}，未新增帳號")


def read_new_password(from_stdin: bool, username: str = "") -> str:
    """The new member's password: one line of standard input, or typed twice at a hidden prompt.
    The password policy is checked before it is asked a second time."""
    if from_stdin:
        try:
            password = sys.stdin.readline().rstrip("\r\n")
            password.encode("utf-8")  # bytes that are not UTF-8 arrive as surrogate escapes
        except UnicodeError:
            raise UserError("標準輸入的密碼不是有效的 UTF-8 文字") from None
        if not password:
            raise UserError("標準輸入沒有密碼")
        _check_policy(password, username)
        return password
    try:
        # Without a terminal getpass warns, then reads standard input with echo: refuse instead
        # (the password could be echoed) and point to --password-stdin.
        with warnings.catch_warnings():
            warnings.simplefilter("error", getpass.GetPassWarning)
            first = getpass.getpass("新帳號的密碼（至少 12 個字元，含英文字母與數字或符號，不含帳號名稱）：")
            _check_policy(first, username)
            again = getpass.getpass("再輸入一次：")
    except getpass.GetPassWarning:
        raise UserError("沒有可輸入密碼的終端機，未新增帳號；請改用 --password-stdin") from None
    except EOFError:  # Ctrl+D at the prompt
        raise UserError(
            "沒有讀到密碼（輸入已結束），未新增帳號；不在終端機輸入時請改用 --password-stdin"
        ) from None
    if again != first:
        raise UserError("兩次輸入的密碼不同")
    return first


#: PostgreSQL keeps role names starting with pg_ for itself ('role name "pg_sw" is reserved').
RESERVED_PREFIX = "pg_"


def _refuse_reserved_name(username: str) -> None:
    """Before any password is typed: a name the database would refuse at the end."""
    if username.startswith(RESERVED_PREFIX):
        raise UserError(
            f"帳號不可以 {RESERVED_PREFIX} 開頭（PostgreSQL 保留給系統角色），請換一個帳號名稱"
        )


def run_add(args: argparse.Namespace) -> int:
    from reviewer_app.access.staff import StaffError, add_staff

    _refuse_reserved_name(args.username)
    password = read_new_password(args.password_stdin, args.username)
    engine = open_engine(args)
    try:
        add_staff(
            engine,
            username=args.username,
            display_name=args.display_name,
            role=args.role,
            password=password,
            facility_code=args.facility,
            workstation=config.workstation_id(),
            acting_user=args.user,
        )
    except StaffError as exc:
        raise UserError(str(exc)) from exc
    where = (
        "資料庫登入角色與工作人員資料"
        if engine.dialect.name == "postgresql"
        else "工作人員資料（SQLite 僅存於本檔案）"
    )
    print(f"已新增 {args.username}（{STAFF_ROLES[args.role]}）：{where}")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    from reviewer_app.access.staff import StaffError, disable_staff

    engine = open_engine(args)
    try:
        disable_staff(
            engine, username=args.username, workstation=config.workstation_id(), acting_user=args.user
        )
    except StaffError as exc:
        raise UserError(str(exc)) from exc
    print(f"已停用 {args.username}")
    return 0


def run_role(args: argparse.Namespace) -> int:
    from reviewer_app.access.staff import StaffError, set_staff_role

    engine = open_engine(args)
    try:
        set_staff_role(
            engine,
            username=args.username,
            role=args.role,
            workstation=config.workstation_id(),
            acting_user=args.user,
        )
    except StaffError as exc:
        raise UserError(str(exc)) from exc
    print(f"{args.username} 的角色已改為{STAFF_ROLES[args.role]}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from reviewer_app.access.staff import facility_exists, list_staff

    engine = open_engine(args)
    rows = list_staff(engine, args.facility)
    if args.facility and not rows and not facility_exists(engine, args.facility):
        raise UserError(f"找不到矯正機關代碼：{args.facility}")
    print(f"{'帳號':<20} {'角色':<6} {'機關':<8} {'狀態':<4} {'可登入':<4} 姓名")
    for r in rows:
        login = "—" if r.can_log_in is None else ("是" if r.can_log_in else "否")
        state = "啟用" if r.active else "停用"
        role = STAFF_ROLES.get(r.role, r.role)
        print(f"{r.username:<20} {role:<6} {r.facility_code:<8} {state:<4} {login:<4} {r.display_name}")
    return 0
