"""Delivery closes the loop: transfers, releases, eligibility at print time, delivery the family sees
(issue 22, items 1, 2, 4, 5).

Revision ID: 0014
Revises: 0009
Create Date: 2026-12-07

* ``post_transfers``: one row for each post that followed an inmate to another facility. On
  PostgreSQL both facilities read it (the new one notes where the post was approved, the old one sees
  it left); nobody writes it but the transfer function.
* PostgreSQL: the facility's records (IT, the agency's feed: ``reviewdesk_admin``) bring a transfer
  or a release through two SECURITY DEFINER functions (reviewer_app/shared_db/movements.py does the
  same in Python on SQLite): ``reviewdesk_record_transfer(from_inmate, to_inmate)`` moves the family's
  open items and their documents to the new facility; ``reviewdesk_record_release(inmate)`` closes
  approved and printed posts as undeliverable (出監) with the words the family reads. Staff cannot
  execute either.
* ``reviewdesk_record_print`` refuses a print on a day the inmate was under an E3 restriction or no
  longer held here (the desk holds such posts back; a stale list printed offline is a visible
  conflict, never a silent print).
* The portal's door gets ``reviewdesk_portal_delivery(applicant)``: each post's hand-over date and,
  for an undeliverable one, the reason in the family's words; where a post followed the inmate.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

S, A, P = security.STAFF_GROUP, security.ADMIN_GROUP, security.PORTAL_GROUP
_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
ME = security.FACILITY_OF_ME
#: Frozen here (core/rules/delivery.py has the first for SQLite): what the family reads for each
#: undeliverable reason (the staff note stays staff's).
RELEASED_FOR_FAMILY = "收容人已出監，本則家庭聯絡簿無法轉交，已結案。"
FAMILY_WORDS = {
    "released": RELEASED_FOR_FAMILY,
    "transferred": "收容人已移監，本則家庭聯絡簿將由新收容機關轉交。",
    "other": "本則家庭聯絡簿暫時無法轉交收容人，機關將於可轉交時再轉交或通知您。",
}

TRANSFER = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_record_transfer(p_from integer, p_to integer)
RETURNS integer[] LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
DECLARE
    old_inmate public.inmates;
    new_inmate public.inmates;
    old_name text;
    new_name text;
    moved integer[] := '{{}}';
    svc record;
    p record;
BEGIN
    SELECT * INTO old_inmate FROM public.inmates WHERE id = p_from FOR UPDATE;
    SELECT * INTO new_inmate FROM public.inmates WHERE id = p_to;
    IF old_inmate.id IS NULL OR new_inmate.id IS NULL OR old_inmate.facility_id = new_inmate.facility_id THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '移監須指明兩個機關的收容人紀錄';
    END IF;
    SELECT name INTO old_name FROM public.facilities WHERE id = old_inmate.facility_id;
    SELECT name INTO new_name FROM public.facilities WHERE id = new_inmate.facility_id;
    UPDATE public.inmates SET custody = 'transferred' WHERE id = p_from;
    FOR svc IN SELECT id FROM public.service_applications
               WHERE inmate_id = p_from AND status IN ('pending', 'held', 'approved') FOR UPDATE LOOP
        UPDATE public.service_applications SET facility_id = new_inmate.facility_id, inmate_id = p_to,
            version = version + 1, claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
        WHERE id = svc.id;
        UPDATE public.documents SET facility_id = new_inmate.facility_id WHERE application_id = svc.id;
        FOR p IN SELECT id, title, status FROM public.posts
                 WHERE service_id = svc.id AND status IN ('pending', 'held', 'approved', 'printed', 'undeliverable')
                 ORDER BY id FOR UPDATE LOOP
            INSERT INTO public.post_transfers (post_id, from_facility_id, to_facility_id, from_facility_name,
                to_facility_name, from_call_number, title, status_before, transferred_at)
            VALUES (p.id, old_inmate.facility_id, new_inmate.facility_id, old_name, new_name,
                old_inmate.call_number, p.title, p.status, pg_catalog.now());
            UPDATE public.posts SET facility_id = new_inmate.facility_id,
                status = CASE WHEN status IN ('printed', 'undeliverable') THEN 'approved' ELSE status END,
                version = version + 1, claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
            WHERE id = p.id;
            UPDATE public.documents SET facility_id = new_inmate.facility_id WHERE post_id = p.id;
            moved := moved || p.id;
        END LOOP;
    END LOOP;
    RETURN moved;
END $$"""

