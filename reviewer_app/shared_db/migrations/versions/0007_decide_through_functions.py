"""Deciding goes through the database; every reference stays inside its facility (issue 19, items 1-2).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

PostgreSQL only (SQLite has no roles; there the push runs the same steps in Python,
reviewer_app/shared_db/deciding.py):

* Staff lose UPDATE on posts and service_applications (status, claim, lease, version: every column)
  and INSERT on decisions, strikes, suspensions, print_records and handovers. Supervisors keep UPDATE
  of the columns that dismiss a strike and lift or shorten a suspension, and a trigger lets a
  suspension only end sooner and never takes a lift or a dismissal back.
* The push calls SECURITY DEFINER functions instead, owned by ``reviewdesk_owner`` (NOLOGIN, not a
  superuser, created here if missing) with ``search_path = pg_catalog, public, pg_temp`` and
  qualified names. Each checks the caller (a staff login acts only under its own name; IT names an
  active member), the member's role, active flag and facility, the item's facility, claim state and
  version, and the invariants; it refuses with SQLSTATE RD403 (not allowed), RD404 (no such item in
  your facility: the same words whether another facility has it or nobody does), RD409 (changed
  since it was reviewed) or RD422 (an invariant would break), with a message the desk shows.
* Restrictive policies: a staff login writes a row of decisions, strikes, suspensions, print
  records, hand-overs, documents or audit events only when the item, service or family it names is
  of the row's own facility (which the permissive wall already ties to the member's).
"""

from __future__ import annotations

from alembic import op

from reviewer_app.access import roles as security

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OWNER = security.SCHEMA_OWNER
S = security.STAFF_GROUP
R, C, V = (security.GROUP_ROLES[r] for r in ("reviewer", "counsellor", "supervisor"))
#: Seconds a workstation's clock may run ahead of the server's (times it sends are refused beyond).
SKEW = "interval '5 minutes'"
#: Tables the functions read or write, and what the owner needs on each (its only privileges).
OWNER_TABLES = {
    "facilities": "SELECT",
    "staff": "SELECT",
    "rejection_reasons": "SELECT",
    "posts": "SELECT, UPDATE",
    "service_applications": "SELECT, UPDATE",
    "decisions": "SELECT, INSERT",
    "strikes": "SELECT, INSERT",
    "suspensions": "SELECT, INSERT, UPDATE",
    "print_records": "SELECT, INSERT",
    "handovers": "SELECT, INSERT",
}
FUNCTIONS = {
    # name(signature): who may execute. Staff groups only: not reviewdesk_admin, whose members (the
    # portal's service role among them) could otherwise name any active reviewer. The migrating
    # role (a member of the owner) and superusers still can, naming an active member.
    "reviewdesk_acting_staff(text, text[], boolean)": "",
    "reviewdesk_decide(jsonb)": f"{R}, {V}",
    "reviewdesk_decide_many(jsonb)": f"{R}, {V}",
    "reviewdesk_record_standing(jsonb)": f"{R}, {V}",
    "reviewdesk_claim(text, text, integer, timestamptz, integer)": f"{R}, {V}",
    "reviewdesk_renew(text, text, timestamptz, text[], integer[])": f"{R}, {V}",
    "reviewdesk_release(text, text, text, integer)": f"{R}, {V}",
    "reviewdesk_record_print(jsonb)": f"{C}, {V}",
    "reviewdesk_record_handover(jsonb)": f"{C}, {V}",
    "reviewdesk_guard_supervision()": "",
}

_HEADER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"

ACTING_STAFF = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_acting_staff(
    p_username text, p_roles text[], p_quiet boolean DEFAULT false)
RETURNS public.staff LANGUAGE plpgsql STABLE {_HEADER} AS $$
DECLARE
    me text := public.reviewdesk_my_role();
    who public.staff;
