"""Four eyes for what weighs most (issue 21, item 1).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

* ``facilities.four_eyes`` (on by default) and ``second_looks``: an application's approval, a
  suspension lifted or shortened, waits there for a second staff member of the facility
  (reviewer_app/shared_db/models/second_look.py). The application stays ``pending`` (the family sees
  審核中) at a new version, so the portal cannot change its documents and no workstation claims it.
* PostgreSQL: staff read the facility's second looks and write them only through two SECURITY DEFINER
  functions: ``reviewdesk_first_look`` (the push of an approval, a supervisor's lift or shorten) and
  ``reviewdesk_second_look`` (confirm or send back: never by the first decision's author, RD403; a look
  someone else settled meanwhile is RD409 naming who and when). Triggers make every other way fail:
  an application becomes approved only with a confirmed second look of its version (whoever writes,
  reviewdesk_decide included), changes no status while its look waits, and a supervisor's own UPDATE
  that lifts or shortens a suspension is refused where four eyes are on (a dismissal of the strike
  that started it, R2, still ends it).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OWNER = security.SCHEMA_OWNER
R, V = (security.GROUP_ROLES[r] for r in ("reviewer", "supervisor"))
_HEADER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
SKEW = "interval '5 minutes'"

FIRST_LOOK = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_first_look(p jsonb) RETURNS text
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    v_subject text := p->>'subject';
    who public.staff := public.reviewdesk_acting_staff(p->>'staff_username',
        CASE WHEN p->>'subject' = 'application' THEN ARRAY['reviewer', 'supervisor'] ELSE ARRAY['supervisor'] END);
    v_id integer := (p->>'subject_id')::integer;
    v_at timestamptz := (p->>'at')::timestamptz;
    v_version integer;
    v_status text;
    sus public.suspensions;
BEGIN
    IF who.facility_id IS DISTINCT FROM (p->>'facility_id')::integer THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = format('%s 不屬於此機關，未套用', who.username);
    END IF;
    IF v_at IS NULL OR v_at > now() + {SKEW} THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '決定時間晚於共用資料庫的時間，請檢查工作站的時鐘';
    END IF;
    IF EXISTS (SELECT FROM public.second_looks l WHERE l.first_key = p->>'key' AND l.facility_id = who.facility_id) THEN
        RETURN 'already';
    END IF;
    IF NOT (SELECT f.four_eyes FROM public.facilities f WHERE f.id = who.facility_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '本機關未啟用四眼覆核，請直接決定';
    END IF;
    IF v_subject = 'application' THEN
        SELECT t.version, t.status INTO v_version, v_status FROM public.service_applications t
        WHERE t.id = v_id AND t.facility_id = who.facility_id FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '本機關的共用資料庫中沒有此案件，本決定未套用';
        END IF;
        IF v_version <> (p->>'item_version')::integer OR v_status NOT IN ('pending', 'held') THEN
            RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '案件在共用資料庫中已變更，本工作站的決定未套用，請重新審核';
        END IF;
        -- Still 審核中 for the family; a new version, so neither the portal nor a claim touches it.
        UPDATE public.service_applications SET version = version + 1,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL WHERE id = v_id;
        v_version := v_version + 1;
    ELSIF v_subject IN ('suspension_lift', 'suspension_shorten') THEN
        SELECT * INTO sus FROM public.suspensions x WHERE x.id = v_id AND x.facility_id = who.facility_id FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '找不到這筆停權紀錄（或不屬於本機關）';
        END IF;
        IF sus.lifted_at IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '此停權已解除';
        END IF;
        IF v_subject = 'suspension_shorten' AND ((p->>'proposed_ends_at')::timestamptz IS NULL
            OR (p->>'proposed_ends_at')::timestamptz >= sus.ends_at
            OR (p->>'proposed_ends_at')::timestamptz < sus.starts_at) THEN
            RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '新的結束日須早於原結束日、不早於停權開始日';
        END IF;
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '不明的覆核項目，未套用';
    END IF;
    IF EXISTS (SELECT FROM public.second_looks l WHERE l.subject = v_subject AND l.subject_id = v_id AND l.state = 'waiting') THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '此項目已有一筆待覆核的決定';
    END IF;
    INSERT INTO public.second_looks (facility_id, subject, subject_id, item_version, first_key, first_staff,
        first_workstation, first_at, first_note, proposed_ends_at, state)
    VALUES (who.facility_id, v_subject, v_id, CASE WHEN v_subject = 'application' THEN v_version END,
        p->>'key', who.username, left(p->>'workstation', 100), v_at, left(p->>'note', 300),
        (p->>'proposed_ends_at')::timestamptz, 'waiting');
    RETURN 'applied';
END $$"""

