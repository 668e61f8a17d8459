"""The audit chain is the database's; a non-superuser schema owner; hardened functions (issue #19, 3–4).

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-07

On both databases: audit_events gets `recorded_at`, the time an event entered the chain. Events from
now on are hashed in format v2 (reviewer_app/access/audit_hash.py), which covers it; older events keep
their v1 hashes and verify as before.

On PostgreSQL only (run once by a superuser; later migrations run as the owner):
- `reviewdesk_owner`, a NOLOGIN role that is not a superuser, owns every table, sequence and function
  of the schema. IT grants it to the login it uses for migrations, and to nothing else. It has
  CREATEROLE (adding staff creates login roles) and pg_signal_backend (disabling staff ends their
  sessions; PostgreSQL never lets it signal a superuser's).
- A BEFORE INSERT trigger, running as that owner, locks the chain's head, numbers, links, hashes and
  time-stamps (clock_timestamp) every event, whatever the client sent, and moves the head. No staff or
  admin role may write audit_chain_heads any more.
- Every reviewdesk_* function gets `search_path = pg_catalog, public, pg_temp` (pg_temp last: a TEMP
  table can no longer stand in for a catalog). reviewdesk_add_staff and reviewdesk_disable_staff are
  rewritten with qualified catalog names; they check the display name and write their own audit
  event, however they are called; disabling ends only the disabled member's own sessions. A new
  reviewdesk_set_staff_role changes a member's staff role the same way (checked, audited).

Down again: the trigger, the owner's objects and the v2 hashes go (every event is re-hashed in v1).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security
from reviewer_app.access.audit_hash import event_hash

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OWNER = security.SCHEMA_OWNER
PINNED = "SET search_path = pg_catalog, public, pg_temp"
S, A = security.STAFF_GROUP, security.ADMIN_GROUP
V = security.GROUP_ROLES["supervisor"]
DISPLAY_NAME_MAX = 60  # staff.display_name's column

CREATE_OWNER = f"""
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{OWNER}') THEN
        CREATE ROLE {OWNER} NOLOGIN;
    END IF;
END $$"""


def _field(value: str) -> str:
    """One field of the v2 serialisation: its length, a colon, the text; '~' for none. Written out in
    the hash function itself: a function with its own search_path is never inlined, and calling one
    per field (14 a row, each switching the setting) was most of an audited push's time."""
    return f"(CASE WHEN ({value}) IS NULL THEN '~' ELSE pg_catalog.length({value})::text || ':' || ({value}) END)"


_UTC_TEXT = "pg_catalog.to_char({0} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US') || '+00:00'"
_V2_FIELDS = (
    "coalesce(p_facility_id, 0)::text",
    "p_chain_seq::text",
    "p_prev_hash",
    "p_event_key",
    "p_facility_id::text",
    _UTC_TEXT.format("p_occurred_at"),
    _UTC_TEXT.format("p_recorded_at"),
    "p_staff_username",
    "p_workstation",
    "p_action",
    "p_item_kind",
    "p_item_id::text",
    "p_service_id::text",
    "p_detail::text",
)
# Format v2, exactly as audit_hash.event_hash_v2 computes it (tests check that they agree).
HASH_FUNCTION = f"""
CREATE OR REPLACE FUNCTION reviewdesk_audit_hash(
    p_chain_seq integer, p_prev_hash text, p_event_key text, p_facility_id integer,
    p_occurred_at timestamptz, p_recorded_at timestamptz, p_staff_username text, p_workstation text,
    p_action text, p_item_kind text, p_item_id integer, p_service_id integer, p_detail jsonb)
RETURNS text LANGUAGE sql STABLE {PINNED} AS $$
    SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
        'reviewdesk-audit-v2' || {" || ".join(_field(f) for f in _V2_FIELDS)},
        'UTF8')), 'hex')
$$"""

