"""Perceptual hashes of the pictures, and who else used the same picture (issue #21 items 3 and 4).

Revision ID: 0012
Revises: 0009
Create Date: 2026-12-07

``image_hashes``: one row per document, written once by the workstation that opened it first
(reviewer_app/sync/image_hashes.py): documents/perceptual.py's 1024 bits in hex, NULL for a
document that is not a picture.

On PostgreSQL the table is behind the facility wall (reviewers and supervisors read and insert their
own facility's rows, for a document of that facility; nobody updates or deletes; a counsellor neither). Whether another family used the same
picture must look across the walls, and say no more than the wall allows: the SECURITY DEFINER
function ``reviewdesk_reused_images`` answers for a document of the caller's own facility only, and
names the other item (kind, id, status) only when it is in the caller's facility; for other
facilities it gives rows without names, which the desk counts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp"
REUSED = "reviewdesk_reused_images(integer, integer)"

#: Each document with its family (the applicant behind an application, or behind a post's service).
_HASHED = """
    SELECT h.document_id, ('x' || h.hash)::bit(1024) AS bits, d.facility_id, d.kind,
           CASE WHEN d.application_id IS NOT NULL THEN 'application' ELSE 'post' END AS item_kind,
           COALESCE(d.application_id, d.post_id) AS item_id,
           COALESCE(a.status, p.status) AS item_status,
           COALESCE(a.applicant_id, s.applicant_id) AS applicant_id
    FROM public.image_hashes h
    JOIN public.documents d ON d.id = h.document_id AND d.facility_id = h.facility_id
    LEFT JOIN public.service_applications a ON a.id = d.application_id
    LEFT JOIN public.posts p ON p.id = d.post_id
    LEFT JOIN public.service_applications s ON s.id = p.service_id
    WHERE h.hash IS NOT NULL AND pg_catalog.length(h.hash) = 256"""

REUSED_SQL = f"""
CREATE OR REPLACE FUNCTION reviewdesk_reused_images(p_document_id integer, p_max_percent integer)
RETURNS TABLE (document_id integer, item_kind text, item_id integer, item_status text)
LANGUAGE sql STABLE {_DEFINER} AS $$
    WITH hashed AS ({_HASHED}),
    mine AS (
        SELECT * FROM hashed WHERE hashed.document_id = p_document_id
          AND hashed.facility_id = public.reviewdesk_my_facility()
    )
    SELECT CASE WHEN o.facility_id = m.facility_id THEN o.document_id END,
           CASE WHEN o.facility_id = m.facility_id THEN o.item_kind END,
           CASE WHEN o.facility_id = m.facility_id THEN o.item_id END,
           CASE WHEN o.facility_id = m.facility_id THEN o.item_status END
    FROM mine m JOIN hashed o ON o.document_id <> m.document_id
     AND o.applicant_id IS DISTINCT FROM m.applicant_id
    -- documents/perceptual.py's distance: the share of the bits set in either that differ; forms
    -- drawn on one design (ID cards, relationship proofs) only when the very same picture
    WHERE 100 * pg_catalog.bit_count(o.bits # m.bits)
          / GREATEST(1, pg_catalog.bit_count(o.bits | m.bits))
          <= CASE WHEN m.kind IN ('id_document', 'relationship_proof') THEN 0 ELSE p_max_percent END
    ORDER BY o.facility_id <> m.facility_id, o.document_id
$$"""


def upgrade() -> None:
    op.create_table(
        "image_hashes",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=256), nullable=True),
        sa.Column("hashed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_image_hashes_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_image_hashes_facility_id_facilities")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_image_hashes")),
    )
    with op.batch_alter_table("image_hashes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_image_hashes_facility_id"), ["facility_id"], unique=False)
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: one workstation, no walls; reviewer_app/sync/image_hashes.py compares in Python
    # Reviewers and supervisors, who decide; a counsellor (need-to-know, 0009) has no use for them.
    deciders = {"reviewer": "SELECT, INSERT", "supervisor": "SELECT, INSERT"}
    for sql in security.wall_facility_table("image_hashes", grants=deciders):
        op.execute(sql)
    # A hash is written for a document of the row's own facility only.
    op.execute(
        "CREATE POLICY image_hashes_own_document ON image_hashes AS RESTRICTIVE FOR INSERT "
        f"TO {security.STAFF_GROUP} WITH CHECK (EXISTS (SELECT 1 FROM documents d "
        "WHERE d.id = image_hashes.document_id AND d.facility_id = image_hashes.facility_id))"
    )
    op.execute(REUSED_SQL)
    op.execute(f"REVOKE ALL ON FUNCTION {REUSED} FROM PUBLIC")
    for role in deciders:
        op.execute(f"GRANT EXECUTE ON FUNCTION {REUSED} TO {security.GROUP_ROLES[role]}")
    op.execute(security.HAND_OVER_TO_OWNER.replace("{owner}", security.SCHEMA_OWNER))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {REUSED}")
    op.drop_table("image_hashes")
