"""Who may do what: the staff roles, what each may do in the app, and the walls PostgreSQL enforces.

Two layers, the same rules:

* In the app (every database, the embedded SQLite file included): :func:`require` checks a signed-in
  member's role before a supervisor tool runs, and the desk shows only what :func:`can` allows.
* In PostgreSQL (created by migration 0003 with the SQL built here): every staff member connects as
  their own login role, a member of one group role per staff role; grants say which statements a group
  may run at all, row-level security says which rows. A member reads and writes only rows of their
  own facility (keyed on the login role -> ``staff.username`` -> ``staff.facility_id`` by the
  SECURITY DEFINER function ``reviewdesk_my_facility()``), a trigger checks which role makes which
  status change (a counsellor cannot decide), and audit events can be inserted but never updated or
  deleted, by anyone. From migration 0007 staff write items, decisions, strikes, suspensions, print
  and hand-over records only through the functions of that migration (reviewer_app/shared_db/deciding.py
  calls them), which check the capability below again in the database (``decide`` and ``claim``:
  reviewers and supervisors; ``print`` and ``deliver``: counsellors and supervisors), the facility and
  the version; restrictive policies keep every reference inside the row's facility.

Adding a table to the walls in a later migration (PostgreSQL only; SQLite has no row security)::

    from reviewer_app.access import roles as security

    def upgrade() -> None:
        op.create_table("print_jobs", ..., sa.Column("facility_id", ...), ...)
        if op.get_bind().dialect.name == "postgresql":
            for sql in security.wall_facility_table(
                "print_jobs", grants={"staff": "SELECT", "counsellor": "INSERT, UPDATE"}
            ):
                op.execute(sql)

A table without ``facility_id`` that belongs to a parent row uses :func:`wall_child_table`.
``tests/test_walls.py`` fails for any table left without row security.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from reviewer_app.core.vocabulary import STAFF_ROLES

# ---- roles and capabilities (the app's side) ----------------------------------------------------

#: PostgreSQL group roles, one per staff role. Cluster-wide: every database on the cluster shares them.
GROUP_ROLES: Final[dict[str, str]] = {
    "reviewer": "reviewdesk_reviewer",
    "counsellor": "reviewdesk_counsellor",
    "supervisor": "reviewdesk_supervisor",
}
#: Every staff group is a member of this one: the privileges all staff share, and the row policies.
STAFF_GROUP: Final = "reviewdesk_staff"
#: IT, the schema owner, the family portal's service role: not staff, not walled by facility.
ADMIN_GROUP: Final = "reviewdesk_admin"
ALL_GROUPS: Final[tuple[str, ...]] = (STAFF_GROUP, ADMIN_GROUP, *GROUP_ROLES.values())

CAPABILITIES: Final[dict[str, frozenset[str]]] = {
    "reviewer": frozenset({"claim", "decide"}),
    "counsellor": frozenset({"print", "deliver"}),
    "supervisor": frozenset(
        {
            "claim",
            "decide",
            "print",
            "deliver",
            "lift_suspension",
            "dismiss_strike",
            "edit_catalogue",
            "view_audit",
            "view_e1_lapsed",
            "manage_staff",
        }
    ),
}

CAPABILITY_WORDS: Final[dict[str, str]] = {
    "claim": "領取待審案件",
    "decide": "審核案件",
    "print": "列印聯絡簿",
    "deliver": "登記轉交",
    "lift_suspension": "解除或縮短停權",
    "dismiss_strike": "撤銷違規紀錄",
    "edit_catalogue": "編輯退件原因",
    "view_audit": "查閱稽核紀錄",
    "view_e1_lapsed": "查閱子女已逾齡之服務",
    "manage_staff": "管理工作人員帳號",
}


class NotAllowed(PermissionError):
    """The signed-in member's role does not allow this; the message is for them (zh-TW)."""


@dataclass(frozen=True)
class Actor:
    """Who is doing something: the signed-in staff member at this workstation."""

    username: str
    role: str
    facility_id: int
    workstation: str


def can(role: str, capability: str) -> bool:
    return capability in CAPABILITIES.get(role, frozenset())


def require(actor: Actor, capability: str) -> None:
    if not can(actor.role, capability):
        role = STAFF_ROLES.get(actor.role, actor.role)
        raise NotAllowed(
            f"{role}（{actor.username}）沒有「{CAPABILITY_WORDS.get(capability, capability)}」的權限"
        )


# ---- the walls in PostgreSQL (SQL for migrations) -----------------------------------------------

