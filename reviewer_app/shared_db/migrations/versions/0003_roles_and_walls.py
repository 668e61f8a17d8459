"""Roles and walls: staff roles, row-level security by facility, append-only hash-chained audit trail.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

On both databases: audit_events gets its chain columns (existing events are chained here, in id
order), audit_chain_heads holds each chain's end, staff gets password_hash (used only on SQLite), and
triggers refuse UPDATE and DELETE of audit events.

On PostgreSQL only: the group roles (created if missing: they are cluster-wide), helper functions,
grants, row-level security on every table, the status-transition trigger.

A later migration adds its own table to the walls with reviewer_app.access.roles.wall_facility_table()
(a table with facility_id) or wall_child_table() (a table whose rows belong to a parent that has one),
run only on PostgreSQL; see the module docstring of reviewer_app/access/roles.py. tests/test_walls.py
fails for a table left without row security.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security
from reviewer_app.access.audit_chain import event_hash
from reviewer_app.shared_db.models.base import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

S, A = security.STAFF_GROUP, security.ADMIN_GROUP
R, C, V = (security.GROUP_ROLES[r] for r in ("reviewer", "counsellor", "supervisor"))

# Grants per table (the policies then limit the rows). No DELETE for staff anywhere; no UPDATE or
# DELETE of audit events for anyone. Tables with facility_id that are not listed (a later table added
# without its own migration call) get SELECT only.
FACILITY_TABLE_GRANTS: dict[str, dict[str, str]] = {
    "staff": {"staff": "SELECT"},  # added and disabled through reviewdesk_add_staff/_disable_staff
    "inmates": {"staff": "SELECT"},
    "service_applications": {"staff": "SELECT", "reviewer": "UPDATE", "supervisor": "UPDATE"},
    "posts": {"staff": "SELECT", "reviewer": "UPDATE", "counsellor": "UPDATE", "supervisor": "UPDATE"},
    "documents": {"staff": "SELECT"},
    "decisions": {"staff": "SELECT", "reviewer": "INSERT", "supervisor": "INSERT"},
    "strikes": {"staff": "SELECT", "reviewer": "INSERT", "supervisor": "INSERT, UPDATE"},
    "suspensions": {"staff": "SELECT", "reviewer": "INSERT", "supervisor": "INSERT, UPDATE"},
    "audit_chain_heads": {"staff": "SELECT, INSERT, UPDATE"},
}
# Tables without facility_id, walled through their parent row: (table, fk column, parent).
CHILD_TABLES = (
    ("children", "inmate_id", "inmates"),
    ("restrictions", "inmate_id", "inmates"),
    ("document_blobs", "document_id", "documents"),
)
SPECIAL_TABLES = ("audit_events", "facilities", "applicants", "rejection_reasons")

# Who may make which status change (PostgreSQL trigger on service_applications and posts). A session
# that is not a staff login (IT, the portal, the migrations) is not checked here.
GUARD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION reviewdesk_guard_item() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    who text := {security.MY_ROLE}();
BEGIN
    IF who IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'posts' THEN
        IF (NEW.service_id, NEW.title, NEW.body, NEW.submitted_at)
           IS DISTINCT FROM (OLD.service_id, OLD.title, OLD.body, OLD.submitted_at) THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = 'staff may not change what the family submitted';
        END IF;
    ELSIF (NEW.applicant_id, NEW.inmate_id, NEW.relationship, NEW.call_number_entered,
           NEW.surname_confirmed, NEW.submitted_at)
          IS DISTINCT FROM (OLD.applicant_id, OLD.inmate_id, OLD.relationship, OLD.call_number_entered,
           OLD.surname_confirmed, OLD.submitted_at) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'staff may not change what the family submitted';
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    -- deciding, and holding a suspended family's items: reviewers and supervisors
    IF OLD.status IN ('pending', 'held') AND NEW.status IN ('approved', 'rejected', 'held')
       AND who IN ('reviewer', 'supervisor') THEN
        RETURN NEW;
    END IF;
    -- giving a held item back to the queue: supervisors
    IF OLD.status = 'held' AND NEW.status = 'pending' AND who = 'supervisor' THEN
        RETURN NEW;
    END IF;
    -- printing and hand-over of approved posts: counsellors and supervisors
    IF TG_TABLE_NAME = 'posts'
       AND OLD.status IN ('approved', 'printed', 'delivered', 'undeliverable')
       AND NEW.status IN ('printed', 'delivered', 'undeliverable')
       AND who IN ('counsellor', 'supervisor') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = format('a %s may not change %s #%s from %s to %s', who, TG_TABLE_NAME, OLD.id,
                         OLD.status, NEW.status);
END $$
"""