SECOND_LOOK = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_second_look(p jsonb) RETURNS text
LANGUAGE plpgsql VOLATILE {_HEADER} AS $$
DECLARE
    who public.staff := public.reviewdesk_acting_staff(p->>'staff_username', ARRAY['reviewer', 'supervisor']);
    v_verdict text := p->>'verdict';
    v_at timestamptz := (p->>'at')::timestamptz;
    v_note text := nullif(btrim(coalesce(p->>'note', '')), '');
    l public.second_looks;
BEGIN
    IF v_at IS NULL OR v_at > now() + {SKEW} OR v_verdict NOT IN ('confirm', 'send_back') THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '覆核的內容不完整或時間晚於共用資料庫的時間';
    END IF;
    SELECT * INTO l FROM public.second_looks x
    WHERE x.id = (p->>'look_id')::integer AND x.facility_id = who.facility_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'RD404', MESSAGE = '本機關沒有這筆待覆核的決定';
    END IF;
    IF l.state <> 'waiting' THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = format('已由 %s 於 %s %s，您的覆核未套用',
            l.second_staff, to_char(l.second_at AT TIME ZONE 'Asia/Taipei', 'YYYY/MM/DD HH24:MI'),
            CASE l.state WHEN 'confirmed' THEN '確認' ELSE '退回' END);
    END IF;
    IF l.first_staff = who.username THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = '不能覆核自己作成的決定（四眼原則），請由本機關另一位同仁覆核';
    END IF;
    IF l.subject <> 'application' AND who.role <> 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403', MESSAGE = '停權的解除或縮短須由另一位業務主管覆核';
    END IF;
    IF v_verdict = 'send_back' AND (v_note IS NULL OR length(v_note) < 2) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '退回請寫明原因（至少 2 個字）';
    END IF;
    UPDATE public.second_looks SET state = CASE v_verdict WHEN 'confirm' THEN 'confirmed' ELSE 'sent_back' END,
        second_staff = who.username, second_workstation = left(p->>'workstation', 100), second_at = v_at,
        second_note = left(v_note, 300)
    WHERE id = l.id;
    IF l.subject = 'application' THEN
        IF v_verdict = 'confirm' THEN
            UPDATE public.service_applications SET status = 'approved', version = version + 1, decided_at = v_at
            WHERE id = l.subject_id AND version = l.item_version AND status IN ('pending', 'held');
        ELSE  -- back to the queue, at a new version: the first decision is not applied
            UPDATE public.service_applications SET version = version + 1
            WHERE id = l.subject_id AND version = l.item_version;
        END IF;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '案件在共用資料庫中已變更，覆核未套用';
        END IF;
        IF v_verdict = 'confirm' THEN
            INSERT INTO public.decisions (idempotency_key, facility_id, item_kind, item_id, item_version, outcome,
                reason_codes, message_to_family, note, staff_username, workstation, decided_at, applied_at)
            VALUES (l.first_key, l.facility_id, 'application', l.subject_id, l.item_version, 'approve', '[]',
                NULL, l.first_note, l.first_staff, l.first_workstation, l.first_at, now());
        END IF;
    ELSIF v_verdict = 'confirm' THEN
        IF l.subject = 'suspension_lift' THEN
            UPDATE public.suspensions SET lifted_at = v_at, lifted_by = l.first_staff, lift_reason = l.first_note
            WHERE id = l.subject_id AND lifted_at IS NULL;
        ELSE
            UPDATE public.suspensions SET ends_at = l.proposed_ends_at
            WHERE id = l.subject_id AND lifted_at IS NULL AND ends_at > l.proposed_ends_at;
        END IF;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'RD409', MESSAGE = '此停權已被變更（已解除或已縮短），覆核未套用';
        END IF;
    END IF;
    RETURN CASE v_verdict WHEN 'confirm' THEN 'confirmed' ELSE 'sent_back' END;
