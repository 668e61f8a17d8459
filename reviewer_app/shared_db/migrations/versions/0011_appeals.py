"""Appeals: a family asks once for a rejection to be looked at again (issue #21 item 2).

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-07

On both databases: the table ``appeals``, one row per appealed rejection (unique on the rejection's
decision key), whose own checks say that the member who decides it is never the one who rejected the
item and that an outcome comes with its decider, time and reply.

On PostgreSQL only:

* Behind the walls: reviewers and supervisors read their own facility's appeals; no staff group
  inserts or updates a row by hand.
* ``reviewdesk_decide_appeal(jsonb)``, SECURITY DEFINER, for supervisors: the caller acts under their own
  name, for an undecided appeal of their own facility that they did not reject themselves, with an
  outcome and a reply. The strike an overturn removes is dismissed in the same transaction by the
  supervisor's own hand (supervision/appeals.py), the way a dismissal always is (R2).
* The portal's door (docs/PORTAL.md): ``reviewdesk_portal_appeal`` writes an appeal with the family's
  short text for one of the family's own rejected items, once per rejection;
  ``reviewdesk_portal_appeals`` reads the family's appeals with their outcome and reply.

Down again: the functions and the table go.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

P = security.PORTAL_GROUP
V = security.GROUP_ROLES["supervisor"]
_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
#: How far a workstation's clock may run ahead of the server's.
SKEW = "interval '5 minutes'"

DECIDE_APPEAL = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_decide_appeal(p jsonb) RETURNS text
LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'staff_username', ARRAY['supervisor']);
    the public.appeals%ROWTYPE;
    v_outcome text := p->>'outcome';
    v_reply text := pg_catalog.btrim(p->>'reply');
    v_at timestamptz := (p->>'decided_at')::timestamptz;
BEGIN
    SELECT * INTO the FROM public.appeals
    WHERE id = (p->>'appeal_id')::integer AND facility_id = who.facility_id
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '找不到這件申覆（或不屬於本機關）';
    END IF;
    IF the.outcome IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409',
            MESSAGE = pg_catalog.format('這件申覆已由 %s 決定', the.decided_by);
    END IF;
    IF the.first_reviewer = who.username THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = '原審核人員不能決定同一案件的申覆，請由另一位業務主管決定';
    END IF;
    IF v_outcome IS NULL OR v_outcome NOT IN ('upheld', 'overturned') THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '申覆結果只能是維持或撤銷原決定';
    END IF;
    IF v_reply IS NULL OR pg_catalog.length(v_reply) < 2 THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '請填寫給家屬的回覆';
    END IF;
    IF v_at IS NULL OR v_at > pg_catalog.now() + {SKEW} THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '決定時間不合理（請檢查本工作站的時鐘）';
    END IF;
    UPDATE public.appeals SET outcome = v_outcome, decided_by = who.username, decided_at = v_at,
        reply = v_reply
    WHERE id = the.id;
    RETURN v_outcome;
END $$"""