BEGIN
    -- A staff login acts under its own name only; the migrating role or a superuser names an active member.
    IF me IS NOT NULL AND p_username IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = format('登入帳號 %s 只能以自己的名義登錄，不能代 %s 登錄', session_user, p_username);
    END IF;
    SELECT * INTO who FROM public.staff WHERE username = p_username;
    IF NOT FOUND OR NOT who.active OR NOT (who.role = ANY (p_roles)) THEN
        IF p_quiet THEN  -- claims: a member who may not claim claims nothing
            RETURN NULL;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = format('%s 沒有此權限（僅限本機關在職之%s），未套用', p_username, array_to_string(ARRAY(
                SELECT CASE r WHEN 'reviewer' THEN '社工師' WHEN 'counsellor' THEN '輔導員' ELSE '業務主管' END
                FROM unnest(p_roles) r), '與'));
    END IF;
    RETURN who;
END $$"""

DECIDE = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_decide(p jsonb) RETURNS text
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'staff_username', ARRAY['reviewer', 'supervisor']);
    v_key text := p->>'key';
    v_kind text := p->>'kind';
    v_item integer := (p->>'item_id')::integer;
    v_version integer := (p->>'item_version')::integer;
    v_outcome text := p->>'outcome';
    v_decided timestamptz := (p->>'decided_at')::timestamptz;
    v_codes jsonb := coalesce(p->'reason_codes', '[]'::jsonb);
    v_strike jsonb := nullif(p->'strike', 'null'::jsonb);
    v_new text := CASE p->>'outcome' WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'rejected' END;
    v_status text;
    v_current integer;
    v_service integer;
BEGIN
    IF who.facility_id IS DISTINCT FROM (p->>'facility_id')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = format('%s 不屬於此機關，本決定未套用', who.username);
    END IF;
    IF v_new IS NULL OR v_kind NOT IN ('post', 'application') OR v_decided IS NULL
       OR jsonb_typeof(v_codes) <> 'array' THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '決定的內容不完整，未套用';
    END IF;
    IF v_decided > now() + {SKEW} THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '決定時間晚於共用資料庫的時間，請檢查工作站的時鐘';
    END IF;
    IF EXISTS (SELECT FROM public.decisions d WHERE d.idempotency_key = v_key AND d.facility_id = who.facility_id) THEN
        RETURN 'already';
    END IF;
    IF v_kind = 'post' THEN
        SELECT t.status, t.version, t.service_id INTO v_status, v_current, v_service
        FROM public.posts t WHERE t.id = v_item AND t.facility_id = who.facility_id FOR UPDATE;
    ELSE
        SELECT t.status, t.version, t.id INTO v_status, v_current, v_service
        FROM public.service_applications t WHERE t.id = v_item AND t.facility_id = who.facility_id FOR UPDATE;
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '本機關的共用資料庫中沒有此案件，本決定未套用';
    END IF;
    -- One decision per item version: the version reviewed must still be the item's, undecided
    -- (unless the item changed under this very decision, pushed meanwhile by a replay of it).
    IF (v_current <> v_version OR v_status NOT IN ('pending', 'held')) AND EXISTS (
        SELECT FROM public.decisions d WHERE d.idempotency_key = v_key AND d.facility_id = who.facility_id) THEN
        RETURN 'already';
    END IF;
    IF v_current <> v_version OR v_status NOT IN ('pending', 'held') THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '案件在共用資料庫中已變更，本工作站的決定未套用，請重新審核';
    END IF;
    -- A post held for a suspended family: a supervisor approves it; a reviewer's approval stands only
    -- when made before the suspension started (R3).
    IF v_status = 'held' AND v_new = 'approved' AND who.role <> 'supervisor' AND EXISTS (
        SELECT FROM public.suspensions x
        WHERE x.service_id = v_service AND x.starts_at <= v_decided AND x.ends_at > now()
          AND (x.lifted_at IS NULL OR x.lifted_at > now())) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = '此則因家屬發佈權限暫停（P7）暫緩審核，停權期間只有業務主管可以核准';
    END IF;
    IF v_kind = 'post' THEN
        UPDATE public.posts SET status = v_new, version = version + 1, decided_at = v_decided,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL WHERE id = v_item;
    ELSE
        UPDATE public.service_applications SET status = v_new, version = version + 1, decided_at = v_decided,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL WHERE id = v_item;
    END IF;
    INSERT INTO public.decisions (idempotency_key, facility_id, item_kind, item_id, item_version, outcome,
        reason_codes, message_to_family, note, staff_username, workstation, decided_at, applied_at)
    VALUES (v_key, who.facility_id, v_kind, v_item, v_version, v_outcome, v_codes::json,
        p->>'message_to_family', p->>'note', who.username, p->>'workstation', v_decided, now());
    IF v_strike IS NOT NULL THEN
        -- A strike only for a post rejected with a reason of this facility that counts as one (P7).
        IF v_kind <> 'post' OR v_new <> 'rejected' OR (v_strike->>'post_id')::integer IS DISTINCT FROM v_item
           OR NOT v_codes ? (v_strike->>'reason_code')
           OR NOT EXISTS (SELECT FROM public.rejection_reasons r WHERE r.facility_id = who.facility_id
                          AND r.code = v_strike->>'reason_code' AND r.counts_as_strike) THEN
            RAISE EXCEPTION USING ERRCODE = 'RD422',
                MESSAGE = format('退件原因 %s 不是家屬的違規（P7），不能記違規', v_strike->>'reason_code');
        END IF;
        -- Strikes of one family are counted one push at a time (the caller replays them next).
        PERFORM FROM public.service_applications WHERE id = v_service FOR UPDATE;
        INSERT INTO public.strikes (facility_id, service_id, post_id, decision_key, reason_code, created_at)
        SELECT who.facility_id, v_service, v_item, v_key, v_strike->>'reason_code', v_decided
        WHERE NOT EXISTS (SELECT FROM public.strikes WHERE post_id = v_item);
    END IF;
    RETURN 'applied';
END $$"""