MY_FACILITY: Final = "reviewdesk_my_facility"
MY_ROLE: Final = "reviewdesk_my_role"
#: The facility of the connected member as a scalar subquery: evaluated once per statement, not per row.
FACILITY_OF_ME: Final = f"(SELECT {MY_FACILITY}())"


def _ident(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name.isascii() or name[0].isdigit():
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def create_group_roles() -> list[str]:
    """The group roles, created if missing (a DO block: several databases share one cluster)."""
    statements = []
    for group in ALL_GROUPS:
        statements.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )
    for group in GROUP_ROLES.values():
        statements.append(
            f"DO $$ BEGIN IF NOT pg_has_role('{group}', '{STAFF_GROUP}', 'MEMBER') THEN "
            f"GRANT {STAFF_GROUP} TO {group}; END IF; END $$"
        )
    # The role running the migrations owns the tables; with FORCE ROW LEVEL SECURITY it needs the
    # admin policy too (a superuser passes every policy anyway).
    statements.append(
        "DO $$ BEGIN IF NOT pg_has_role(current_user, 'reviewdesk_admin', 'MEMBER') THEN "
        "EXECUTE format('GRANT reviewdesk_admin TO %I', current_user); END IF; END $$"
    )
    return statements


def _grants(table: str, grants: Mapping[str, str]) -> list[str]:
    """grants: {"staff" | "reviewer" | "counsellor" | "supervisor" | "admin": "SELECT, INSERT", ...}"""
    out = []
    for who, privileges in grants.items():
        group = {"staff": STAFF_GROUP, "admin": ADMIN_GROUP}.get(who) or GROUP_ROLES[who]
        out.append(f"GRANT {privileges} ON {table} TO {group}")
    return out


def wall_table(table: str, predicate: str, grants: Mapping[str, str]) -> list[str]:
    """Row security on `table`: staff see and write the rows where `predicate` holds; admins all rows.

    FORCE makes the table's owner subject to the policies too (it passes through the admin policy).
    """
    t = _ident(table)
    return [
        f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
        f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY {t}_admin ON {t} FOR ALL TO {ADMIN_GROUP} USING (true) WITH CHECK (true)",
        f"CREATE POLICY {t}_facility ON {t} FOR ALL TO {STAFF_GROUP} "
        f"USING ({predicate}) WITH CHECK ({predicate})",
        *_grants(t, grants),
        # The id sequence, if any: staff who may INSERT need it.
        f"DO $$ DECLARE seq text; BEGIN "
        f"IF EXISTS (SELECT FROM information_schema.columns WHERE table_schema = current_schema() "
        f"AND table_name = '{t}' AND column_name = 'id') THEN "
        f"seq := pg_get_serial_sequence('{t}', 'id'); "
        f"IF seq IS NOT NULL THEN "
        f"EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO {STAFF_GROUP}', seq); "
        f"END IF; END IF; END $$",
    ]


def wall_facility_table(table: str, grants: Mapping[str, str]) -> list[str]:
    """A table with a `facility_id` column: the member's own facility's rows only."""
    return wall_table(table, f"facility_id = {FACILITY_OF_ME}", grants)


def wall_child_table(
    table: str, fk_column: str, parent: str, grants: Mapping[str, str], parent_key: str = "id"
) -> list[str]:
    """A table without `facility_id` whose rows belong to a parent row that has one."""
    t, fk, p, pk = _ident(table), _ident(fk_column), _ident(parent), _ident(parent_key)
    predicate = f"EXISTS (SELECT 1 FROM {p} WHERE {p}.{pk} = {t}.{fk} AND {p}.facility_id = {FACILITY_OF_ME})"
    return wall_table(t, predicate, grants)


def unwall_table(table: str) -> list[str]:
    """What wall_table did, undone (downgrades)."""
    t = _ident(table)
    return [
        f"DROP POLICY IF EXISTS {t}_facility ON {t}",
        f"DROP POLICY IF EXISTS {t}_admin ON {t}",
        f"ALTER TABLE {t} NO FORCE ROW LEVEL SECURITY",
        f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY",
        *(f"REVOKE ALL ON {t} FROM {group}" for group in ALL_GROUPS),
    ]


def protect_audit_events_sqlite() -> list[str]:
    """SQLite triggers refusing UPDATE and DELETE of audit events. A batch_alter_table on
    `audit_events` (which copies the table) drops them: a migration doing that calls this again."""
    return [
        "CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE refused'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE refused'); END",
    ]
