"""Partial indexes for claiming: the claimable items of a facility in queue order.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

A claim (reviewer_app/sync/claims.py) asks for the oldest claimable items of its facility, a batch at a
time. ``ix_*_queue`` (facility, status, submitted_at) cannot give them in order across the two
claimable statuses, so every claim read and sorted the facility's whole queue; with these indexes it
walks the queue in order and stops after the batch (and the items being reviewed elsewhere).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: As reviewer_app.shared_db.models.items.CLAIMABLE (a migration never imports the models it migrates).
CLAIMABLE = "status IN ('held', 'pending')"
TABLES = ("service_applications", "posts")


def upgrade() -> None:
    for table in TABLES:
        op.create_index(
            f"ix_{table}_claimable",
            table,
            ["facility_id", "submitted_at", "id"],
            unique=False,
            sqlite_where=sa.text(CLAIMABLE),
            postgresql_where=sa.text(CLAIMABLE),
        )


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_claimable", table_name=table)
