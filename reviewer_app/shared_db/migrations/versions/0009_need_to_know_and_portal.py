"""Need-to-know for counsellors, and the family portal's own door (issue #19 items 5 and 6).

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-07

PostgreSQL only (SQLite has no roles: there the app reads no identity data for a counsellor, see
reviewer_app/printing/queue.py):

* Need-to-know (PDPA). A counsellor (輔導員) prints posts and records hand-overs; they read no
  applicant's national ID, birth date, e-mail or phone, no child's name or birth date, and of the documents
  only post attachments (no identity document, relationship proof or applicant photo, nor their
  bytes). Column privileges on applicants and children (the other staff groups keep whole rows) and
  restrictive row policies on documents and document_blobs by kind
  (reviewer_app.access.roles.read_columns_only / documents_of_kinds_only).
* The portal's door. The group role ``reviewdesk_portal`` (IT grants it to the portal's one login)
  reads no table and writes none directly: it may only call the ``reviewdesk_portal_*`` functions
  below, SECURITY DEFINER, which register a family, submit an application or a post (always
  ``pending``, version 1, at the server's time, under the family's own service) and attach documents
  to the family's own items while they are still pending and unclaimed, and read a family's
  statuses, the reasons written for the family and the end of a running suspension. The portal
  names the family; the database cannot tell which family is behind a web request, so the portal's
  own sign-in of families is the trust boundary (docs/PORTAL.md says what that means).

Down again: whole rows for every staff group, no kind policies, the portal functions dropped (the
group role stays: it is the cluster's).
"""

from __future__ import annotations

from alembic import op

from reviewer_app.access import roles as security

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COUNSELLOR = "counsellor"
# Frozen here: what a counsellor's printout and hand-over need, nothing more.
COUNSELLOR_COLUMNS = {
    "applicants": ("id", "name"),
    "children": ("id", "inmate_id"),  # that a child exists; not their name, not their birth date
}
COUNSELLOR_DOCUMENT_KINDS = ("post_attachment",)

P = security.PORTAL_GROUP
#: Hardened like every function of the walls: the catalogue first, temporary objects last.
_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"

PORTAL_FUNCTIONS = {
    "reviewdesk_portal_register(text, text, text, date, text)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_register(
    p_email text, p_name text, p_national_id text, p_birth_date date, p_phone text)
RETURNS integer LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    new_id integer;
BEGIN
    INSERT INTO public.applicants (email, name, national_id, birth_date, phone, registered_at)
    VALUES (p_email, p_name, p_national_id, p_birth_date, p_phone, pg_catalog.now())
    RETURNING id INTO new_id;
    RETURN new_id;
END $$""",
    "reviewdesk_portal_applicant_id(text)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_applicant_id(p_email text)
RETURNS integer LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT id FROM public.applicants WHERE email = p_email
$$""",
    # E6: the portal shows the call number's surname for the family to confirm; nothing else of the inmate.
    "reviewdesk_portal_inmate_surname(text, text)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_inmate_surname(p_facility_code text, p_call_number text)
RETURNS text LANGUAGE sql STABLE {_DEFINER} AS $$
    SELECT pg_catalog.left(i.name, 1) FROM public.inmates i JOIN public.facilities f ON f.id = i.facility_id
    WHERE f.code = p_facility_code AND i.call_number = p_call_number AND i.custody = 'in_custody'
