"""Reasons per facility (R11) and the R6 in-laws each with their own relationship code.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

R11: rejection_reasons gets facility_id (primary key facility_id, code). The one programme-wide
catalogue is copied to every facility, edits included. A default text nobody changed becomes the
template of the facility's numbers ({window_days}…, R9), so that a facility with a 7-day window reads
7 and not the guide's 30; a text a supervisor changed stays as written. The two reasons agreed for
issue #18 (E1_ENDED, UPLOAD_DAMAGED) are added to every facility, beside their neighbours.
On PostgreSQL the table goes behind the walls like the other facility tables
(reviewer_app.access.roles.wall_facility_table): staff read their own facility's reasons, only that
facility's supervisors add and change them; 0003's programme-wide policies go with the old table.

R6: the in-laws within the second degree (Civil Code art. 969–970) each get a relationship code; the
database's check accepts them. sibling_in_law (which stood for two relations, both eligible) stays valid
for the rows that have it.

Down again: one catalogue, each reason from the facility with the lowest id, worded in the guide's
numbers (0005 shows texts as they are); 0003's policies come back.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from alembic import op

from reviewer_app.access import roles as security

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


# ---- the reason catalogue: frozen here, as 0005 installed it and as this revision's templates are ----

#: code -> {field: (the default in the guide's numbers as 0005 installed it, its template)}: only the
#: reasons whose texts hold numbers; the other defaults read the same either way.
TEMPLATED: dict[str, dict[str, tuple[str, str]]] = {
    "E1_NO_MINOR_CHILD": {
        "text": (
            "經查收容人無 18 歲(含)以下之子女，不符本方案申請對象。",
            "經查收容人無 {child_max_age} 歲(含)以下之子女，不符本方案申請對象。",
        ),
        "suggestion": (
            "本方案限收容人有 18 歲(含)以下子女者申請；如資料有誤，請檢附子女之戶籍謄本或出生證明重新申請。",
            "本方案限收容人有 {child_max_age} 歲(含)以下子女者申請；如資料有誤，請檢附子女之戶籍謄本或出生證明重新申請。",
        ),
    },
    "P3_WINDOW": {
        "text": (
            "家庭聯絡簿每 30 日限發佈 1 次，距上次發佈未滿 30 日。",
            "家庭聯絡簿每 {window_days} 日限發佈 1 次，距上次發佈未滿 {window_days} 日。",
        ),
        "suggestion": (
            "請於上次發佈日起滿 30 日後，再重新發佈家庭聯絡簿。",
            "請於上次發佈日起滿 {window_days} 日後，再重新發佈家庭聯絡簿。",
        ),
    },
    "P4_TOO_LONG": {
        "text": ("內文超過 100 字之限制。", "內文超過 {body_max_chars} 字之限制。"),
        "suggestion": (
            "請將內文精簡至 100 字以內（含標點符號）後，重新發佈家庭聯絡簿。",
            "請將內文精簡至 {body_max_chars} 字以內（含標點符號）後，重新發佈家庭聯絡簿。",
        ),
    },
    "P5_PHOTO": {
        "text": (
            "照(圖)片檔限 1 張，每張檔案不超過 10 MB。",
            "照(圖)片檔限 {max_photos} 張，每張檔案不超過 {photo_max}。",
        ),
        "suggestion": (
            "請保留至多 1 張照片，並將照片縮小至 10 MB 以內後，重新發佈家庭聯絡簿。",
            "請保留至多 {max_photos} 張照片，並將照片縮小至 {photo_max} 以內後，重新發佈家庭聯絡簿。",
        ),
    },
    "P6_ATTACHMENT": {
        "text": (
            "附件檔案限 PDF、JPG、JPEG、PNG 格式，至多 3 個檔案，合計不超過 20 MB。",
            "附件檔案限 {allowed_types} 格式，至多 {max_attachments} 個檔案，合計不超過 {attachments_max_total}。",
        ),
        "suggestion": (
            "請將附件轉存為 PDF、JPG、JPEG、PNG 格式，並減少檔案數量或大小後，重新發佈家庭聯絡簿。",
            "請將附件轉存為 {allowed_types} 格式，並減少檔案數量或大小後，重新發佈家庭聯絡簿。",
        ),
    },
    "P7_SUSPENDED": {
        "text": (
            "家庭聯絡簿經審查退件累計 3 次以上，發佈權限暫停 1 個月。",
            "家庭聯絡簿經審查退件累計 {strike_threshold} 次以上，發佈權限暫停 {suspension_months} 個月。",
        ),
    },
}
_CONTACT = "如有疑問，請洽本機關聯繫窗口（社工師）。"
#: The reasons this revision adds, each placed just after (+5) or just before (-5) a neighbour.
NEW_REASONS: tuple[tuple[dict[str, Any], str, int], ...] = (
    (
        {
            "code": "E1_ENDED",
            "text": "經查收容人已無 {child_max_age} 歲(含)以下之子女，本則家庭聯絡簿無法審核通過，非家屬之因素。",
            "suggestion": "本方案限收容人有 {child_max_age} 歲(含)以下子女者使用；如資料有誤，"
            "請檢附子女之戶籍謄本或出生證明，洽本機關聯繫窗口（社工師）。",
            "counts_as_strike": False,
            "applies_to": "post",
            "rule_id": "E1",
            "active": True,
        },
        "P7_SUSPENDED",
        +5,
    ),
    (
        {
            "code": "UPLOAD_DAMAGED",
            "text": "上傳之檔案不完整或無法開啟，無法審核，非家屬之違規。",
            "suggestion": "請確認檔案可正常開啟後重新上傳，再重新提出申請或重新發佈家庭聯絡簿。",
            "counts_as_strike": False,
            "applies_to": "both",
            "rule_id": None,
            "active": True,
        },
        "OTHER_FACILITY",
        -5,
    ),
)
#: The guide's numbers as the templates name them (core.formats.policy_words of the default policy).
GUIDE_WORDS = {
    "window_days": "30",
    "body_max_chars": "100",
    "max_photos": "1",
    "photo_max": "10 MB",
    "max_attachments": "3",
    "attachments_max_total": "20 MB",
    "allowed_types": "PDF、JPG、JPEG、PNG",
    "strike_threshold": "3",
    "suspension_months": "1",
    "child_max_age": "18",
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")
TABLE = "rejection_reasons"


def _reason_columns() -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("suggestion", sa.String(length=300), nullable=False),
        sa.Column("counts_as_strike", sa.Boolean(), nullable=False),
        sa.Column("applies_to", sa.String(length=16), nullable=False),
        sa.Column("rule_id", sa.String(length=4), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "applies_to IN ('application', 'post', 'both')",
            name=op.f("ck_rejection_reasons_applies_to_known"),
        ),
    ]


def _rows(order_by: str) -> list[dict[str, Any]]:
    result = op.get_bind().execute(sa.text(f"SELECT * FROM {TABLE} ORDER BY {order_by}")).mappings()
    return [
        {**row, "counts_as_strike": bool(row["counts_as_strike"]), "active": bool(row["active"])}
        for row in result
    ]


def _as_template(row: dict[str, Any]) -> dict[str, Any]:
    """A default text nobody changed becomes its template; anything else stays as written."""
    out = dict(row)
    for field, (default, template) in TEMPLATED.get(row["code"], {}).items():
        if row[field] == default:
            out[field] = template
    return out


def _with_new_reasons(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    orders = {r["code"]: r["sort_order"] for r in rows}
    last = max(orders.values(), default=0)
    out = list(rows)
    for reason, neighbour, offset in NEW_REASONS:
        if reason["code"] not in orders:  # a supervisor's own reason of that code stays theirs
            out.append(
                {**reason, "sort_order": orders[neighbour] + offset if neighbour in orders else last + 10}
            )
    return out


def _catalogue_per_facility() -> None:
    bind = op.get_bind()
    programme = _with_new_reasons([_as_template(r) for r in _rows("sort_order, code")])
    facilities = list(bind.execute(sa.text("SELECT id FROM facilities ORDER BY id")).scalars())
    op.drop_table(TABLE)  # on PostgreSQL its policies and grants go with it
    table = op.create_table(
        TABLE,
        sa.Column("facility_id", sa.Integer(), nullable=False),
        *_reason_columns(),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_rejection_reasons_facility_id_facilities")
        ),
        sa.PrimaryKeyConstraint("facility_id", "code", name=op.f("pk_rejection_reasons")),
    )
    rows = [{**row, "facility_id": facility_id} for facility_id in facilities for row in programme]
    if rows:
        op.bulk_insert(table, rows)
    if bind.dialect.name == "postgresql":
        grants = {
            "staff": "SELECT",
            "supervisor": "INSERT, UPDATE",
            "admin": "SELECT, INSERT, UPDATE, DELETE",
        }
        for sql in security.wall_facility_table(TABLE, grants):
            op.execute(sql)


def _programme_catalogue() -> None:
    """Back to one catalogue: each reason from the facility with the lowest id, in the guide's numbers."""
    bind = op.get_bind()
    kept: dict[str, dict[str, Any]] = {}
    for row in _rows("facility_id, sort_order, code"):
        row.pop("facility_id")
        for field in ("text", "suggestion"):
            row[field] = PLACEHOLDER.sub(lambda m: GUIDE_WORDS.get(m.group(1), m.group(0)), row[field])
        kept.setdefault(row["code"], row)
    op.drop_table(TABLE)
    table = op.create_table(
        TABLE, *_reason_columns(), sa.PrimaryKeyConstraint("code", name=op.f("pk_rejection_reasons"))
    )
    if kept:
        op.bulk_insert(table, list(kept.values()))
    if bind.dialect.name == "postgresql":  # as 0003 left it: the programme's, all staff read it
        admin, staff, supervisor = (
            security.ADMIN_GROUP,
            security.STAFF_GROUP,
            security.GROUP_ROLES["supervisor"],
        )
        for sql in (
            f"ALTER TABLE {TABLE} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {TABLE} FORCE ROW LEVEL SECURITY",
            f"CREATE POLICY {TABLE}_admin ON {TABLE} FOR ALL TO {admin} USING (true) WITH CHECK (true)",
            f"CREATE POLICY {TABLE}_read ON {TABLE} FOR SELECT TO {staff} USING (true)",
            f"CREATE POLICY {TABLE}_insert ON {TABLE} FOR INSERT TO {supervisor} WITH CHECK (true)",
            f"CREATE POLICY {TABLE}_update ON {TABLE} FOR UPDATE TO {supervisor} USING (true) WITH CHECK (true)",
            f"GRANT SELECT ON {TABLE} TO {staff}",
            f"GRANT INSERT, UPDATE ON {TABLE} TO {supervisor}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {TABLE} TO {admin}",
        ):
            op.execute(sql)


def upgrade() -> None:
    _relationship_check(RELATIONSHIPS_0006)
    _catalogue_per_facility()


def downgrade() -> None:
    # First what could not be undone, before anything is changed.
    others = tuple(code for code in NEW_IN_LAWS if code not in OLD_SIBLING_IN_LAW)
    in_use = op.get_bind().exec_driver_sql(
        "SELECT count(*) FROM service_applications WHERE " + _in_list("relationship", others)
    )
    if in_use.scalar():
        raise RuntimeError(
            f"service applications use relationships that revision 0005 does not know ({', '.join(others)}): "
            "they cannot be downgraded without losing what the family stated"
        )
    _programme_catalogue()
    op.execute(
        "UPDATE service_applications SET relationship = 'sibling_in_law' WHERE "
        + _in_list("relationship", OLD_SIBLING_IN_LAW)
    )
    _relationship_check(RELATIONSHIPS_0005)