DECIDE_MANY = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_decide_many(p jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    expected integer := jsonb_array_length(p);
    changed integer;
BEGIN
    -- Decisions without a strike, on pending items only (a held one goes through reviewdesk_decide).
    PERFORM public.reviewdesk_acting_staff(u, ARRAY['reviewer', 'supervisor'])
    FROM (SELECT DISTINCT e->>'staff_username' AS u FROM jsonb_array_elements(p) e) names;
    IF EXISTS (SELECT FROM jsonb_to_recordset(p) AS v(staff_username text, facility_id integer)
               JOIN public.staff s ON s.username = v.staff_username
               WHERE s.facility_id IS DISTINCT FROM v.facility_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = '決定者不屬於此機關，未套用';
    END IF;
    IF EXISTS (SELECT FROM jsonb_to_recordset(p) AS v(decided_at timestamptz, outcome text, kind text)
               WHERE v.decided_at IS NULL OR v.decided_at > now() + {SKEW}
                  OR v.outcome NOT IN ('approve', 'reject') OR v.kind NOT IN ('post', 'application')) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '決定的內容不完整或時間晚於共用資料庫的時間，未套用';
    END IF;
    WITH v AS (
        SELECT * FROM jsonb_to_recordset(p) AS v(kind text, item_id integer, item_version integer,
            outcome text, decided_at timestamptz, facility_id integer)
    ), p_done AS (
        UPDATE public.posts t SET status = CASE v.outcome WHEN 'approve' THEN 'approved' ELSE 'rejected' END,
            version = t.version + 1, decided_at = v.decided_at,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
        FROM v WHERE v.kind = 'post' AND t.id = v.item_id AND t.facility_id = v.facility_id
            AND t.version = v.item_version AND t.status = 'pending'
        RETURNING t.id
    ), a_done AS (
        UPDATE public.service_applications t
        SET status = CASE v.outcome WHEN 'approve' THEN 'approved' ELSE 'rejected' END,
            version = t.version + 1, decided_at = v.decided_at,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
        FROM v WHERE v.kind = 'application' AND t.id = v.item_id AND t.facility_id = v.facility_id
            AND t.version = v.item_version AND t.status = 'pending'
        RETURNING t.id
    )
    SELECT (SELECT count(*) FROM p_done) + (SELECT count(*) FROM a_done) INTO changed;
    IF changed <> expected THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409',
            MESSAGE = format('%s 件案件在共用資料庫中已變更', expected - changed);
    END IF;
    INSERT INTO public.decisions (idempotency_key, facility_id, item_kind, item_id, item_version, outcome,
        reason_codes, message_to_family, note, staff_username, workstation, decided_at, applied_at)
    SELECT v.key, v.facility_id, v.kind, v.item_id, v.item_version, v.outcome, coalesce(v.reason_codes, '[]'),
        v.message_to_family, v.note, v.staff_username, v.workstation, v.decided_at, now()
    FROM jsonb_to_recordset(p) AS v(key text, facility_id integer, kind text, item_id integer,
        item_version integer, outcome text, reason_codes json, message_to_family text, note text,
        staff_username text, workstation text, decided_at timestamptz);
    RETURN changed;
END $$"""

RECORD_STANDING = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_record_standing(p jsonb) RETURNS integer
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'staff_username', ARRAY['reviewer', 'supervisor']);
    fac public.facilities;
    v_service integer := (p->>'service_id')::integer;
    v_hold jsonb := nullif(p->'hold', 'null'::jsonb);
    e jsonb;
    v_block integer;
    v_start timestamptz;
    v_end timestamptz;
    v_origin_at timestamptz;
    n integer := 0;
BEGIN
    -- The family's suspensions as the caller's replay (core/strike_cycles.py) has them, after the
    -- strike reviewdesk_decide just recorded; each one checked against the facts here.
    PERFORM FROM public.service_applications WHERE id = v_service AND facility_id = who.facility_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '本機關的共用資料庫中沒有此服務，未套用';
    END IF;
    SELECT * INTO fac FROM public.facilities WHERE id = who.facility_id;
    FOR e IN SELECT x FROM jsonb_array_elements(coalesce(p->'suspensions', '[]'::jsonb)) x ORDER BY (x->>'block')::integer LOOP
        v_block := (e->>'block')::integer;
        v_start := (e->>'starts_at')::timestamptz;
        v_end := (e->>'ends_at')::timestamptz;
        SELECT created_at INTO v_origin_at FROM public.strikes
        WHERE decision_key = e->>'origin_key' AND service_id = v_service AND dismissed_at IS NULL;
        -- Only from strikes reaching the threshold: its strike is the family's and live, enough of
        -- the family's strikes stand by its start, it lasts the facility's months, not later than now.
        IF NOT FOUND OR v_origin_at > v_start OR v_start > now() + {SKEW}
           OR (SELECT count(*) FROM public.strikes st WHERE st.service_id = v_service AND st.created_at <= v_start
               AND (st.dismissed_at IS NULL OR st.dismissed_at >= v_start)) < fac.strike_threshold
           OR v_end IS DISTINCT FROM ((v_start AT TIME ZONE 'Asia/Taipei')
                                      + make_interval(months => fac.suspension_months)) AT TIME ZONE 'Asia/Taipei' THEN
            RAISE EXCEPTION USING ERRCODE = 'RD422',
                MESSAGE = '停權只能由達到門檻的違規紀錄產生，期間依本機關的規定，未套用';
        END IF;
        IF e->>'action' = 'suspension' THEN
            IF v_block <> coalesce((SELECT max(block) FROM public.suspensions WHERE service_id = v_service), 0) + 1 THEN
                RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '家屬的停權紀錄已變更，未套用';
            END IF;
            INSERT INTO public.suspensions (facility_id, service_id, block, starts_at, ends_at, origin_key)
            VALUES (who.facility_id, v_service, v_block, v_start, v_end, e->>'origin_key');
        ELSIF e->>'action' = 'suspension_moved' THEN
            UPDATE public.suspensions SET starts_at = v_start, ends_at = v_end, origin_key = e->>'origin_key'
            WHERE service_id = v_service AND block = v_block;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '家屬的停權紀錄已變更，未套用';
            END IF;
        ELSE
            RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '不明的停權變更，未套用';
        END IF;
        n := n + 1;
    END LOOP;
    IF v_hold IS NOT NULL THEN
        -- The family's pending posts wait while a recorded suspension runs (no version change: R3).
        IF NOT EXISTS (SELECT FROM public.suspensions WHERE service_id = v_service
                       AND ends_at = (v_hold->>'until')::timestamptz) THEN
            RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '只有停權中的家屬，其聯絡簿才暫緩審核，未套用';
        END IF;
        UPDATE public.posts SET status = 'held', held_reason = left(v_hold->>'reason', 200)
        WHERE service_id = v_service AND facility_id = who.facility_id AND status = 'pending';
    END IF;
    RETURN n;
END $$"""

CLAIM = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_claim(
    p_username text, p_workstation text, p_facility_id integer, p_now timestamptz, p_limit integer)
RETURNS TABLE (item_kind text, item_id integer) LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
#variable_conflict use_column
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p_username, ARRAY['reviewer', 'supervisor'], true);
    v_expires timestamptz;
    v_limit integer := greatest(coalesce(p_limit, 0), 0);
BEGIN
    IF p_now IS NULL OR p_now > now() + {SKEW} THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '工作站的時間晚於共用資料庫的時間，請檢查時鐘';
    END IF;
    IF who.username IS NULL THEN
        RETURN;
    END IF;
    -- The lease is the facility's, whatever the caller would like.
    SELECT p_now + make_interval(mins => f.claim_lease_minutes) INTO v_expires
    FROM public.facilities f WHERE f.id = who.facility_id;
    RETURN QUERY
    WITH pc AS (
        SELECT t.submitted_at, t.id FROM public.posts t
        WHERE t.facility_id = who.facility_id AND t.facility_id = p_facility_id AND t.status IN ('held', 'pending')
          AND (t.claim_expires_at IS NULL OR t.claim_expires_at < p_now)
        ORDER BY t.submitted_at, t.id LIMIT v_limit FOR UPDATE SKIP LOCKED
    ), ac AS (
        SELECT t.submitted_at, t.id FROM public.service_applications t
        WHERE t.facility_id = who.facility_id AND t.facility_id = p_facility_id AND t.status IN ('held', 'pending')
          AND (t.claim_expires_at IS NULL OR t.claim_expires_at < p_now)
        ORDER BY t.submitted_at, t.id LIMIT v_limit FOR UPDATE SKIP LOCKED
    ), chosen AS (
        SELECT u.k, u.id FROM (
            SELECT pc.submitted_at, 'post'::text AS k, pc.id FROM pc
            UNION ALL SELECT ac.submitted_at, 'application'::text, ac.id FROM ac) u
        ORDER BY u.submitted_at, u.k, u.id LIMIT v_limit
    ), tp AS (
        UPDATE public.posts t SET claimed_by = who.username, claim_workstation = p_workstation,
            claim_expires_at = v_expires
        WHERE t.id IN (SELECT chosen.id FROM chosen WHERE chosen.k = 'post') RETURNING 'post'::text, t.id
    ), ta AS (
        UPDATE public.service_applications t SET claimed_by = who.username, claim_workstation = p_workstation,
            claim_expires_at = v_expires
        WHERE t.id IN (SELECT chosen.id FROM chosen WHERE chosen.k = 'application')
        RETURNING 'application'::text, t.id
    )
    SELECT * FROM ta UNION ALL SELECT * FROM tp;
END $$"""

RENEW = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_renew(
    p_username text, p_workstation text, p_now timestamptz, p_kinds text[], p_ids integer[])
RETURNS integer LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p_username, ARRAY['reviewer', 'supervisor'], true);
    v_expires timestamptz;
    n integer;
    m integer;
BEGIN
    IF p_now IS NULL OR p_now > now() + {SKEW} THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '工作站的時間晚於共用資料庫的時間，請檢查時鐘';
    END IF;
    IF who.username IS NULL THEN
        RETURN 0;
    END IF;
    SELECT p_now + make_interval(mins => f.claim_lease_minutes) INTO v_expires
    FROM public.facilities f WHERE f.id = who.facility_id;
    UPDATE public.posts t SET claim_expires_at = v_expires
    WHERE t.facility_id = who.facility_id AND t.claimed_by = who.username AND t.claim_workstation = p_workstation
      AND t.id IN (SELECT i FROM unnest(p_kinds, p_ids) AS k(kind, i) WHERE k.kind = 'post');
    GET DIAGNOSTICS n = ROW_COUNT;
    UPDATE public.service_applications t SET claim_expires_at = v_expires
    WHERE t.facility_id = who.facility_id AND t.claimed_by = who.username AND t.claim_workstation = p_workstation
      AND t.id IN (SELECT i FROM unnest(p_kinds, p_ids) AS k(kind, i) WHERE k.kind = 'application');
    GET DIAGNOSTICS m = ROW_COUNT;
    RETURN n + m;
END $$"""

RELEASE = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_release(
    p_username text, p_workstation text, p_kind text, p_id integer)
RETURNS boolean LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p_username, ARRAY['reviewer', 'supervisor'], true);
BEGIN
    IF who.username IS NULL THEN
        RETURN false;
    END IF;
    IF p_kind = 'post' THEN
        UPDATE public.posts t SET claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
        WHERE t.id = p_id AND t.facility_id = who.facility_id AND t.claimed_by = who.username
          AND t.claim_workstation = p_workstation;
    ELSE
        UPDATE public.service_applications t SET claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
        WHERE t.id = p_id AND t.facility_id = who.facility_id AND t.claimed_by = who.username
          AND t.claim_workstation = p_workstation;
    END IF;
    RETURN FOUND;
