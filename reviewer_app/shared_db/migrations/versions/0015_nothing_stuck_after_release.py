"""Nothing stuck after a release, and a family's strikes follow a transfer (issue 22, follow-up).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

* Every facility's catalogue gets INMATE_RELEASED (both kinds, not a strike): the reason a reviewer
  rejects with once the inmate was released (core/rules/custody.py). A facility added later gets it
  from the default catalogue.
* A post approved for a released inmate — whatever the path: a decision online, one decided offline
  and pushed later, an appeal — is closed at once as undeliverable (出監) with the words the family
  reads: a trigger on ``posts`` in both databases. On PostgreSQL a post handed back to the list
  (放回待列印 from a stale list) is refused there (RD422, a conflict the counsellor sees); on SQLite
  the push refuses it first (sync/push_records.py). On PostgreSQL it
  runs as the schema owner: a staff login cannot skip it nor write the hand-over row itself.
* ``reviewdesk_record_release`` also closes posts undeliverable for another reason (the family now
  reads the release's words, not "will be handed over later"), and rejects the pending and held posts
  and applications
  with INMATE_RELEASED (a decision by 機關紀錄, not a strike, versions bumped and claims dropped: a
  workstation holding one gets a visible conflict at its push). shared_db/movements.py says why.
* ``reviewdesk_record_transfer`` also moves the family's strikes and suspensions with its service:
  a family with 2 strikes, or suspended, at the old facility is so at the new one (P7).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

from reviewer_app.access import roles as security

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
#: Frozen here (core/rules/delivery.py and core/reasons.py have them for the application).
RELEASED_FOR_FAMILY = "收容人已出監，本則家庭聯絡簿無法轉交，已結案。"
NO_RETURN_AFTER_RELEASE = "收容人已出監，此聯絡簿已結案，不能放回待列印；轉交紀錄未套用"
FROM_RECORDS = "機關紀錄"
REASON = {
    "code": "INMATE_RELEASED",
    "text": "收容人已出監，本案無法審核通過，非家屬之因素，不列入退件次數。",
    "suggestion": "收容人出監後無須再透過本機關傳送家庭聯絡簿；如有疑問，請洽本機關聯繫窗口（社工師）。",
}

# ---- both databases: an approval for a released inmate closes at once ------------------------------

_RELEASED = (
    "EXISTS (SELECT 1 FROM service_applications a JOIN inmates i ON i.id = a.inmate_id "
    "WHERE a.id = NEW.service_id AND i.custody = 'released')"
)
SQLITE_TRIGGER = f"""
CREATE TRIGGER posts_released_closes AFTER UPDATE OF status ON posts
FOR EACH ROW WHEN NEW.status = 'approved' AND OLD.status <> 'approved' AND {_RELEASED}
BEGIN
    UPDATE posts SET status = 'undeliverable' WHERE id = NEW.id;
    INSERT INTO handovers (idempotency_key, facility_id, post_id, outcome, reason, handed_over_by,
        handed_over_at, note, recorded_by, workstation, recorded_at, applied_at)
    VALUES ('release-' || NEW.id || '-' || NEW.version, NEW.facility_id, NEW.id, 'undeliverable', 'released',
        '{FROM_RECORDS}', strftime('%Y-%m-%d %H:%M:%f000', 'now'), '{RELEASED_FOR_FAMILY}', '{FROM_RECORDS}',
        '{FROM_RECORDS}', strftime('%Y-%m-%d %H:%M:%f000', 'now'), strftime('%Y-%m-%d %H:%M:%f000', 'now'));
END"""

# Named to fire after posts_guard (triggers fire in name order): the guard judges the approval as the
# reviewer made it, this one then closes it.
PG_CLOSE = f"""
CREATE OR REPLACE FUNCTION public.reviewdesk_close_released_approval() RETURNS trigger
LANGUAGE plpgsql {_DEFINER} AS $$
BEGIN
    IF NEW.status = 'approved' AND OLD.status IS DISTINCT FROM 'approved' AND EXISTS (
        SELECT FROM public.service_applications a JOIN public.inmates i ON i.id = a.inmate_id
        WHERE a.id = NEW.service_id AND i.custody = 'released') THEN
        IF OLD.status = 'undeliverable' THEN  -- 放回待列印 on a stale list: a conflict the counsellor sees
            RAISE EXCEPTION USING ERRCODE = 'RD422', MESSAGE = '{NO_RETURN_AFTER_RELEASE}';
        END IF;
        NEW.status := 'undeliverable';
        NEW.claimed_by := NULL;
        NEW.claim_workstation := NULL;
        NEW.claim_expires_at := NULL;
        INSERT INTO public.handovers (idempotency_key, facility_id, post_id, outcome, reason, handed_over_by,
            handed_over_at, note, recorded_by, workstation, recorded_at, applied_at)
        VALUES ('release-' || NEW.id || '-' || NEW.version, NEW.facility_id, NEW.id, 'undeliverable',
            'released', '{FROM_RECORDS}', pg_catalog.now(), '{RELEASED_FOR_FAMILY}', '{FROM_RECORDS}',
            '{FROM_RECORDS}', pg_catalog.now(), pg_catalog.now());
    END IF;
    RETURN NEW;