END $$"""

# Whoever writes (reviewdesk_decide and decide_many included): no approval of an application without a
# confirmed second look of the version approved, and no status change while its first decision waits.
GUARD_APPLICATION = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_guard_four_eyes_application() RETURNS trigger
LANGUAGE plpgsql {_HEADER} AS $$
BEGIN
    IF NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.version IS NOT DISTINCT FROM OLD.version THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT FROM public.second_looks l WHERE l.subject = 'application' AND l.subject_id = OLD.id
               AND l.state = 'waiting') THEN
        RAISE EXCEPTION USING ERRCODE = 'RD409',
            MESSAGE = '此申請的核准正等待本機關另一位同仁覆核（待覆核），不能另作決定';
    END IF;
    IF NEW.status = 'approved' AND OLD.status <> 'approved'
       AND (SELECT f.four_eyes FROM public.facilities f WHERE f.id = NEW.facility_id)
       AND NOT EXISTS (SELECT FROM public.second_looks l WHERE l.subject = 'application'
                       AND l.subject_id = OLD.id AND l.item_version = OLD.version AND l.state = 'confirmed'
                       AND l.second_staff <> l.first_staff) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = '服務申請的核准須由本機關另一位同仁覆核（四眼原則），本決定未套用';
    END IF;
    RETURN NEW;
END $$"""

# A supervisor's own UPDATE (0007 left them the lift and shorten columns): refused where four eyes are
# on, unless it ends the suspension because they dismissed the strike that started it (R2).
GUARD_SUSPENSION = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_guard_four_eyes_suspension() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF public.{security.MY_ROLE}() IS NULL OR current_user = '{OWNER}' THEN  -- not a staff login's own hand
        RETURN NEW;
    END IF;
    IF (NEW.lifted_at IS DISTINCT FROM OLD.lifted_at OR NEW.ends_at < OLD.ends_at)
       AND (SELECT f.four_eyes FROM public.facilities f WHERE f.id = OLD.facility_id)
       AND NOT (NEW.lifted_at IS NOT NULL AND EXISTS (
           SELECT FROM public.strikes st WHERE st.service_id = OLD.service_id
           AND st.dismissed_at = NEW.lifted_at AND st.dismissed_by = session_user)) THEN
        RAISE EXCEPTION USING ERRCODE = 'RD403',
            MESSAGE = '解除或縮短停權須由本機關另一位業務主管覆核（四眼原則），未套用';
    END IF;
    RETURN NEW;