CHAIN_FUNCTION = f"""
CREATE OR REPLACE FUNCTION reviewdesk_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
DECLARE
    chain integer := coalesce(NEW.facility_id, 0);
    head_seq integer;
    head_hash text;
    stamp timestamptz := pg_catalog.clock_timestamp();
BEGIN
    -- The head's row lock queues concurrent writers of one chain: the chain never forks.
    SELECT last_seq, last_hash INTO head_seq, head_hash
      FROM public.audit_chain_heads WHERE facility_id = chain FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO public.audit_chain_heads (facility_id, last_seq, last_hash, updated_at)
        VALUES (chain, 0, NULL, stamp) ON CONFLICT (facility_id) DO NOTHING;
        SELECT last_seq, last_hash INTO head_seq, head_hash
          FROM public.audit_chain_heads WHERE facility_id = chain FOR UPDATE;
    END IF;
    -- A replay of an event already recorded (a push after a crash), seen under the lock: skipped.
    IF EXISTS (SELECT FROM public.audit_events WHERE event_key = NEW.event_key) THEN
        RETURN NULL;
    END IF;
    -- Whatever the client sent, the chain's columns are the database's.
    NEW.chain_seq := head_seq + 1;
    NEW.prev_hash := head_hash;
    NEW.recorded_at := stamp;
    NEW.hash := public.reviewdesk_audit_hash(
        NEW.chain_seq, NEW.prev_hash, NEW.event_key, NEW.facility_id, NEW.occurred_at, stamp,
        NEW.staff_username, NEW.workstation, NEW.action, NEW.item_kind, NEW.item_id, NEW.service_id,
        NEW.detail::jsonb);
    UPDATE public.audit_chain_heads SET last_seq = NEW.chain_seq, last_hash = NEW.hash, updated_at = stamp
     WHERE facility_id = chain;
    RETURN NEW;
END $$"""

# The same rules as access/staff.clean_display_name, for a call that does not come from the app.
DISPLAY_NAME_FUNCTION = f"""
CREATE OR REPLACE FUNCTION reviewdesk_check_display_name(p_name text) RETURNS void
LANGUAGE plpgsql IMMUTABLE {PINNED} AS $$
BEGIN
    IF p_name IS NULL OR pg_catalog.btrim(p_name) = '' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'the display name is empty';
    END IF;
    IF pg_catalog.length(p_name) > {DISPLAY_NAME_MAX} THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'the display name is longer than {DISPLAY_NAME_MAX} characters';
    END IF;
    IF p_name ~ '^[=+@\\t\\r-]' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'the display name starts like a spreadsheet formula (= + - @)';
    END IF;
    IF p_name ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value',
            MESSAGE = 'the display name contains control characters';
    END IF;
END $$"""

# Who did it, from where: the workstation the app names, else the client's address.
WORKSTATION = (
    "pg_catalog.left(coalesce(nullif(pg_catalog.btrim(p_workstation), ''), "
    "'sql@' || coalesce(pg_catalog.host(pg_catalog.inet_client_addr()), 'local')), 100)"
)

ADD_STAFF = f"""
CREATE FUNCTION reviewdesk_add_staff(
    p_username text, p_display_name text, p_role text, p_facility_id integer, p_verifier text,
    p_workstation text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
DECLARE
    me_role text := public.{security.MY_ROLE}();
    me_facility integer := public.{security.MY_FACILITY}();
BEGIN
    IF me_role IS NOT NULL AND (me_role <> 'supervisor' OR me_facility IS DISTINCT FROM p_facility_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'only IT, or a supervisor of the same facility, may add staff';
    END IF;
    IF p_username IS NULL OR p_username !~ '^[a-z_][a-z0-9_]{{0,62}}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'invalid username';
    END IF;
    PERFORM public.reviewdesk_check_display_name(p_display_name);
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\\$' THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'password must be a SCRAM verifier';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('reviewer', 'counsellor', 'supervisor') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'unknown staff role';
    END IF;
    IF NOT EXISTS (SELECT FROM public.facilities WHERE id = p_facility_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'unknown facility';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_username) THEN
        RAISE EXCEPTION USING ERRCODE = 'duplicate_object',
            MESSAGE = pg_catalog.format('database role %s already exists', p_username);
    END IF;
    EXECUTE pg_catalog.format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_username, p_verifier,
                              'reviewdesk_' || p_role);
    INSERT INTO public.staff (facility_id, username, display_name, role, active, created_at)
    VALUES (p_facility_id, p_username, p_display_name, p_role, true, pg_catalog.now());
    INSERT INTO public.audit_events (event_key, facility_id, occurred_at, staff_username, workstation,
                                     action, detail)
    VALUES (pg_catalog.gen_random_uuid()::text, p_facility_id, pg_catalog.clock_timestamp(), session_user,
            {WORKSTATION}, 'staff_add',
            pg_catalog.json_build_object('username', p_username, 'role', p_role,
                                         'display_name', p_display_name));
END $$"""

