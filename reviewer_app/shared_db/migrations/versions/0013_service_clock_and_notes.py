"""The service clock and staff notes on an item (issue #21 items 5 and 6).

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-07

* ``facilities.review_target_working_days`` (3 by default, 0–30): the facility's target time to
  decide, in working days of Taipei after the day of submission (core/service_clock.py). A supervisor
  may change their own facility's (a column grant; the facility wall keeps it to their own row).
* ``public_holidays``: Taiwan's days off and 補班 working Saturdays, filled here from the ``holidays``
  package; every staff member reads it, nobody on the staff writes it.
* ``facility_calendar``: a facility's own days off and extra working days, which its supervisor
  adds and changes (never deletes: the entry says who set it).
* ``item_notes``: staff notes on an application or a post, written by reviewers and supervisors under
  their own name for an item of their facility (restrictive policy), pushed once (idempotency key),
  read by the facility's reviewers and supervisors only: counsellors and the portal read none.
* ``reviewdesk_expected_decision(facility, submitted_at)``: the same counting as
  core/service_clock.py, in SQL, for ``reviewdesk_portal_expected_decisions(applicant)``: the day the
  family may expect a decision on each of its undecided items (docs/PORTAL.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security
from reviewer_app.shared_db import service_calendar

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

S = security.STAFF_GROUP
P = security.PORTAL_GROUP
_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"

CLOCK_FUNCTIONS = {
    # The facility's own entry wins, then the public calendar, then Monday–Friday.
    "reviewdesk_is_working_day(integer, date)": """
CREATE OR REPLACE FUNCTION public.reviewdesk_is_working_day(p_facility integer, p_day date)
RETURNS boolean LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT COALESCE(
        (SELECT c.working FROM public.facility_calendar c WHERE c.facility_id = p_facility AND c.day = p_day),
        (SELECT h.working FROM public.public_holidays h WHERE h.day = p_day),
        EXTRACT(isodow FROM p_day) < 6)
$$""",
    # The target-th working day after the Taipei day of submission (that day for a target of 0).
    "reviewdesk_expected_decision(integer, timestamptz)": """
CREATE OR REPLACE FUNCTION public.reviewdesk_expected_decision(p_facility integer, p_submitted timestamptz)
RETURNS date LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_day date := (p_submitted AT TIME ZONE 'Asia/Taipei')::date;
    v_left integer;
BEGIN
    SELECT f.review_target_working_days INTO v_left FROM public.facilities f WHERE f.id = p_facility;
    IF v_left IS NULL THEN
        RETURN NULL;
    END IF;
    FOR i IN 1..400 LOOP
        EXIT WHEN v_left <= 0;
        v_day := v_day + 1;
        IF public.reviewdesk_is_working_day(p_facility, v_day) THEN
            v_left := v_left - 1;
        END IF;
    END LOOP;
    RETURN v_day;
END $$""",
}

PORTAL_EXPECTED = (
    "reviewdesk_portal_expected_decisions(integer)",
    f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_portal_expected_decisions(p_applicant_id integer)
RETURNS TABLE (item_kind text, item_id integer, expected_decision_on date)
LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT 'application'::text, a.id, public.reviewdesk_expected_decision(a.facility_id, a.submitted_at)
    FROM public.service_applications a
    WHERE a.applicant_id = p_applicant_id AND a.status IN ('pending', 'held')
    UNION ALL
    SELECT 'post', p.id, public.reviewdesk_expected_decision(p.facility_id, p.submitted_at)
    FROM public.posts p JOIN public.service_applications a ON a.id = p.service_id
    WHERE a.applicant_id = p_applicant_id AND p.status IN ('pending', 'held')
    ORDER BY 1, 2
$$""",
)