END $$"""

FUNCTIONS = {
    "reviewdesk_first_look(jsonb)": f"{R}, {V}",
    "reviewdesk_second_look(jsonb)": f"{R}, {V}",
    "reviewdesk_guard_four_eyes_application()": "",
    "reviewdesk_guard_four_eyes_suspension()": "",
}
TRIGGERS = {
    "service_applications": "reviewdesk_guard_four_eyes_application",
    "suspensions": "reviewdesk_guard_four_eyes_suspension",
}
#: 0007's claim, matched where it picks applications, and what a waiting one adds to the condition.
_CLAIM_APPLICATIONS = (
    "FROM public.service_applications t\n"
    "        WHERE t.facility_id = who.facility_id AND t.facility_id = p_facility_id AND t.status IN ('held', 'pending')\n"
)
_NOT_WAITING = (
    "          AND NOT EXISTS (SELECT FROM public.second_looks l WHERE l.subject = 'application'\n"
    "                          AND l.subject_id = t.id AND l.state = 'waiting')\n"
)


def _claim_sql(with_four_eyes: bool) -> str:
    spec = importlib.util.spec_from_file_location(
        "reviewdesk_migration_0007", Path(__file__).with_name("0007_decide_through_functions.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    claim: str = module.CLAIM
    assert _CLAIM_APPLICATIONS in claim, "0007's claim changed: update 0010"
    return claim.replace(_CLAIM_APPLICATIONS, _CLAIM_APPLICATIONS + _NOT_WAITING) if with_four_eyes else claim


def upgrade() -> None:
    op.add_column(
        "facilities", sa.Column("four_eyes", sa.Boolean(), server_default=sa.true(), nullable=False)
    )
    op.create_table(
        "second_looks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("item_version", sa.Integer(), nullable=True),
        sa.Column("first_key", sa.String(length=36), nullable=False),
        sa.Column("first_staff", sa.String(length=63), nullable=False),
        sa.Column("first_workstation", sa.String(length=100), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_note", sa.String(length=300), nullable=True),
        sa.Column("proposed_ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("second_staff", sa.String(length=63), nullable=True),
        sa.Column("second_workstation", sa.String(length=100), nullable=True),
        sa.Column("second_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("second_note", sa.String(length=300), nullable=True),
        sa.CheckConstraint(
            "subject IN ('application', 'suspension_lift', 'suspension_shorten')",
            name=op.f("ck_second_looks_subject_known"),
        ),
        sa.CheckConstraint(
            "state IN ('waiting', 'confirmed', 'sent_back')", name=op.f("ck_second_looks_state_known")
        ),
        sa.CheckConstraint(
            "second_staff IS NULL OR second_staff <> first_staff",
            name=op.f("ck_second_looks_second_not_first"),
        ),
        sa.CheckConstraint(
            "(state = 'waiting') = (second_staff IS NULL AND second_at IS NULL)",
            name=op.f("ck_second_looks_second_when_done"),
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_second_looks_facility_id_facilities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_second_looks")),
        sa.UniqueConstraint("first_key", name=op.f("uq_second_looks_first_key")),
    )
    op.create_index(
        "uq_second_looks_one_waiting",
        "second_looks",
        ["subject", "subject_id"],
        unique=True,
        sqlite_where=sa.text("state = 'waiting'"),
        postgresql_where=sa.text("state = 'waiting'"),
    )
    op.create_index("ix_second_looks_queue", "second_looks", ["facility_id", "state", "first_at"])
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: the push and reviewer_app/supervision/second_looks.py check in Python
    for sql in security.wall_facility_table("second_looks", {"staff": "SELECT"}):
        op.execute(sql)
    op.execute(
        f"CREATE POLICY second_looks_definer ON public.second_looks FOR ALL TO {OWNER} USING (true) WITH CHECK (true)"
    )
    for sql in (FIRST_LOOK, SECOND_LOOK, GUARD_APPLICATION, GUARD_SUSPENSION, _claim_sql(True)):
        op.execute(sql)
    for table, function in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {table}_four_eyes BEFORE UPDATE ON public.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION public.{function}()"
        )
    for signature, grantees in FUNCTIONS.items():
        op.execute(f"REVOKE ALL ON FUNCTION public.{signature} FROM PUBLIC")
        if grantees:
            op.execute(f"GRANT EXECUTE ON FUNCTION public.{signature} TO {grantees}")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", OWNER))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_four_eyes ON public.{table}")
        for signature in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS public.{signature}")
        op.execute(_claim_sql(False))
        op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", OWNER))
    op.drop_index("ix_second_looks_queue", table_name="second_looks")
    op.drop_index("uq_second_looks_one_waiting", table_name="second_looks")
    op.drop_table("second_looks")
    with op.batch_alter_table("facilities", schema=None) as batch_op:
        batch_op.drop_column("four_eyes")