$$""",
    "reviewdesk_portal_apply(integer, text, text, text, boolean)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_apply(
    p_applicant_id integer, p_facility_code text, p_call_number text, p_relationship text,
    p_surname_confirmed boolean)
RETURNS integer LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    the_inmate public.inmates%ROWTYPE;
    new_id integer;
BEGIN
    IF NOT EXISTS (SELECT FROM public.applicants WHERE id = p_applicant_id) THEN
        RAISE EXCEPTION 'no such family';
    END IF;
    SELECT i.* INTO the_inmate FROM public.inmates i JOIN public.facilities f ON f.id = i.facility_id
    WHERE f.code = p_facility_code AND i.call_number = p_call_number AND i.custody = 'in_custody';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no inmate with this call number at this facility';
    END IF;
    INSERT INTO public.service_applications (facility_id, applicant_id, inmate_id, relationship,
        call_number_entered, surname_confirmed, status, version, submitted_at)
    VALUES (the_inmate.facility_id, p_applicant_id, the_inmate.id, p_relationship, p_call_number,
        p_surname_confirmed, 'pending', 1, pg_catalog.now())
    RETURNING id INTO new_id;
    RETURN new_id;
END $$""",
    # A post under the family's own service. P1 and every other rule are the reviewers' to judge (a
    # post under a service not approved is rejected with its reason), so only ownership is checked.
    "reviewdesk_portal_post(integer, integer, text, text)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_post(
    p_applicant_id integer, p_service_id integer, p_title text, p_body text)
RETURNS integer LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    the_facility integer;
    new_id integer;
BEGIN
    SELECT facility_id INTO the_facility FROM public.service_applications
    WHERE id = p_service_id AND applicant_id = p_applicant_id;
    IF NOT FOUND THEN  -- the same words whether it is another family's or does not exist
        RAISE EXCEPTION 'no such service for this family';
    END IF;
    INSERT INTO public.posts (facility_id, service_id, title, body, status, version, submitted_at)
    VALUES (the_facility, p_service_id, p_title, p_body, 'pending', 1, pg_catalog.now())
    RETURNING id INTO new_id;
    RETURN new_id;