RELEASE = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_record_release(p_inmate integer)
RETURNS integer[] LANGUAGE plpgsql VOLATILE {_DEFINER} AS $$
DECLARE
    closed integer[] := '{{}}';
    p record;
BEGIN
    UPDATE public.inmates SET custody = 'released' WHERE id = p_inmate;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '沒有此收容人';
    END IF;
    FOR p IN SELECT t.id, t.facility_id, t.version FROM public.posts t
             JOIN public.service_applications a ON a.id = t.service_id
             WHERE a.inmate_id = p_inmate AND t.status IN ('approved', 'printed') ORDER BY t.id FOR UPDATE OF t LOOP
        UPDATE public.posts SET status = 'undeliverable', version = version + 1,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL WHERE id = p.id;
        INSERT INTO public.handovers (idempotency_key, facility_id, post_id, outcome, reason, handed_over_by,
            handed_over_at, note, recorded_by, workstation, recorded_at, applied_at)
        VALUES ('release-' || p.id || '-' || (p.version + 1), p.facility_id, p.id, 'undeliverable', 'released',
            '機關紀錄', pg_catalog.now(), '{RELEASED_FOR_FAMILY}', '機關紀錄', '機關紀錄', pg_catalog.now(),
            pg_catalog.now());
        closed := closed || p.id;
    END LOOP;
    RETURN closed;
END $$"""

_WORDS = " ".join(f"WHEN '{code}' THEN '{text}'" for code, text in FAMILY_WORDS.items())
DELIVERY = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_portal_delivery(p_applicant_id integer)
RETURNS TABLE (post_id integer, status text, handed_over_at timestamptz, undeliverable_reason text,
               moved_to text)
LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT p.id, p.status::text,
           CASE WHEN p.status = 'delivered' THEN h.handed_over_at END,
           CASE WHEN p.status = 'undeliverable' THEN CASE h.reason {_WORDS} END END,
           (SELECT t.to_facility_name FROM public.post_transfers t WHERE t.post_id = p.id
            ORDER BY t.id DESC LIMIT 1)
    FROM public.posts p
    JOIN public.service_applications a ON a.id = p.service_id
    LEFT JOIN LATERAL (SELECT x.handed_over_at, x.reason FROM public.handovers x WHERE x.post_id = p.id
                       ORDER BY x.id DESC LIMIT 1) h ON true
    WHERE a.applicant_id = p_applicant_id
    ORDER BY p.submitted_at, p.id
$$"""

