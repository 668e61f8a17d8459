"""Revision 0006 on both databases, from a 0005 database in use: every facility gets its own copy of the
reason catalogue (R11) with the supervisors' edits kept and the defaults turned into templates of the
facility's numbers (R9), the two agreed new reasons, R6's relationship codes; down again and up again."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, text

from reviewer_app.core.policy import MB
from reviewer_app.core.reasons import DEFAULT_REASONS, DEFAULT_TEMPLATES, Reason
from reviewer_app.shared_db.engine import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)

T = "2026-11-02 01:00:00.000000"  # as the models store a time on SQLite; PostgreSQL reads it as UTC
NEW_CODES = {"E1_ENDED", "UPLOAD_DAMAGED"}
EDITED_SUGGESTION = "請刪減至 100 字以內。"
FACILITY_COLUMNS = (
    "code, name, post_window_days, body_max_chars, max_photos, photo_max_bytes, max_attachments, "
    "attachments_max_total_bytes, strike_threshold, suspension_months, child_max_age, "
    "claim_lease_minutes, review_target_hours"
)
REASON_COLUMNS = "code, text, suggestion, counts_as_strike, applies_to, rule_id, active, sort_order"


def _insert(conn: Any, table: str, columns: str, values: dict[str, Any]) -> None:
    names = [c.strip() for c in columns.split(",")]
    conn.execute(
        text(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"),
        values,
    )


def _a_0005_database_in_use(url: str) -> Engine:
    """Two facilities (one with a 7-day window, 20 MB photos, 2-month suspensions), the 0005 catalogue
    as `db upgrade` installed it (the defaults in the guide's numbers) with a supervisor's edits, and a
    family whose application and post refer to each other."""
    engine = make_engine(url)
    upgrade(engine, "0005")
    with engine.begin() as conn:
        for code, window, photo, months in (("TTD", 30, 10, 1), ("TYJ", 7, 20, 2)):
            _insert(
                conn,
                "facilities",
                FACILITY_COLUMNS,
                {
                    "code": code,
                    "name": f"{code} 矯正機關",
                    "post_window_days": window,
                    "body_max_chars": 100,
                    "max_photos": 1,
                    "photo_max_bytes": photo * MB,
                    "max_attachments": 3,
                    "attachments_max_total_bytes": 20 * MB,
                    "strike_threshold": 3,
                    "suspension_months": months,
                    "child_max_age": 18,
                    "claim_lease_minutes": 20,
                    "review_target_hours": 72,
                },
            )
        old = [r for r in DEFAULT_REASONS if r.code not in NEW_CODES]
        for number, reason in enumerate(old, start=1):
            _insert(
                conn,
                "rejection_reasons",
                REASON_COLUMNS,
                {**reason.as_row_values(), "sort_order": number * 10},
            )
        # A supervisor changed a suggestion, retired a reason and added one of their own.
        conn.execute(
            text("UPDATE rejection_reasons SET suggestion = :s WHERE code = 'P4_TOO_LONG'"),
            {"s": EDITED_SUGGESTION},
        )
        conn.execute(
            text("UPDATE rejection_reasons SET active = :f WHERE code = 'OTHER_FAMILY'"), {"f": False}
        )
        ads = Reason("P2_ADS", "內容含商業廣告。", "請刪除廣告內容後重新發佈。", True, "post", "P2")
        _insert(conn, "rejection_reasons", REASON_COLUMNS, {**ads.as_row_values(), "sort_order": 25})
        fid = conn.execute(text("SELECT id FROM facilities WHERE code = 'TTD'")).scalar()
        conn.execute(
            text(
                "INSERT INTO applicants (email, name, national_id, registered_at) "
                "VALUES ('a@b.tw', '林華', 'A1', :t)"
            ),
            {"t": T},
        )
        conn.execute(
            text(
                "INSERT INTO inmates (facility_id, call_number, name, housing_unit, custody) "
                "VALUES (:f, '0001', '王明', '忠舍', 'in_custody')"
            ),
            {"f": fid},
        )
        conn.execute(
            text(
                "INSERT INTO service_applications (facility_id, applicant_id, inmate_id, relationship, "
                "call_number_entered, surname_confirmed, status, version, submitted_at) "
                "SELECT :f, a.id, i.id, 'sibling_in_law', '0001', :yes, 'approved', 2, :t "
                "FROM applicants a, inmates i"
            ),
            {"f": fid, "yes": True, "t": T},
        )
        conn.execute(
            text(
                "INSERT INTO posts (facility_id, service_id, title, body, status, version, submitted_at) "
                "SELECT :f, id, '近況', '孩子很好。', 'pending', 1, :t FROM service_applications"
            ),
            {"f": fid, "t": T},
        )
    return engine


def _catalogues(engine: Engine) -> dict[str, dict[str, dict[str, Any]]]:
    """facility code -> reason code -> the row."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT f.code AS facility, {REASON_COLUMNS.replace('code,', 'r.code,')} "
                "FROM rejection_reasons r JOIN facilities f ON f.id = r.facility_id"
            )
        ).mappings()
        for row in rows:
            out.setdefault(row["facility"], {})[row["code"]] = dict(row)
    return out