PORTAL_FUNCTIONS = {
    # Once per rejection, for the family's own item while its latest decision is that rejection.
    "reviewdesk_portal_appeal(integer, text, integer, text)": f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_portal_appeal(
    p_applicant_id integer, p_item_kind text, p_item_id integer, p_text text)
RETURNS integer LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    v_facility integer;
    v_service integer;
    v_text text := pg_catalog.btrim(p_text);
    the_decision public.decisions%ROWTYPE;
    new_id integer;
BEGIN
    IF p_item_kind = 'application' THEN
        SELECT a.facility_id, a.id INTO v_facility, v_service FROM public.service_applications a
        WHERE a.id = p_item_id AND a.applicant_id = p_applicant_id AND a.status = 'rejected';
    ELSIF p_item_kind = 'post' THEN
        SELECT p.facility_id, p.service_id INTO v_facility, v_service FROM public.posts p
        JOIN public.service_applications a ON a.id = p.service_id
        WHERE p.id = p_item_id AND a.applicant_id = p_applicant_id AND p.status = 'rejected';
    END IF;
    IF v_facility IS NULL THEN  -- the same words whether it is another family's, not rejected, or none
        RAISE EXCEPTION 'not a rejected item of this family';
    END IF;
    SELECT * INTO the_decision FROM public.decisions d
    WHERE d.item_kind = p_item_kind AND d.item_id = p_item_id
    ORDER BY d.decided_at DESC, d.id DESC LIMIT 1;
    IF NOT FOUND OR the_decision.outcome <> 'reject' THEN
        RAISE EXCEPTION 'not a rejected item of this family';
    END IF;
    IF EXISTS (SELECT FROM public.appeals WHERE decision_key = the_decision.idempotency_key) THEN
        RAISE EXCEPTION 'this rejection has been appealed already (once per rejection)';
    END IF;
    IF v_text IS NULL OR pg_catalog.length(v_text) NOT BETWEEN 2 AND 500 THEN
        RAISE EXCEPTION 'an appeal needs a short text (2 to 500 characters)';
    END IF;
    INSERT INTO public.appeals (facility_id, service_id, item_kind, item_id, decision_key, first_reviewer,
        text, submitted_at)
    VALUES (v_facility, v_service, p_item_kind, p_item_id, the_decision.idempotency_key,
        the_decision.staff_username, v_text, pg_catalog.now())
    RETURNING id INTO new_id;
    RETURN new_id;
END $$""",
    # The family's appeals, their outcome and the reply written for the family (never who decided).
    "reviewdesk_portal_appeals(integer)": f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_portal_appeals(p_applicant_id integer)
RETURNS TABLE (appeal_id integer, item_kind text, item_id integer, submitted_at timestamptz,
               outcome text, decided_at timestamptz, reply text)
LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT ap.id, ap.item_kind::text, ap.item_id, ap.submitted_at, ap.outcome::text, ap.decided_at, ap.reply
    FROM public.appeals ap JOIN public.service_applications a ON a.id = ap.service_id
    WHERE a.applicant_id = p_applicant_id
    ORDER BY ap.submitted_at, ap.id
$$""",
}


def upgrade() -> None:
    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("item_kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("decision_key", sa.String(length=36), nullable=False),
        sa.Column("first_reviewer", sa.String(length=63), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("decided_by", sa.String(length=63), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reply", sa.Text(), nullable=True),
        sa.CheckConstraint("item_kind IN ('application', 'post')", name=op.f("ck_appeals_item_kind_known")),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('upheld', 'overturned')", name=op.f("ck_appeals_outcome_known")
        ),
        sa.CheckConstraint(
            "(outcome IS NULL AND decided_by IS NULL AND decided_at IS NULL AND reply IS NULL) OR "
            "(outcome IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL "
            "AND reply IS NOT NULL)",
            name=op.f("ck_appeals_decided_whole"),
        ),
        sa.CheckConstraint(
            "decided_by IS NULL OR decided_by <> first_reviewer",
            name=op.f("ck_appeals_not_the_first_reviewer"),
        ),
        sa.CheckConstraint("length(text) BETWEEN 2 AND 500", name=op.f("ck_appeals_text_short")),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_appeals_facility_id_facilities")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["service_applications.id"],
            name=op.f("fk_appeals_service_id_service_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_key"], ["decisions.idempotency_key"], name=op.f("fk_appeals_decision_key_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
        sa.UniqueConstraint("decision_key", name=op.f("uq_appeals_decision_key")),
    )
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeals_facility_id"), ["facility_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appeals_service_id"), ["service_id"], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return
    # Read by reviewers and supervisors of the facility; written only through the functions below.
    for sql in security.wall_facility_table("appeals", {"reviewer": "SELECT", "supervisor": "SELECT"}):
        op.execute(sql)
    op.execute(DECIDE_APPEAL)
    op.execute("REVOKE ALL ON FUNCTION public.reviewdesk_decide_appeal(jsonb) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION public.reviewdesk_decide_appeal(jsonb) TO {V}")
    for signature, sql in PORTAL_FUNCTIONS.items():
        op.execute(sql)
        op.execute(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION public.{signature} TO {P}")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS public.reviewdesk_decide_appeal(jsonb)")
        for signature in PORTAL_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS public.{signature}")
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appeals_service_id"))
        batch_op.drop_index(batch_op.f("ix_appeals_facility_id"))
    op.drop_table("appeals")