# 0007's reviewdesk_record_print, refusing a print on a day the inmate was held back (issue 22 item 1).
RECORD_PRINT = """
CREATE OR REPLACE FUNCTION public.reviewdesk_record_print(p jsonb)
RETURNS TABLE (outcome text, post_status text, post_version integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'printed_by', ARRAY['counsellor', 'supervisor']);
    v_post integer := (p->>'post_id')::integer;
    v_reprint boolean := coalesce((p->>'reprint')::boolean, false);
    v_reason text := p->>'reprint_reason';
    v_day date := ((p->>'printed_at')::timestamptz AT TIME ZONE 'Asia/Taipei')::date;
    v_status text;
    v_version integer;
    v_custody text;
    v_outcome text := 'printed';
BEGIN
    IF who.facility_id IS DISTINCT FROM (p->>'facility_id')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = format('%s 不屬於此機關，列印未登錄', who.username);
    END IF;
    IF (p->>'printed_at')::timestamptz > now() + interval '5 minutes' THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '列印時間晚於共用資料庫的時間，請檢查工作站的時鐘';
    END IF;
    SELECT t.status, t.version INTO v_status, v_version FROM public.posts t
    WHERE t.id = v_post AND t.facility_id = who.facility_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '本機關的共用資料庫中沒有此聯絡簿，列印未登錄';
    END IF;
    IF EXISTS (SELECT FROM public.print_records r WHERE r.idempotency_key = p->>'key' AND r.facility_id = who.facility_id) THEN
        RETURN QUERY SELECT 'already'::text, v_status, v_version;
        RETURN;
    END IF;
    SELECT i.custody INTO v_custody FROM public.inmates i
    JOIN public.service_applications a ON a.inmate_id = i.id JOIN public.posts t ON t.service_id = a.id
    WHERE t.id = v_post;
    IF v_custody IS DISTINCT FROM 'in_custody' OR EXISTS (
        SELECT FROM public.restrictions r JOIN public.service_applications a ON a.inmate_id = r.inmate_id
        JOIN public.posts t ON t.service_id = a.id
        WHERE t.id = v_post AND r.starts_on <= v_day AND (r.ends_on IS NULL OR r.ends_on >= v_day)) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422',
            MESSAGE = '收容人於列印當日暫緩轉交（受限制、移監或出監），列印未登錄；紙本請勿轉交';
    END IF;
    IF NOT v_reprint AND v_status = 'approved' AND v_version = (p->>'expected_version')::integer THEN
        UPDATE public.posts SET status = 'printed', version = version + 1 WHERE id = v_post
        RETURNING status, version INTO v_status, v_version;
    ELSIF v_status IN ('printed', 'delivered', 'undeliverable') THEN
        IF NOT v_reprint THEN
            v_reprint := true;
            v_reason := '重複列印（另一工作站已先列印）';
            v_outcome := 'kept_as_reprint';
        ELSE
            v_outcome := 'reprinted';
        END IF;
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '此聯絡簿在共用資料庫中尚未核准或已變更，列印未登錄';
    END IF;
    INSERT INTO public.print_records (idempotency_key, facility_id, post_id, batch_key, printed_by, workstation,
        printed_at, copies, reprint, reprint_reason, applied_at)
    VALUES (p->>'key', who.facility_id, v_post, p->>'batch_key', who.username, p->>'workstation',
        (p->>'printed_at')::timestamptz, (p->>'copies')::integer, v_reprint, v_reason, now());
    RETURN QUERY SELECT v_outcome, v_status, v_version;
END $$"""

# 0007's reviewdesk_record_handover, with "returned": an undeliverable post back to approved (item 4).
RECORD_HANDOVER = """
CREATE OR REPLACE FUNCTION public.reviewdesk_record_handover(p jsonb)
RETURNS TABLE (outcome text, post_status text, post_version integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
#variable_conflict use_column
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'recorded_by', ARRAY['counsellor', 'supervisor']);
    v_post integer := (p->>'post_id')::integer;
    v_outcome text := p->>'outcome';
    v_status text;
    v_version integer;
    v_after text;
BEGIN
    IF who.facility_id IS DISTINCT FROM (p->>'facility_id')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = format('%s 不屬於此機關，轉交紀錄未登錄', who.username);
    END IF;
    IF (p->>'recorded_at')::timestamptz > now() + interval '5 minutes'
       OR (p->>'handed_over_at')::timestamptz > now() + interval '5 minutes' THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '轉交時間晚於共用資料庫的時間，請檢查工作站的時鐘';
    END IF;
    SELECT t.status, t.version INTO v_status, v_version FROM public.posts t
    WHERE t.id = v_post AND t.facility_id = who.facility_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '本機關的共用資料庫中沒有此聯絡簿，轉交紀錄未登錄';
    END IF;
    IF EXISTS (SELECT FROM public.handovers h WHERE h.idempotency_key = p->>'key' AND h.facility_id = who.facility_id) THEN
        RETURN QUERY SELECT 'already'::text, v_status, v_version;
        RETURN;
    END IF;
    -- A printout (printed, or not delivered yet) at the version the counsellor saw; back to the list to
    -- print only from undeliverable.
    v_after := CASE
        WHEN v_outcome IN ('delivered', 'undeliverable') AND v_status IN ('printed', 'undeliverable') THEN v_outcome
        WHEN v_outcome = 'returned' AND v_status = 'undeliverable' THEN 'approved'
    END;
    IF v_after IS NULL OR v_version <> (p->>'expected_version')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '此聯絡簿在共用資料庫中尚未列印或已變更，轉交紀錄未登錄';
    END IF;
    UPDATE public.posts SET status = v_after, version = version + 1 WHERE id = v_post
    RETURNING status, version INTO v_status, v_version;
    INSERT INTO public.handovers (idempotency_key, facility_id, post_id, outcome, reason, handed_over_by,
        handed_over_at, recipient, note, recorded_by, workstation, recorded_at, applied_at)
    VALUES (p->>'key', who.facility_id, v_post, v_outcome, p->>'reason', p->>'handed_over_by',
        (p->>'handed_over_at')::timestamptz, p->>'recipient', p->>'note', who.username, p->>'workstation',
        (p->>'recorded_at')::timestamptz, now());
    RETURN QUERY SELECT 'recorded'::text, v_status, v_version;
END $$"""