END $$"""

RECORD_PRINT = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_record_print(p jsonb)
RETURNS TABLE (outcome text, post_status text, post_version integer)
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
#variable_conflict use_column
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'printed_by', ARRAY['counsellor', 'supervisor']);
    v_post integer := (p->>'post_id')::integer;
    v_reprint boolean := coalesce((p->>'reprint')::boolean, false);
    v_reason text := p->>'reprint_reason';
    v_status text;
    v_version integer;
    v_outcome text := 'printed';
BEGIN
    IF who.facility_id IS DISTINCT FROM (p->>'facility_id')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = format('%s 不屬於此機關，列印未登錄', who.username);
    END IF;
    IF (p->>'printed_at')::timestamptz > now() + {SKEW} THEN
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
    IF NOT v_reprint AND v_status = 'approved' AND v_version = (p->>'expected_version')::integer THEN
        UPDATE public.posts SET status = 'printed', version = version + 1 WHERE id = v_post
        RETURNING status, version INTO v_status, v_version;
    ELSIF v_status IN ('printed', 'delivered', 'undeliverable') THEN
        -- Printed from another workstation first: this printout exists too, kept as a reprint.
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

RECORD_HANDOVER = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_record_handover(p jsonb)
RETURNS TABLE (outcome text, post_status text, post_version integer)
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
#variable_conflict use_column
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'recorded_by', ARRAY['counsellor', 'supervisor']);
    v_post integer := (p->>'post_id')::integer;
    v_status text;
    v_version integer;
BEGIN
    IF who.facility_id IS DISTINCT FROM (p->>'facility_id')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = format('%s 不屬於此機關，轉交紀錄未登錄', who.username);
    END IF;
    IF (p->>'recorded_at')::timestamptz > now() + {SKEW} OR (p->>'handed_over_at')::timestamptz > now() + {SKEW} THEN
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
    -- Only a printout: printed (or not delivered yet) at the version the counsellor saw.
    IF v_status NOT IN ('printed', 'undeliverable') OR v_version <> (p->>'expected_version')::integer
       OR p->>'outcome' NOT IN ('delivered', 'undeliverable') THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '此聯絡簿在共用資料庫中尚未列印或已變更，轉交紀錄未登錄';
    END IF;
    UPDATE public.posts SET status = p->>'outcome', version = version + 1 WHERE id = v_post
    RETURNING status, version INTO v_status, v_version;
    INSERT INTO public.handovers (idempotency_key, facility_id, post_id, outcome, reason, handed_over_by,
        handed_over_at, recipient, note, recorded_by, workstation, recorded_at, applied_at)
    VALUES (p->>'key', who.facility_id, v_post, p->>'outcome', p->>'reason', p->>'handed_over_by',
        (p->>'handed_over_at')::timestamptz, p->>'recipient', p->>'note', who.username, p->>'workstation',
        (p->>'recorded_at')::timestamptz, now());
    RETURN QUERY SELECT 'recorded'::text, v_status, v_version;
END $$"""