DISABLE_STAFF = f"""
CREATE FUNCTION reviewdesk_disable_staff(p_username text, p_workstation text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
DECLARE
    me_role text := public.{security.MY_ROLE}();
    me_facility integer := public.{security.MY_FACILITY}();
    target_facility integer;
BEGIN
    SELECT facility_id INTO target_facility FROM public.staff WHERE username = p_username;
    IF target_facility IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no staff member %s', p_username);
    END IF;
    IF me_role IS NOT NULL AND (me_role <> 'supervisor' OR me_facility IS DISTINCT FROM target_facility) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'only IT, or a supervisor of the same facility, may disable staff';
    END IF;
    IF p_username = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'you may not disable yourself';
    END IF;
    UPDATE public.staff SET active = false WHERE username = p_username;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_username AND NOT rolsuper) THEN
        EXECUTE pg_catalog.format('ALTER ROLE %I NOLOGIN', p_username);
        -- End this member's own open sessions, and no one else's (the catalog view, qualified: a
        -- TEMP table of the same name is not looked at; pg_signal_backend cannot reach a superuser).
        PERFORM pg_catalog.pg_terminate_backend(a.pid)
           FROM pg_catalog.pg_stat_activity a JOIN pg_catalog.pg_roles r ON r.oid = a.usesysid
          WHERE r.rolname = p_username AND NOT r.rolsuper AND a.pid <> pg_catalog.pg_backend_pid();
    END IF;
    INSERT INTO public.audit_events (event_key, facility_id, occurred_at, staff_username, workstation,
                                     action, detail)
    VALUES (pg_catalog.gen_random_uuid()::text, target_facility, pg_catalog.clock_timestamp(), session_user,
            {WORKSTATION}, 'staff_disable', pg_catalog.json_build_object('username', p_username));
    RETURN target_facility;
END $$"""

# A member's staff role: the group role swapped and the row changed, by IT or their facility's supervisor.
SET_STAFF_ROLE = f"""
CREATE FUNCTION reviewdesk_set_staff_role(p_username text, p_role text, p_workstation text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
DECLARE
    me_role text := public.{security.MY_ROLE}();
    me_facility integer := public.{security.MY_FACILITY}();
    target record;
BEGIN
    SELECT facility_id, role INTO target FROM public.staff WHERE username = p_username;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'no_data_found',
            MESSAGE = pg_catalog.format('no staff member %s', p_username);
    END IF;
    IF me_role IS NOT NULL AND (me_role <> 'supervisor' OR me_facility IS DISTINCT FROM target.facility_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'only IT, or a supervisor of the same facility, may change a staff role';
    END IF;
    IF p_role IS NULL OR p_role NOT IN ('reviewer', 'counsellor', 'supervisor') THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'unknown staff role';
    END IF;
    IF p_username = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'you may not change your own role';
    END IF;
    IF target.role = p_role THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_username AND NOT rolsuper) THEN
        EXECUTE pg_catalog.format('REVOKE %I FROM %I', 'reviewdesk_' || target.role, p_username);
        EXECUTE pg_catalog.format('GRANT %I TO %I', 'reviewdesk_' || p_role, p_username);
    END IF;
    UPDATE public.staff SET role = p_role WHERE username = p_username;
    INSERT INTO public.audit_events (event_key, facility_id, occurred_at, staff_username, workstation,
                                     action, detail)
    VALUES (pg_catalog.gen_random_uuid()::text, target.facility_id, pg_catalog.clock_timestamp(), session_user,
            {WORKSTATION}, 'staff_role',
            pg_catalog.json_build_object('username', p_username, 'role', p_role, 'previous_role', target.role));
END $$"""

OLD_SIGNATURES = ("reviewdesk_add_staff(text, text, text, integer, text)", "reviewdesk_disable_staff(text)")
NEW_SIGNATURES = (
    "reviewdesk_add_staff(text, text, text, integer, text, text)",
    "reviewdesk_disable_staff(text, text)",
    "reviewdesk_set_staff_role(text, text, text)",
)
OWN_FUNCTIONS = (
    "reviewdesk_audit_hash(integer, text, text, integer, timestamptz, timestamptz, text, text, text, text, "
    "integer, integer, jsonb)",
    "reviewdesk_audit_chain()",
    "reviewdesk_check_display_name(text)",
)


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_upgrade()


