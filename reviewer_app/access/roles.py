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

Need-to-know (migration 0009): :func:`read_columns_only` and :func:`documents_of_kinds_only` narrow
what one staff group reads (a counsellor: no national ID, birth date, identity document or
relationship proof). The family portal's group :data:`PORTAL_GROUP` is neither staff nor admin; it
has no table privileges, only its own functions (docs/PORTAL.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
#: The family portal's web server: not staff, not admin. It reads no table; it calls only the
#: ``reviewdesk_portal_*`` functions of migration 0009 (docs/PORTAL.md). IT grants it to one login.
PORTAL_GROUP: Final = "reviewdesk_portal"

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
            "decide_appeal",
            "edit_catalogue",
            "view_audit",
            "view_e1_lapsed",
            "manage_staff",
            "service_clock",
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
    "decide_appeal": "決定申覆",
    "edit_catalogue": "編輯退件原因",
    "view_audit": "查閱稽核紀錄",
    "view_e1_lapsed": "查閱子女已逾齡之服務",
    "manage_staff": "管理工作人員帳號",
    "service_clock": "查閱逾期案件與設定審核期限",
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


# ---- need-to-know (PDPA): what a group may read of a family's identity -------------------------


def read_columns_only(table: str, columns: Sequence[str], role: str) -> list[str]:
    """`role`'s group reads only `columns` of `table`; the other staff groups keep whole rows.

    Every staff group read the table through reviewdesk_staff's table-wide SELECT, and a column
    REVOKE cannot cut a hole in a table-wide grant: so the table-wide SELECT moves from the staff
    group to each other group, and `role`'s group gets the listed columns. A column added later is
    hidden from `role` until a migration lists it (deny by default). The row policies still apply.
    """
    t, cols = _ident(table), ", ".join(_ident(c) for c in columns)
    others = ", ".join(group for name, group in GROUP_ROLES.items() if name != role)
    return [
        f"REVOKE SELECT ON {t} FROM {STAFF_GROUP}",
        f"GRANT SELECT ON {t} TO {others}",
        f"GRANT SELECT ({cols}) ON {t} TO {GROUP_ROLES[role]}",
    ]


def read_whole_rows_again(table: str) -> list[str]:
    """What read_columns_only did, undone (downgrades): whole rows for every staff group again."""
    t = _ident(table)
    return [
        # Revoking a table privilege revokes that privilege's column grants on the table too.
        f"REVOKE SELECT ON {t} FROM {', '.join(GROUP_ROLES.values())}",
        f"GRANT SELECT ON {t} TO {STAFF_GROUP}",
    ]


def documents_of_kinds_only(kinds: Sequence[str], role: str) -> list[str]:
    """`role`'s group sees only documents of `kinds`, and only their bytes: restrictive policies
    (they narrow the facility policy, whatever permissive policy is added later)."""
    group, listed = GROUP_ROLES[role], ", ".join(f"'{_ident(k)}'" for k in kinds)
    return [
        f"CREATE POLICY documents_{role}_kinds ON documents AS RESTRICTIVE FOR ALL TO {group} "
        f"USING (kind IN ({listed}))",
        f"CREATE POLICY document_blobs_{role}_kinds ON document_blobs AS RESTRICTIVE FOR ALL TO {group} "
        f"USING (EXISTS (SELECT 1 FROM documents d WHERE d.id = document_blobs.document_id "
        f"AND d.kind IN ({listed})))",
    ]


def all_document_kinds_again(role: str) -> list[str]:
    return [
        f"DROP POLICY IF EXISTS documents_{role}_kinds ON documents",
        f"DROP POLICY IF EXISTS document_blobs_{role}_kinds ON document_blobs",
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


#: The schema's owner (migration 0008): NOLOGIN, not a superuser; IT migrates as it.
SCHEMA_OWNER: Final = "reviewdesk_owner"
#: Every table, view and free-standing sequence, then every reviewdesk_* function, to ``{owner}`` (the
#: schema owner, migration 0008), each function pinned to a safe search_path. Migrations that add
#: functions after 0008 end with it, so that a migration run by a superuser leaves nothing of theirs.
HAND_OVER_TO_OWNER: Final = """
DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT c.oid::regclass AS name FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s OWNER TO %I', r.name, '{owner}');
    END LOOP;
    FOR r IN SELECT c.oid::regclass AS name FROM pg_catalog.pg_class c
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind = 'S'
               AND pg_catalog.pg_get_userbyid(c.relowner) <> '{owner}' LOOP
        EXECUTE pg_catalog.format('ALTER SEQUENCE %s OWNER TO %I', r.name, '{owner}');
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS name FROM pg_catalog.pg_proc p
             JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = current_schema() AND p.proname LIKE 'reviewdesk%' LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s OWNER TO %I', r.name, '{owner}');
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', r.name);
    END LOOP;
END $$"""
