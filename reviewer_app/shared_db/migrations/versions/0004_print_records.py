"""Print records and hand-overs: counsellors print approved posts and record the hand-over.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

On PostgreSQL both tables go behind the walls the way 0003 prescribes
(reviewer_app.access.roles.wall_facility_table): staff read their own facility's rows, counsellors and
supervisors insert them, nobody updates or deletes them; a row is inserted only under the member's own
name and only for a post of the same facility.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

GRANTS = {"staff": "SELECT", "counsellor": "INSERT", "supervisor": "INSERT"}
#: table -> the column holding the inserting member's username
OWN_NAME = {"print_records": "printed_by", "handovers": "recorded_by"}


def upgrade() -> None:
    op.create_table(
        "print_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("batch_key", sa.String(length=36), nullable=True),
        sa.Column("printed_by", sa.String(length=63), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("reprint_reason", sa.String(length=300), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("copies >= 1", name=op.f("ck_print_records_copies_positive")),
        sa.CheckConstraint(
            "NOT reprint OR reprint_reason IS NOT NULL", name=op.f("ck_print_records_reprint_has_reason")
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_print_records_facility_id_facilities")
        ),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_print_records_post_id_posts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_records")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_print_records_idempotency_key")),
    )
    with op.batch_alter_table("print_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_records_batch_key"), ["batch_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_records_facility_id"), ["facility_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_records_post_id"), ["post_id"], unique=False)

    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=36), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=True),
        sa.Column("handed_over_by", sa.String(length=60), nullable=False),
        sa.Column("handed_over_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipient", sa.String(length=60), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("recorded_by", sa.String(length=63), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('delivered', 'undeliverable')", name=op.f("ck_handovers_outcome_known")
        ),
        sa.CheckConstraint(
            "reason IS NULL OR reason IN ('transferred', 'released', 'other')",
            name=op.f("ck_handovers_reason_known"),
        ),
        sa.CheckConstraint(
            "(outcome = 'delivered' AND reason IS NULL) OR (outcome = 'undeliverable' AND reason IS NOT NULL)",
            name=op.f("ck_handovers_undeliverable_has_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_handovers_facility_id_facilities")
        ),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_handovers_post_id_posts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_handovers_idempotency_key")),
    )
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handovers_facility_id"), ["facility_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_handovers_post_id"), ["post_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        for table, own_name in OWN_NAME.items():
            for sql in security.wall_facility_table(table, GRANTS):
                op.execute(sql)
            # Inserted under the member's own name, for a post of the same facility (the foreign key
            # alone would accept another facility's post id: key checks pass the walls).
            op.execute(
                f"CREATE POLICY {table}_own_name ON {table} AS RESTRICTIVE FOR INSERT "
                f"TO {security.STAFF_GROUP} WITH CHECK ({own_name} = session_user AND EXISTS "
                f"(SELECT 1 FROM posts p WHERE p.id = {table}.post_id AND p.facility_id = {table}.facility_id))"
            )


def downgrade() -> None:
    # Dropping a table drops its policies and grants with it.
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handovers_post_id"))
        batch_op.drop_index(batch_op.f("ix_handovers_facility_id"))
    op.drop_table("handovers")
    with op.batch_alter_table("print_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_records_post_id"))
        batch_op.drop_index(batch_op.f("ix_print_records_facility_id"))
        batch_op.drop_index(batch_op.f("ix_print_records_batch_key"))
    op.drop_table("print_records")