# What a supervisor changes by hand (lift, shorten, dismiss), no more: a suspension only ends sooner,
# a lift or a dismissal is never taken back, and either is signed with the supervisor's own name.
# Inside the functions above current_user is their owner: a suspension the replay moves passes; so
# does IT (not a staff login).
GUARD_SUPERVISION = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_guard_supervision() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF public.{security.MY_ROLE}() IS NULL OR current_user = '{OWNER}' THEN  -- not a staff login's own hand
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'suspensions' THEN
        IF NEW.ends_at > OLD.ends_at
           OR (OLD.lifted_at IS NOT NULL AND NEW.lifted_at IS DISTINCT FROM OLD.lifted_at)
           OR (NEW.lifted_by IS DISTINCT FROM OLD.lifted_by AND NEW.lifted_by IS DISTINCT FROM session_user) THEN
            RAISE EXCEPTION USING ERRCODE = 'RD422',
                MESSAGE = '停權只能由業務主管以自己的名義縮短或解除，不能延長，解除後不能恢復';
        END IF;
    ELSIF (OLD.dismissed_at IS NOT NULL AND NEW.dismissed_at IS DISTINCT FROM OLD.dismissed_at)
       OR (NEW.dismissed_by IS DISTINCT FROM OLD.dismissed_by AND NEW.dismissed_by IS DISTINCT FROM session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422',
            MESSAGE = '違規紀錄只能由業務主管以自己的名義撤銷，撤銷後不能恢復';
    END IF;
    RETURN NEW;
END $$"""
#: The columns a supervisor may still update by hand.
SUPERVISOR_COLUMNS = {
    "suspensions": "ends_at, lifted_at, lifted_by, lift_reason",
    "strikes": "dismissed_at, dismissed_by, dismiss_reason",
}


def _same_facility(table: str, column: str, parent: str) -> str:
    return f"EXISTS (SELECT 1 FROM public.{parent} x WHERE x.id = {table}.{column} AND x.facility_id = {table}.facility_id)"


def _item_of_facility(table: str, kind: str, item: str) -> str:
    return (
        f"({item} IS NULL OR ({kind} = 'post' AND {_same_facility(table, item, 'posts')}) "
        f"OR ({kind} = 'application' AND {_same_facility(table, item, 'service_applications')}) "
        f"OR {kind} NOT IN ('post', 'application'))"
    )


#: table -> what its references must satisfy (the row's own facility is the member's: the wall).
SAME_FACILITY = {
    "decisions": _item_of_facility("decisions", "item_kind", "item_id"),
    "strikes": f"{_same_facility('strikes', 'post_id', 'posts')} AND {_same_facility('strikes', 'service_id', 'service_applications')}",
    "suspensions": _same_facility("suspensions", "service_id", "service_applications"),
    "print_records": _same_facility("print_records", "post_id", "posts"),
    "handovers": _same_facility("handovers", "post_id", "posts"),
    "documents": (
        f"(application_id IS NULL OR {_same_facility('documents', 'application_id', 'service_applications')}) "
        f"AND (post_id IS NULL OR {_same_facility('documents', 'post_id', 'posts')})"
    ),
    "audit_events": (
        f"{_item_of_facility('audit_events', 'item_kind', 'item_id')} AND "
        f"(service_id IS NULL OR {_same_facility('audit_events', 'service_id', 'service_applications')})"
    ),
}


def _owner_role() -> list[str]:
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{OWNER}') THEN "
        f"CREATE ROLE {OWNER} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS; END IF; END $$",
        # The migrating role hands the functions over to it, so it must be able to act as it.
        f"DO $$ BEGIN IF NOT pg_catalog.pg_has_role(current_user, '{OWNER}', 'MEMBER') THEN "
        f"EXECUTE pg_catalog.format('GRANT {OWNER} TO %I', current_user); END IF; END $$",
        f"GRANT USAGE ON SCHEMA public TO {OWNER}",
        f"GRANT EXECUTE ON FUNCTION public.{security.MY_ROLE}(), public.{security.MY_FACILITY}(), "
        f"public.reviewdesk_guard_item() TO {OWNER}",
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for sql in _owner_role():
        op.execute(sql)
    for table, privileges in OWNER_TABLES.items():
        op.execute(f"GRANT {privileges} ON public.{table} TO {OWNER}")
        op.execute(
            f"CREATE POLICY {table}_definer ON public.{table} FOR ALL TO {OWNER} USING (true) WITH CHECK (true)"
        )
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {OWNER}")

    # Staff write items and their consequences only through the functions below.
    op.execute(f"REVOKE UPDATE ON public.posts FROM {R}, {C}, {V}, {S}")
    op.execute(f"REVOKE UPDATE ON public.service_applications FROM {R}, {V}, {S}")
    op.execute(f"REVOKE INSERT ON public.decisions FROM {R}, {V}, {S}")
    op.execute(f"REVOKE INSERT ON public.strikes, public.suspensions FROM {R}, {V}, {S}")
    op.execute(f"REVOKE INSERT ON public.print_records, public.handovers FROM {C}, {V}, {S}")

    for sql in (
        ACTING_STAFF,
        DECIDE,
        DECIDE_MANY,
        RECORD_STANDING,
        CLAIM,
        RENEW,
        RELEASE,
        RECORD_PRINT,
        RECORD_HANDOVER,
        GUARD_SUPERVISION,
    ):
        op.execute(sql)
    for table, columns in SUPERVISOR_COLUMNS.items():
        op.execute(f"REVOKE UPDATE ON public.{table} FROM {V}, {S}")
        op.execute(f"GRANT UPDATE ({columns}) ON public.{table} TO {V}")
        op.execute(
            f"CREATE TRIGGER {table}_supervision_guard BEFORE UPDATE ON public.{table} "
            "FOR EACH ROW EXECUTE FUNCTION public.reviewdesk_guard_supervision()"
        )
    for signature, grantees in FUNCTIONS.items():
        op.execute(f"ALTER FUNCTION public.{signature} OWNER TO {OWNER}")
        op.execute(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
        if grantees:
            op.execute(f"GRANT EXECUTE ON FUNCTION public.{signature} TO {grantees}")

    for table, predicate in SAME_FACILITY.items():
        for command in ("INSERT", "UPDATE"):
            check = f"WITH CHECK ({predicate})"
            using = f"USING ({predicate}) " if command == "UPDATE" else ""
            op.execute(
                f"CREATE POLICY {table}_same_facility_{command.lower()} ON public.{table} AS RESTRICTIVE "
                f"FOR {command} TO {S} {using}{check}"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in SAME_FACILITY:
        for command in ("insert", "update"):
            op.execute(f"DROP POLICY IF EXISTS {table}_same_facility_{command} ON public.{table}")
    for table in SUPERVISOR_COLUMNS:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_supervision_guard ON public.{table}")
        op.execute(f"REVOKE UPDATE ON public.{table} FROM {V}")
        op.execute(f"GRANT UPDATE ON public.{table} TO {V}")
    for signature in reversed(FUNCTIONS):
        op.execute(f"DROP FUNCTION IF EXISTS public.{signature}")
    op.execute(f"GRANT UPDATE ON public.posts TO {R}, {C}, {V}")
    op.execute(f"GRANT UPDATE ON public.service_applications TO {R}, {V}")
    op.execute(f"GRANT INSERT ON public.decisions TO {R}, {V}")
    op.execute(f"GRANT INSERT ON public.strikes, public.suspensions TO {R}, {V}")
    op.execute(f"GRANT INSERT ON public.print_records, public.handovers TO {C}, {V}")
    for table in OWNER_TABLES:
        op.execute(f"DROP POLICY IF EXISTS {table}_definer ON public.{table}")
        op.execute(f"REVOKE ALL ON public.{table} FROM {OWNER}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {OWNER}")
    op.execute(
        f"REVOKE EXECUTE ON FUNCTION public.{security.MY_ROLE}(), public.{security.MY_FACILITY}(), "
        f"public.reviewdesk_guard_item() FROM {OWNER}"
    )
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {OWNER}")
    # The role stays: it is the cluster's, other databases may use it.
