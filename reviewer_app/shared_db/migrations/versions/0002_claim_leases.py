"""Claims with leases: who holds an item, from which workstation, until when.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ITEM_TABLES = ("service_applications", "posts")


def upgrade() -> None:
    for table in _ITEM_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("claimed_by", sa.String(length=63), nullable=True))
            batch_op.add_column(sa.Column("claim_workstation", sa.String(length=100), nullable=True))
            batch_op.add_column(sa.Column("claim_expires_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table in _ITEM_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("claim_expires_at")
            batch_op.drop_column("claim_workstation")
            batch_op.drop_column("claimed_by")
