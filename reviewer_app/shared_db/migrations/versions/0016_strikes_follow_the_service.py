"""A strike that followed a transfer can be dismissed at the new facility (issue 22, P7 and R2).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

0015 moves a family's strikes with its service to the new facility, but the rejected post stays at
the old one. 0007's wall on ``strikes`` wanted the strike's post at the strike's facility too, so the
new facility's supervisor could read the strike and not dismiss it: the UPDATE saw no row. The wall
is now the service's alone: a supervisor updates (only the dismissal's columns, 0007's grant and
trigger) the strikes of a service of their own facility. Staff still cannot insert strikes (0007
revoked it: only the deciding functions record them), so a strike's post stays the one it was given
for. PostgreSQL only: SQLite has no walls.
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

STAFF = "reviewdesk_staff"


def _same_facility(column: str, parent: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM public.{parent} x WHERE x.id = strikes.{column} "
        "AND x.facility_id = strikes.facility_id)"
    )


#: 0007's predicate, and the one that replaces it.
BEFORE = f"{_same_facility('post_id', 'posts')} AND {_same_facility('service_id', 'service_applications')}"
AFTER = _same_facility("service_id", "service_applications")


def _walls(predicate: str) -> None:
    for command in ("INSERT", "UPDATE"):
        op.execute(f"DROP POLICY IF EXISTS strikes_same_facility_{command.lower()} ON public.strikes")
        using = f"USING ({predicate}) " if command == "UPDATE" else ""
        op.execute(
            f"CREATE POLICY strikes_same_facility_{command.lower()} ON public.strikes AS RESTRICTIVE "
            f"FOR {command} TO {STAFF} {using}WITH CHECK ({predicate})"
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _walls(AFTER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _walls(BEFORE)