def _postgresql_upgrade() -> None:
    op.execute(CREATE_OWNER)
    op.execute(f"ALTER ROLE {OWNER} NOLOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE")
    # The policies let the owner's functions past the facility walls as IT's (FORCE applies to it).
    op.execute(f"GRANT {A} TO {OWNER}")
    op.execute(f"GRANT pg_signal_backend TO {OWNER}")
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER}")

    for signature in OLD_SIGNATURES:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    for sql in (
        HASH_FUNCTION,
        CHAIN_FUNCTION,
        DISPLAY_NAME_FUNCTION,
        ADD_STAFF,
        DISABLE_STAFF,
        SET_STAFF_ROLE,
    ):
        op.execute(sql)
    for signature in (*NEW_SIGNATURES, *OWN_FUNCTIONS):
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {', '.join(NEW_SIGNATURES)} TO {V}, {A}")
    op.execute(
        "CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events "
        "FOR EACH ROW EXECUTE FUNCTION reviewdesk_audit_chain()"
    )
    # The heads are written by the trigger only.
    op.execute(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_heads FROM {S}, {A}")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", OWNER))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_chain ON audit_events")
        for signature in (*NEW_SIGNATURES, *OWN_FUNCTIONS):
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
        old = _revision_0003()
        for sql in old.FUNCTIONS:
            if "reviewdesk_add_staff" in sql or "reviewdesk_disable_staff" in sql:
                op.execute(sql)
        for signature in OLD_SIGNATURES:
            op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {', '.join(OLD_SIGNATURES)} TO {V}, {A}")
        op.execute(f"GRANT SELECT, INSERT, UPDATE ON audit_chain_heads TO {S}")
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON audit_chain_heads TO {A}")
        # Back to whoever runs the downgrade (a superuser); the owner role stays: it is the cluster's.
        op.execute(
            security.HAND_OVER_TO_OWNER.replace("'{owner}'", "current_user").replace(
                "<> current_user", "<> current_user::text"
            )
        )
        op.execute("ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only")
        _rehash_in_v1(conn)
        op.execute("ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
        _rehash_in_v1(conn)
        for sql in security.protect_audit_events_sqlite():
            op.execute(sql)
    op.drop_column("audit_events", "recorded_at")


def _revision_0003():  # type: ignore[no-untyped-def]
    """Revision 0003's module (its function definitions come back on the way down)."""
    path = Path(__file__).with_name("0003_roles_and_walls.py")
    spec = importlib.util.spec_from_file_location("reviewdesk_revision_0003", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rehash_in_v1(conn: sa.Connection) -> None:
    """Every event hashed in format v1 again, chain by chain in order, and the heads moved to match."""
    from reviewer_app.shared_db.models.base import UTCDateTime

    events = sa.table(
        "audit_events",
        *(
            sa.column(c)
            for c in ("id", "event_key", "facility_id", "staff_username", "workstation", "action")
        ),
        *(sa.column(c) for c in ("item_kind", "item_id", "service_id", "chain_seq", "prev_hash", "hash")),
        sa.column("occurred_at", UTCDateTime()),
        sa.column("detail", sa.JSON()),
    )
    heads = sa.table(
        "audit_chain_heads", sa.column("facility_id"), sa.column("last_seq"), sa.column("last_hash")
    )
    tails: dict[int, tuple[int, str | None]] = {}
    order = (sa.func.coalesce(events.c.facility_id, 0), events.c.chain_seq, events.c.id)
    for row in conn.execute(sa.select(events).order_by(*order)).mappings().all():
        chain = row["facility_id"] or 0
        seq, prev = tails.get(chain, (0, None))
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
        if (row["chain_seq"], row["prev_hash"], row["hash"]) != (seq, prev, digest):
            conn.execute(
                events.update()
                .where(events.c.id == row["id"])
                .values(chain_seq=seq, prev_hash=prev, hash=digest)
            )
        tails[chain] = (seq, digest)
    for chain, (last_seq, last_hash) in tails.items():
        conn.execute(
            heads.update().where(heads.c.facility_id == chain).values(last_seq=last_seq, last_hash=last_hash)
        )