FUNCTIONS = [
    # The facility and role of the member connected now. SECURITY DEFINER: it reads staff as the
    # owner, past the walls. Inside it current_user is the owner, so it keys on session_user: the
    # login role the member connected as, which SET ROLE cannot change.
    f"""
CREATE OR REPLACE FUNCTION {security.MY_FACILITY}() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT facility_id FROM public.staff WHERE username = session_user AND active
$$""",
    f"""
CREATE OR REPLACE FUNCTION {security.MY_ROLE}() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT CASE WHEN active THEN role ELSE 'disabled' END FROM public.staff WHERE username = session_user
$$""",
    """
CREATE OR REPLACE FUNCTION reviewdesk_whoami()
RETURNS TABLE (username text, display_name text, role text, facility_id integer, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT username, display_name, role, facility_id, active FROM public.staff WHERE username = session_user
$$""",
    # Adding and disabling staff: IT (not a staff login) for any facility, a supervisor for their own.
    # The password arrives as a SCRAM verifier computed on the workstation, never in clear.
    f"""
CREATE OR REPLACE FUNCTION reviewdesk_add_staff(
    p_username text, p_display_name text, p_role text, p_facility_id integer, p_verifier text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me_role text := {security.MY_ROLE}();
    me_facility integer := {security.MY_FACILITY}();
BEGIN
    IF me_role IS NOT NULL AND (me_role <> 'supervisor' OR me_facility IS DISTINCT FROM p_facility_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'only IT, or a supervisor of the same facility, may add staff';
    END IF;
    IF p_username !~ '^[a-z_][a-z0-9_]{{0,62}}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'invalid username';
    END IF;
    IF p_verifier !~ '^SCRAM-SHA-256\\$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'password must be a SCRAM verifier';
    END IF;
    IF p_role NOT IN ('reviewer', 'counsellor', 'supervisor') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'unknown staff role';
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_username) THEN
        RAISE EXCEPTION USING ERRCODE = 'duplicate_object',
            MESSAGE = format('database role %s already exists', p_username);
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_username, p_verifier,
                   'reviewdesk_' || p_role);
    INSERT INTO public.staff (facility_id, username, display_name, role, active, created_at)
    VALUES (p_facility_id, p_username, p_display_name, p_role, true, now());
END $$""",
    f"""
CREATE OR REPLACE FUNCTION reviewdesk_disable_staff(p_username text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me_role text := {security.MY_ROLE}();
    me_facility integer := {security.MY_FACILITY}();
    target_facility integer;
BEGIN
    SELECT facility_id INTO target_facility FROM public.staff WHERE username = p_username;
    IF target_facility IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found', MESSAGE = format('no staff member %s', p_username);
    END IF;
    IF me_role IS NOT NULL AND (me_role <> 'supervisor' OR me_facility IS DISTINCT FROM target_facility) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'only IT, or a supervisor of the same facility, may disable staff';
    END IF;
    IF p_username = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'you may not disable yourself';
    END IF;
    UPDATE public.staff SET active = false WHERE username = p_username;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_username AND NOT rolsuper) THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_username);
        BEGIN  -- end their open sessions too, where this owner may
            PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = p_username;
        EXCEPTION WHEN insufficient_privilege THEN NULL;
        END;
    END IF;
    RETURN target_facility;
END $$""",
    """
CREATE OR REPLACE FUNCTION reviewdesk_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = format('audit events are append-only: %s refused', TG_OP);
END $$""",
    GUARD_FUNCTION,
]
FUNCTION_NAMES = (
    f"{security.MY_FACILITY}()",
    f"{security.MY_ROLE}()",
    "reviewdesk_whoami()",
    "reviewdesk_add_staff(text, text, text, integer, text)",
    "reviewdesk_disable_staff(text)",
    "reviewdesk_audit_append_only()",
    "reviewdesk_guard_item()",
)