END $$""",
    # A document for the family's own item, while nobody has decided, held or claimed it: what a
    # reviewer has opened never changes under them. The bytes (embedded) or an https URL of the portal's
    # store with its size and SHA-256; type and size are judged from the bytes by the desk (R7).
    "reviewdesk_portal_attach(integer, text, integer, text, text, text, bytea, text, bigint, text)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_attach(
    p_applicant_id integer, p_item_kind text, p_item_id integer, p_kind text, p_filename text,
    p_mime_type text, p_data bytea DEFAULT NULL, p_url text DEFAULT NULL, p_size_bytes bigint DEFAULT NULL,
    p_sha256 text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql {_DEFINER} AS $$
DECLARE
    the_facility integer;
    new_id integer;
BEGIN
    IF p_item_kind = 'application' THEN
        SELECT a.facility_id INTO the_facility FROM public.service_applications a
        WHERE a.id = p_item_id AND a.applicant_id = p_applicant_id AND a.status = 'pending'
          AND a.version = 1 AND (a.claim_expires_at IS NULL OR a.claim_expires_at < pg_catalog.now())
        FOR UPDATE;
    ELSIF p_item_kind = 'post' THEN
        SELECT p.facility_id INTO the_facility FROM public.posts p
        JOIN public.service_applications a ON a.id = p.service_id
        WHERE p.id = p_item_id AND a.applicant_id = p_applicant_id AND p.status = 'pending'
          AND p.version = 1 AND (p.claim_expires_at IS NULL OR p.claim_expires_at < pg_catalog.now())
        FOR UPDATE OF p;
    END IF;
    IF the_facility IS NULL THEN
        RAISE EXCEPTION 'not an item of this family that may still change';
    END IF;
    IF (p_item_kind = 'application' AND p_kind NOT IN ('id_document', 'relationship_proof', 'applicant_photo'))
       OR (p_item_kind = 'post' AND p_kind <> 'post_attachment') THEN
        RAISE EXCEPTION 'document kind % does not belong to a %', p_kind, p_item_kind;
    END IF;
    IF (p_data IS NULL) = (p_url IS NULL) THEN
        RAISE EXCEPTION 'a document is either its bytes or a URL of the portal''s store';
    END IF;
    IF p_url IS NOT NULL AND (p_url !~ '^https://' OR p_size_bytes IS NULL OR p_size_bytes < 0
                              OR p_sha256 IS NULL OR p_sha256 !~ '^[0-9a-f]{{64}}$') THEN
        RAISE EXCEPTION 'a stored document needs an https URL, its size and its SHA-256';
    END IF;
    INSERT INTO public.documents (facility_id, application_id, post_id, kind, filename, mime_type,
        size_bytes, sha256, storage, url, uploaded_at)
    VALUES (the_facility,
        CASE WHEN p_item_kind = 'application' THEN p_item_id END,
        CASE WHEN p_item_kind = 'post' THEN p_item_id END,
        p_kind, p_filename, p_mime_type,
        COALESCE(pg_catalog.octet_length(p_data), p_size_bytes),
        COALESCE(pg_catalog.encode(pg_catalog.sha256(p_data), 'hex'), p_sha256),
        CASE WHEN p_data IS NULL THEN 'url' ELSE 'embedded' END, p_url, pg_catalog.now())
    RETURNING id INTO new_id;
    IF p_data IS NOT NULL THEN
        INSERT INTO public.document_blobs (document_id, data) VALUES (new_id, p_data);
    END IF;
    RETURN new_id;
END $$""",
    # What the family reads: each of their items' status, the latest decision's words for the family
    # (never its staff note), why a held post waits, and when a running suspension of the service ends.
    "reviewdesk_portal_family(integer)": f"""
CREATE OR REPLACE FUNCTION reviewdesk_portal_family(p_applicant_id integer)
RETURNS TABLE (item_kind text, item_id integer, service_id integer, status text,
               submitted_at timestamptz, decided_at timestamptz, message_to_family text,
               held_reason text, suspended_until timestamptz)
LANGUAGE sql STABLE {_DEFINER} AS $$
    WITH apps AS (
        SELECT a.id, a.status, a.submitted_at, a.decided_at FROM public.service_applications a
        WHERE a.applicant_id = p_applicant_id
    ), items AS (
        SELECT 'application'::text AS kind, a.id, a.id AS service, a.status::text AS status,
               a.submitted_at, a.decided_at, NULL::text AS held
        FROM apps a
        UNION ALL
        SELECT 'post', p.id, p.service_id, p.status::text, p.submitted_at, p.decided_at, p.held_reason::text
        FROM public.posts p JOIN apps a ON a.id = p.service_id
    ), running AS (
        SELECT s.service_id, pg_catalog.max(s.ends_at) AS ends_at FROM public.suspensions s
        JOIN apps a ON a.id = s.service_id
        WHERE s.lifted_at IS NULL AND s.ends_at > pg_catalog.now()
        GROUP BY s.service_id
    )
    SELECT i.kind, i.id, i.service, i.status, i.submitted_at, i.decided_at,
           (SELECT d.message_to_family FROM public.decisions d
            WHERE d.item_kind = i.kind AND d.item_id = i.id
            ORDER BY d.decided_at DESC, d.id DESC LIMIT 1),
           i.held, r.ends_at
    FROM items i LEFT JOIN running r ON r.service_id = i.service
    ORDER BY i.submitted_at, i.kind, i.id
$$""",
}


def _need_to_know() -> None:
    for table, columns in COUNSELLOR_COLUMNS.items():
        for sql in security.read_columns_only(table, columns, COUNSELLOR):
            op.execute(sql)
    for sql in security.documents_of_kinds_only(COUNSELLOR_DOCUMENT_KINDS, COUNSELLOR):
        op.execute(sql)


def _portal_door() -> None:
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{P}') THEN "
        f"CREATE ROLE {P} NOLOGIN; END IF; END $$"
    )
    # Before PostgreSQL 15 every role may create tables in public: the portal (and staff) may not.
    op.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    op.execute(f"GRANT USAGE ON SCHEMA public TO {P}")
    for signature, sql in PORTAL_FUNCTIONS.items():
        op.execute(sql)
        op.execute(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {signature} TO {P}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: no roles; the app reads no identity data for a counsellor
    _need_to_know()
    _portal_door()
    # The portal's functions run as the schema owner (0008), not as whoever ran this migration.
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for signature in PORTAL_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute(f"REVOKE ALL ON SCHEMA public FROM {P}")
    for sql in security.all_document_kinds_again(COUNSELLOR):
        op.execute(sql)
    for table in COUNSELLOR_COLUMNS:
        for sql in security.read_whole_rows_again(table):
            op.execute(sql)
