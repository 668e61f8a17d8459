"""R6 in-laws each with their own relationship code.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

R6: the in-laws within the second degree (Civil Code art. 969–970) each get a relationship code; the
database's check accepts them. sibling_in_law (which stood for two relations, both eligible) stays valid
for the rows that have it.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen here: a migration never imports the vocabulary it migrates.
RELATIONSHIPS_0005 = (
    "spouse",
    "father",
    "mother",
    "child",
    "grandparent",
    "grandchild",
    "sibling",
    "parent_in_law",
    "child_in_law",
    "grandparent_in_law",
    "grandchild_in_law",
    "sibling_in_law",
    "cohabiting_with_child",
    "other",
)
NEW_IN_LAWS = (
    "spouse_child",
    "parent_spouse",
    "spouse_grandchild",
    "grandparent_spouse",
    "sibling_spouse",
    "spouse_sibling",
    "spouse_sibling_spouse",
)
RELATIONSHIPS_0006 = (*RELATIONSHIPS_0005[:11], *NEW_IN_LAWS, *RELATIONSHIPS_0005[11:])
#: Downgrading: the two relations the old combined code stood for go back to it.
OLD_SIBLING_IN_LAW = ("sibling_spouse", "spouse_sibling")
RELATIONSHIP_CHECK = "ck_service_applications_relationship_known"


def _in_list(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _relationship_check(values: tuple[str, ...]) -> None:
    # Batch mode: SQLite copies the table (env.py turns foreign keys off for that); PostgreSQL alters it.
    with op.batch_alter_table("service_applications", schema=None) as batch_op:
        batch_op.drop_constraint(op.f(RELATIONSHIP_CHECK), type_="check")
        batch_op.create_check_constraint(op.f(RELATIONSHIP_CHECK), _in_list("relationship", values))


def upgrade() -> None:
    _relationship_check(RELATIONSHIPS_0006)


def downgrade() -> None:
    others = tuple(code for code in NEW_IN_LAWS if code not in OLD_SIBLING_IN_LAW)
    in_use = op.get_bind().exec_driver_sql(
        "SELECT count(*) FROM service_applications WHERE " + _in_list("relationship", others)
    )
    if in_use.scalar():
        raise RuntimeError(
            f"service applications use relationships that revision 0005 does not know ({', '.join(others)}): "
            "they cannot be downgraded without losing what the family stated"
        )
    op.execute(
        "UPDATE service_applications SET relationship = 'sibling_in_law' WHERE "
        + _in_list("relationship", OLD_SIBLING_IN_LAW)
    )
    _relationship_check(RELATIONSHIPS_0005)