FUNCTIONS = {
    "reviewdesk_record_transfer(integer, integer)": A,
    "reviewdesk_record_release(integer)": A,
    "reviewdesk_portal_delivery(integer)": P,
}


#: A post that could not be handed over goes back to the list to print (the inmate is back): a
#: hand-over row of its own, outcome "returned", no reason (issue 22 item 4).
OUTCOMES_BEFORE, OUTCOMES = "('delivered', 'undeliverable')", "('delivered', 'undeliverable', 'returned')"
HAS_REASON_BEFORE = (
    "(outcome = 'delivered' AND reason IS NULL) OR (outcome = 'undeliverable' AND reason IS NOT NULL)"
)
HAS_REASON = f"{HAS_REASON_BEFORE} OR (outcome = 'returned' AND reason IS NULL)"


def _handover_checks(outcomes: str, has_reason: str) -> None:
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_handovers_outcome_known"), type_="check")
        batch_op.drop_constraint(op.f("ck_handovers_undeliverable_has_reason"), type_="check")
        batch_op.create_check_constraint(op.f("ck_handovers_outcome_known"), f"outcome IN {outcomes}")
        batch_op.create_check_constraint(op.f("ck_handovers_undeliverable_has_reason"), has_reason)


def upgrade() -> None:
    _handover_checks(OUTCOMES, HAS_REASON)
    op.create_table(
        "post_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("from_facility_id", sa.Integer(), nullable=False),
        sa.Column("to_facility_id", sa.Integer(), nullable=False),
        sa.Column("from_facility_name", sa.String(length=100), nullable=False),
        sa.Column("to_facility_name", sa.String(length=100), nullable=False),
        sa.Column("from_call_number", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status_before", sa.String(length=16), nullable=False),
        sa.Column("transferred_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_post_transfers_post_id_posts")),
        sa.ForeignKeyConstraint(
            ["from_facility_id"],
            ["facilities.id"],
            name=op.f("fk_post_transfers_from_facility_id_facilities"),
        ),
        sa.ForeignKeyConstraint(
            ["to_facility_id"], ["facilities.id"], name=op.f("fk_post_transfers_to_facility_id_facilities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_transfers")),
    )
    with op.batch_alter_table("post_transfers", schema=None) as batch_op:
        for column in ("post_id", "from_facility_id", "to_facility_id"):
            batch_op.create_index(batch_op.f(f"ix_post_transfers_{column}"), [column], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return
    # Both facilities read the row; only the transfer function writes it.
    mine = f"from_facility_id = {ME} OR to_facility_id = {ME}"
    for sql in (
        "ALTER TABLE post_transfers ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE post_transfers FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY post_transfers_admin ON post_transfers FOR ALL TO {A} USING (true) WITH CHECK (true)",
        f"CREATE POLICY post_transfers_facility ON post_transfers FOR SELECT TO {S} USING ({mine})",
        f"GRANT SELECT ON post_transfers TO {S}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON post_transfers TO {A}",
        TRANSFER,
        RELEASE,
        DELIVERY,
        RECORD_PRINT,
        RECORD_HANDOVER,
    ):
        op.execute(sql)
    for signature, grantee in FUNCTIONS.items():
        op.execute(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION public.{signature} TO {grantee}")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for signature in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS public.{signature}")
        # reviewdesk_record_print and _handover stay as replaced: 0007's downgrade drops them.
    op.drop_table("post_transfers")
    op.execute("DELETE FROM handovers WHERE outcome = 'returned'")
    _handover_checks(OUTCOMES_BEFORE, HAS_REASON_BEFORE)
