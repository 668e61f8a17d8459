"""Many rows in one statement: what a push of a thousand decisions needs from PostgreSQL.

An ``executemany`` sends one statement per row (pipelined by psycopg, still a thousand statements to
parse, plan and execute). On PostgreSQL the rows go instead as one array per column, unpacked by
``unnest`` in a single statement with a fixed text (so it is prepared once and cached). Elsewhere
(SQLite: local, no round trips) the ordinary ``executemany``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Column, Connection, Table, bindparam, insert, text
from sqlalchemy.engine import Dialect


def _array_type(column: Column[Any], dialect: Dialect) -> str:
    if isinstance(column.type, JSON):
        return "text[]"  # sent as text, turned into json in the select list
    return f"{column.type.compile(dialect=dialect)}[]"


def _column_values(column: Column[Any], rows: Sequence[Mapping[str, Any]], dialect: Dialect) -> list[Any]:
    values = [row.get(column.name) for row in rows]
    if isinstance(column.type, JSON):
        return [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    process = column.type.bind_processor(dialect)  # e.g. the UTC check of a TypeDecorator
    return [process(v) for v in values] if process is not None else values


def _with_defaults(table: Table, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The rows with the columns' Python-side defaults filled in (what ``insert()`` would do)."""
    missing = {}
    for column in table.columns:
        default = column.default
        if column.name in rows[0] or default is None:
            continue
        if getattr(default, "is_scalar", False):
            missing[column.name] = default.arg  # type: ignore[attr-defined]
        elif getattr(default, "is_callable", False):
            missing[column.name] = default.arg(None)  # type: ignore[attr-defined]  # wrapped: takes a context
    return [{**row, **missing} for row in rows]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT `rows` (dicts keyed by column name, all with the same keys) into `table`."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name != "postgresql":
        conn.execute(insert(table), list(rows))
        return
    rows = _with_defaults(table, rows)
    columns = [table.c[name] for name in rows[0]]
    arrays = ", ".join(f"CAST(:a{i} AS {_array_type(c, dialect)})" for i, c in enumerate(columns))
    quote = dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in columns)
    picked = ", ".join(f"v.{quote(c.name)}{'::json' if isinstance(c.type, JSON) else ''}" for c in columns)
    stmt = text(
        f"INSERT INTO {quote(table.name)} ({names}) SELECT {picked} FROM unnest({arrays}) AS v({names})"
    ).bindparams(*(bindparam(f"a{i}") for i in range(len(columns))))
    conn.execute(stmt, {f"a{i}": _column_values(c, rows, dialect) for i, c in enumerate(columns)})