def _tables() -> None:
    with op.batch_alter_table("facilities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("review_target_working_days", sa.Integer(), nullable=False, server_default="3")
        )
        batch_op.create_check_constraint(
            "review_target_days_range", "review_target_working_days BETWEEN 0 AND 30"
        )
    holidays_table = op.create_table(
        "public_holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_public_holidays")),
    )
    assert holidays_table is not None
    op.bulk_insert(
        holidays_table,
        service_calendar.taiwan_days(range(service_calendar.FIRST_YEAR, service_calendar.LAST_YEAR + 1)),
    )
    op.create_table(
        "facility_calendar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=100), nullable=False),
        sa.Column("set_by", sa.String(length=63), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_facility_calendar_facility_id_facilities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility_calendar")),
        sa.UniqueConstraint("facility_id", "day", name=op.f("uq_facility_calendar_facility_id_day")),
    )
    op.create_table(
        "item_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("staff_username", sa.String(length=63), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("item_kind IN ('application', 'post')", name=op.f("ck_item_notes_item_kind_known")),
        sa.CheckConstraint("length(body) BETWEEN 1 AND 1000", name=op.f("ck_item_notes_body_length")),
        sa.ForeignKeyConstraint(["facility_id"], ["facilities.id"], name=op.f("fk_item_notes_facility_id_facilities")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_notes")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_item_notes_idempotency_key")),
    )
    with op.batch_alter_table("item_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_notes_facility_id"), ["facility_id"], unique=False)
        batch_op.create_index("ix_item_notes_item", ["item_kind", "item_id"], unique=False)


def _walls() -> None:
    op.execute(
        f"GRANT UPDATE (review_target_working_days) ON public.facilities TO "
        f"{security.GROUP_ROLES['supervisor']}"
    )
    for sql in security.wall_table("public_holidays", "true", {"staff": "SELECT"}):
        op.execute(sql)
    for sql in security.wall_facility_table(
        "facility_calendar", {"staff": "SELECT", "supervisor": "INSERT, UPDATE (working, note, set_by, set_at)"}
    ):
        op.execute(sql)
    op.execute(
        f"CREATE POLICY facility_calendar_own_name ON public.facility_calendar AS RESTRICTIVE FOR ALL TO {S} "
        f"USING (true) WITH CHECK (set_by = session_user)"
    )
    for sql in security.wall_facility_table(
        "item_notes", {"reviewer": "SELECT, INSERT", "supervisor": "SELECT, INSERT"}
    ):
        op.execute(sql)
    # Under the member's own name, on an item of the row's facility (a key alone passes the walls).
    op.execute(
        f"CREATE POLICY item_notes_own_name ON public.item_notes AS RESTRICTIVE FOR INSERT TO {S} "
        f"WITH CHECK (staff_username = session_user AND CASE item_kind "
        f"WHEN 'post' THEN EXISTS (SELECT 1 FROM public.posts p WHERE p.id = item_notes.item_id "
        f"AND p.facility_id = item_notes.facility_id) "
        f"ELSE EXISTS (SELECT 1 FROM public.service_applications a WHERE a.id = item_notes.item_id "
        f"AND a.facility_id = item_notes.facility_id) END)"
    )
    for signature, sql in CLOCK_FUNCTIONS.items():
        op.execute(sql)
        op.execute(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
    signature, sql = PORTAL_EXPECTED
    op.execute(sql)
    op.execute(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION public.{signature} TO {P}")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))


def upgrade() -> None:
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        _walls()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS public.{PORTAL_EXPECTED[0]}")
        for signature in reversed(list(CLOCK_FUNCTIONS)):
            op.execute(f"DROP FUNCTION IF EXISTS public.{signature}")
        op.execute(
            f"REVOKE UPDATE (review_target_working_days) ON public.facilities FROM "
            f"{security.GROUP_ROLES['supervisor']}"
        )
    with op.batch_alter_table("item_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_item_notes_item")
        batch_op.drop_index(batch_op.f("ix_item_notes_facility_id"))
    op.drop_table("item_notes")
    op.drop_table("facility_calendar")
    op.drop_table("public_holidays")
    with op.batch_alter_table("facilities", schema=None) as batch_op:
        batch_op.drop_constraint("review_target_days_range", type_="check")
        batch_op.drop_column("review_target_working_days")