def _reason(row: dict[str, Any]) -> Reason:
    return Reason(
        **{
            k: (bool(v) if k in ("counts_as_strike", "active") else v)
            for k, v in row.items()
            if k not in ("facility", "sort_order")
        }
    )


def test_0006_gives_every_facility_its_copy_with_the_edits_kept(shared_url: str) -> None:
    engine = _a_0005_database_in_use(shared_url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    catalogues = _catalogues(engine)
    templates = {r.code: r for r in DEFAULT_TEMPLATES}
    assert set(catalogues) == {"TTD", "TYJ"}
    for facility, reasons in catalogues.items():
        assert set(reasons) == set(templates) | {"P2_ADS"}, facility
        p4 = _reason(reasons["P4_TOO_LONG"])
        assert p4.suggestion == EDITED_SUGGESTION  # the supervisor's words, as written
        assert p4.text == templates["P4_TOO_LONG"].text  # untouched: now the template of the numbers
        assert not reasons["OTHER_FAMILY"]["active"]
        assert _reason(reasons["P2_ADS"]).text == "內容含商業廣告。"
        for code in set(templates) - {"P4_TOO_LONG", "OTHER_FAMILY"}:
            assert _reason(reasons[code]) == templates[code], (facility, code)
        # The new reasons go beside their neighbours in each facility's order.
        order = sorted(reasons, key=lambda c: (reasons[c]["sort_order"], c))
        assert order.index("E1_ENDED") == order.index("P7_SUSPENDED") + 1
        assert order.index("UPLOAD_DAMAGED") == order.index("OTHER_FACILITY") - 1
    assert "{window_days}" in catalogues["TYJ"]["P3_WINDOW"]["text"]
    with engine.begin() as conn:
        assert (
            conn.execute(text("SELECT relationship FROM service_applications")).scalar() == "sibling_in_law"
        )
        assert conn.execute(text("SELECT count(*) FROM posts")).scalar() == 1
        conn.execute(text("UPDATE service_applications SET relationship = 'spouse_sibling'"))
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            policies = set(
                conn.execute(
                    text("SELECT policyname FROM pg_policies WHERE tablename = 'rejection_reasons'")
                ).scalars()
            )
            secured = conn.execute(
                text(
                    "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class "
                    "WHERE relname = 'rejection_reasons'"
                )
            ).scalar()
        # (and, from 0007, the one the deciding functions' owner reads it through)
        assert policies == {
            "rejection_reasons_admin",
            "rejection_reasons_facility",
            "rejection_reasons_definer",
        }
        assert secured
    engine.dispose()


def test_0006_goes_down_to_one_catalogue_and_up_again(shared_url: str) -> None:
    engine = _a_0005_database_in_use(shared_url)
    upgrade(engine)
    with engine.begin() as conn:  # one of the two relations the old combined code stood for
        conn.execute(text("UPDATE service_applications SET relationship = 'spouse_sibling'"))
    command.downgrade(alembic_config(engine), "0005")
    assert current_revision(engine) == "0005"
    with engine.connect() as conn:
        rows = {r.code: r for r in conn.execute(text(f"SELECT {REASON_COLUMNS} FROM rejection_reasons"))}
        relationship = conn.execute(text("SELECT relationship FROM service_applications")).scalar()
    assert set(rows) == {r.code for r in DEFAULT_TEMPLATES} | {"P2_ADS"}
    assert rows["P4_TOO_LONG"].suggestion == EDITED_SUGGESTION
    assert rows["P3_WINDOW"].text == next(r.text for r in DEFAULT_REASONS if r.code == "P3_WINDOW")
    assert not any("{" in r.text + r.suggestion for r in rows.values())  # 0005 shows texts as they are
    assert relationship == "sibling_in_law"
    upgrade(engine)
    catalogues = _catalogues(engine)
    assert catalogues["TYJ"]["P4_TOO_LONG"]["suggestion"] == EDITED_SUGGESTION
    assert catalogues["TYJ"]["P3_WINDOW"]["text"] == next(
        r.text for r in DEFAULT_TEMPLATES if r.code == "P3_WINDOW"
    )
    engine.dispose()


def test_0006_does_not_go_down_over_an_in_law_0005_cannot_store(shared_url: str) -> None:
    engine = _a_0005_database_in_use(shared_url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE service_applications SET relationship = 'spouse_child'"))
    # Down to 0006 first: SQLite runs each later revision's downgrade in a transaction of its own.
    command.downgrade(alembic_config(engine), "0006")
    with pytest.raises(RuntimeError, match="spouse_child"):
        command.downgrade(alembic_config(engine), "0005")
    assert current_revision(engine) == "0006"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT relationship FROM service_applications")).scalar() == "spouse_child"
    engine.dispose()