END $$"""
PG_TRIGGER = (
    "CREATE TRIGGER posts_released_closes BEFORE UPDATE OF status ON public.posts "
    "FOR EACH ROW EXECUTE FUNCTION public.reviewdesk_close_released_approval()"
)

# ---- PostgreSQL: the release and the transfer ---------------------------------------------------

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
    -- Never deliverable now: rejected for the release, not a strike, no reviewer's time spent on them.
    FOR p IN SELECT 'post' AS kind, t.id, t.facility_id, t.version FROM public.posts t
             JOIN public.service_applications a ON a.id = t.service_id
             WHERE a.inmate_id = p_inmate AND t.status IN ('pending', 'held')
             UNION ALL
             SELECT 'application', a.id, a.facility_id, a.version FROM public.service_applications a
             WHERE a.inmate_id = p_inmate AND a.status IN ('pending', 'held')
             ORDER BY 1, 2 LOOP
        IF p.kind = 'post' THEN
            UPDATE public.posts SET status = 'rejected', version = version + 1, decided_at = pg_catalog.now(),
                claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL
            WHERE id = p.id AND version = p.version AND status IN ('pending', 'held');
        ELSE
            UPDATE public.service_applications SET status = 'rejected', version = version + 1,
                decided_at = pg_catalog.now(), claimed_by = NULL, claim_workstation = NULL,
                claim_expires_at = NULL WHERE id = p.id AND version = p.version AND status IN ('pending', 'held');
        END IF;
        CONTINUE WHEN NOT FOUND;  -- decided in the meantime: an approval closes by the trigger
        INSERT INTO public.decisions (idempotency_key, facility_id, item_kind, item_id, item_version, outcome,
            reason_codes, message_to_family, note, staff_username, workstation, decided_at, applied_at)
        VALUES ('release-' || p.kind || '-' || p.id || '-' || p.version, p.facility_id, p.kind, p.id, p.version,
            'reject', '["INMATE_RELEASED"]', NULL, '收容人出監', '{FROM_RECORDS}', '{FROM_RECORDS}',
            pg_catalog.now(), pg_catalog.now());
    END LOOP;
    FOR p IN SELECT t.id, t.facility_id, t.version FROM public.posts t
             JOIN public.service_applications a ON a.id = t.service_id
             WHERE a.inmate_id = p_inmate AND (t.status IN ('approved', 'printed') OR (t.status = 'undeliverable'
                   AND (SELECT h.reason FROM public.handovers h WHERE h.post_id = t.id ORDER BY h.id DESC LIMIT 1)
                       IS DISTINCT FROM 'released'))
             ORDER BY t.id FOR UPDATE OF t LOOP
        UPDATE public.posts SET status = 'undeliverable', version = version + 1,
            claimed_by = NULL, claim_workstation = NULL, claim_expires_at = NULL WHERE id = p.id;
        INSERT INTO public.handovers (idempotency_key, facility_id, post_id, outcome, reason, handed_over_by,
            handed_over_at, note, recorded_by, workstation, recorded_at, applied_at)
        VALUES ('release-' || p.id || '-' || (p.version + 1), p.facility_id, p.id, 'undeliverable', 'released',
            '{FROM_RECORDS}', pg_catalog.now(), '{RELEASED_FOR_FAMILY}', '{FROM_RECORDS}', '{FROM_RECORDS}',
            pg_catalog.now(), pg_catalog.now());
        closed := closed || p.id;
    END LOOP;
    RETURN closed;
END $$"""

#: Where 0014's transfer moves a service; the family's strikes and suspensions go with it (P7).
_SERVICE_MOVES = "        UPDATE public.documents SET facility_id = new_inmate.facility_id WHERE application_id = svc.id;\n"
_RECORD_FOLLOWS = (
    "        UPDATE public.strikes SET facility_id = new_inmate.facility_id WHERE service_id = svc.id;\n"
    "        UPDATE public.suspensions SET facility_id = new_inmate.facility_id WHERE service_id = svc.id;\n"
)


def _revision_0014() -> ModuleType:
    path = Path(__file__).with_name("0014_delivery_and_transfers.py")
    spec = importlib.util.spec_from_file_location("reviewdesk_migration_0014", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _transfer(before: str) -> str:
    assert before.count(_SERVICE_MOVES) == 1, "0014's transfer changed: place the strikes' move again"
    return before.replace(_SERVICE_MOVES, _SERVICE_MOVES + _RECORD_FOLLOWS)


def upgrade() -> None:
    op.execute(
        "INSERT INTO rejection_reasons (facility_id, code, text, suggestion, counts_as_strike, applies_to, "
        "rule_id, active, sort_order) "
        f"SELECT f.id, '{REASON['code']}', '{REASON['text']}', '{REASON['suggestion']}', false, 'both', NULL, "
        "true, coalesce((SELECT r.sort_order - 5 FROM rejection_reasons r WHERE r.facility_id = f.id "
        "AND r.code = 'OTHER_FACILITY'), (SELECT coalesce(max(r.sort_order), 0) + 10 FROM rejection_reasons r "
        "WHERE r.facility_id = f.id)) FROM facilities f WHERE NOT EXISTS (SELECT 1 FROM rejection_reasons r "
        f"WHERE r.facility_id = f.id AND r.code = '{REASON['code']}')"
    )
    if op.get_bind().dialect.name != "postgresql":
        op.execute(SQLITE_TRIGGER)
        return
    before = _revision_0014()
    for sql in (PG_CLOSE, PG_TRIGGER, RELEASE, _transfer(before.TRANSFER)):
        op.execute(sql)
    op.execute("REVOKE ALL ON FUNCTION public.reviewdesk_close_released_approval() FROM PUBLIC")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS posts_released_closes")
    else:
        before = _revision_0014()
        op.execute("DROP TRIGGER IF EXISTS posts_released_closes ON public.posts")
        op.execute("DROP FUNCTION IF EXISTS public.reviewdesk_close_released_approval()")
        op.execute(before.RELEASE)
        op.execute(before.TRANSFER)
        op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))
    # INMATE_RELEASED stays in the catalogues: decisions may name it, and an older desk reads it as any
    # facility reason (as 0006's downgrade keeps E1_ENDED).