_events = sa.table(
    "audit_events",
    sa.column("id", sa.Integer),
    sa.column("event_key", sa.String),
    sa.column("facility_id", sa.Integer),
    sa.column("occurred_at", UTCDateTime()),
    sa.column("staff_username", sa.String),
    sa.column("workstation", sa.String),
    sa.column("action", sa.String),
    sa.column("item_kind", sa.String),
    sa.column("item_id", sa.Integer),
    sa.column("service_id", sa.Integer),
    sa.column("detail", sa.JSON),
    sa.column("chain_seq", sa.Integer),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
_heads = sa.table(
    "audit_chain_heads",
    sa.column("facility_id", sa.Integer),
    sa.column("last_seq", sa.Integer),
    sa.column("last_hash", sa.String),
    sa.column("updated_at", UTCDateTime()),
)


def _chain_existing_events() -> None:
    """Events written before this revision are chained now, per facility, in the order of their ids."""
    from datetime import UTC, datetime

    conn = op.get_bind()
    heads: dict[int, tuple[int, str | None]] = {}
    for row in conn.execute(sa.select(_events).order_by(_events.c.id)).mappings():
        chain = row["facility_id"] or 0
        seq, prev = heads.get(chain, (0, None))
        seq += 1
        digest = event_hash(
            chain_seq=seq,
            prev_hash=prev,
            event_key=row["event_key"],
            facility_id=row["facility_id"],
            occurred_at=row["occurred_at"],
            staff_username=row["staff_username"],
            workstation=row["workstation"],
            action=row["action"],
            item_kind=row["item_kind"],
            item_id=row["item_id"],
            service_id=row["service_id"],
            detail=row["detail"],
        )
        conn.execute(
            _events.update()
            .where(_events.c.id == row["id"])
            .values(chain_seq=seq, prev_hash=prev, hash=digest)
        )
        heads[chain] = (seq, digest)
    now = datetime.now(UTC)
    for chain, (last_seq, last_hash) in heads.items():
        conn.execute(
            _heads.insert().values(facility_id=chain, last_seq=last_seq, last_hash=last_hash, updated_at=now)
        )


def upgrade() -> None:
    op.create_table(
        "audit_chain_heads",
        sa.Column("facility_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("facility_id", name=op.f("pk_audit_chain_heads")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    _chain_existing_events()
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.alter_column("chain_seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint("uq_audit_events_chain_seq", ["facility_id", "chain_seq"])

    if op.get_bind().dialect.name == "postgresql":
        _postgresql_walls()
    else:
        # SQLite: the append-only triggers (after the batch copy above, which would drop them).
        for sql in security.protect_audit_events_sqlite():
            op.execute(sql)


def _facility_tables() -> list[str]:
    """Every table of this schema with a facility_id column, whatever revision added it."""
    rows = op.get_bind().execute(
        sa.text(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'facility_id' "
            "AND table_name NOT IN ('audit_events') ORDER BY table_name"
        )
    )
    return [r[0] for r in rows]


def _postgresql_walls() -> None:
    for sql in security.create_group_roles():
        op.execute(sql)
    for sql in FUNCTIONS:
        op.execute(sql)
    for name in FUNCTION_NAMES:
        op.execute(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
    op.execute(
        f"GRANT EXECUTE ON FUNCTION {security.MY_FACILITY}(), {security.MY_ROLE}(), reviewdesk_whoami() TO {S}, {A}"
    )
    op.execute(f"GRANT EXECUTE ON FUNCTION reviewdesk_guard_item() TO {S}, {A}")
    op.execute(
        "GRANT EXECUTE ON FUNCTION reviewdesk_add_staff(text, text, text, integer, text), "
        f"reviewdesk_disable_staff(text) TO {V}, {A}"
    )

    op.execute(f"GRANT USAGE ON SCHEMA public TO {S}, {A}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {S}")
    op.execute(f"GRANT SELECT ON alembic_version TO {S}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {A}")
    op.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {A}")

    # Every table with facility_id: the member's own facility only.
    for table in _facility_tables():
        for sql in security.wall_facility_table(table, FACILITY_TABLE_GRANTS.get(table, {"staff": "SELECT"})):
            op.execute(sql)
    for table, fk, parent in CHILD_TABLES:
        for sql in security.wall_child_table(table, fk, parent, {"staff": "SELECT"}):
            op.execute(sql)
    # A facility's own row; an applicant through their applications to this facility.
    for sql in security.wall_table("facilities", f"id = {security.FACILITY_OF_ME}", {"staff": "SELECT"}):
        op.execute(sql)
    for sql in security.wall_table(
        "applicants",
        "EXISTS (SELECT 1 FROM service_applications a WHERE a.applicant_id = applicants.id "
        f"AND a.facility_id = {security.FACILITY_OF_ME})",
        {"staff": "SELECT"},
    ):
        op.execute(sql)
    # The rejection-reason catalogue is the programme's, shared by every facility: all staff read it,
    # supervisors add and edit reasons (never delete: decisions refer to them; a reason is retired
    # by setting active = false).
    op.execute("ALTER TABLE rejection_reasons ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE rejection_reasons FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY rejection_reasons_admin ON rejection_reasons FOR ALL TO {A} USING (true) WITH CHECK (true)"
    )
    op.execute(f"CREATE POLICY rejection_reasons_read ON rejection_reasons FOR SELECT TO {S} USING (true)")
    op.execute(
        f"CREATE POLICY rejection_reasons_insert ON rejection_reasons FOR INSERT TO {V} WITH CHECK (true)"
    )
    op.execute(
        f"CREATE POLICY rejection_reasons_update ON rejection_reasons FOR UPDATE TO {V} USING (true) WITH CHECK (true)"
    )
    op.execute(f"GRANT SELECT ON rejection_reasons TO {S}")
    op.execute(f"GRANT INSERT, UPDATE ON rejection_reasons TO {V}")

    # Audit events: a member inserts events of their own facility under their own name only; a
    # supervisor reads the facility's trail, others their own events. Nobody updates or deletes.
    mine = f"facility_id = {security.FACILITY_OF_ME}"
    op.execute("ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE audit_events FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY audit_events_admin_read ON audit_events FOR SELECT TO {A} USING (true)")
    op.execute(f"CREATE POLICY audit_events_admin_insert ON audit_events FOR INSERT TO {A} WITH CHECK (true)")
    op.execute(
        f"CREATE POLICY audit_events_read ON audit_events FOR SELECT TO {S} USING ({mine} "
        f"AND (staff_username = session_user OR (SELECT {security.MY_ROLE}()) = 'supervisor'))"
    )
    op.execute(
        f"CREATE POLICY audit_events_insert ON audit_events FOR INSERT TO {S} "
        f"WITH CHECK ({mine} AND staff_username = session_user)"
    )
    op.execute(f"GRANT SELECT, INSERT ON audit_events TO {S}")
    op.execute(
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION reviewdesk_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION reviewdesk_audit_append_only()"
    )
    # A decision is recorded under the deciding member's own name.
    op.execute(
        f"CREATE POLICY decisions_own_name ON decisions AS RESTRICTIVE FOR INSERT TO {S} "
        "WITH CHECK (staff_username = session_user)"
    )
    for table in ("service_applications", "posts"):
        op.execute(
            f"CREATE TRIGGER {table}_guard BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION reviewdesk_guard_item()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in ("service_applications", "posts"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_guard ON {table}")
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP POLICY IF EXISTS decisions_own_name ON decisions")
        for policy in ("admin_read", "admin_insert", "read", "insert"):
            op.execute(f"DROP POLICY IF EXISTS audit_events_{policy} ON audit_events")
        for policy in ("admin", "read", "insert", "update"):
            op.execute(f"DROP POLICY IF EXISTS rejection_reasons_{policy} ON rejection_reasons")
        tables = [
            r[0]
            for r in op.get_bind().execute(
                sa.text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            )
        ]
        for table in tables:
            for sql in security.unwall_table(table):
                op.execute(sql)
        op.execute(f"REVOKE ALL ON SCHEMA public FROM {S}, {A}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {S}")
        for name in FUNCTION_NAMES:
            op.execute(f"DROP FUNCTION IF EXISTS {name}")
        # The group roles stay: they are the cluster's, other databases may use them.
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_constraint("uq_audit_events_chain_seq", type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("chain_seq")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("password_hash")
    op.drop_table("audit_chain_heads")
