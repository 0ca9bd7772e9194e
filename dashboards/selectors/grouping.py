"""Several GROUP BYs over one restricted row set, in ONE query (portable grouping sets).

The dashboard needs the same fact rows (attendance, going RSVPs of the period) grouped several
ways: whole period, per trend bucket, per department, per category, per group. Written as one
query per grouping, PostgreSQL joins and scans the fact table once per grouping. Here the rows
are selected once, as a materialised common table expression built from an ORM queryset (so
every scope filter stays the ORM's), and each grouping is a UNION ALL branch over it. Plain
SQL that SQLite runs too, so the tests exercise the same code as production.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from dashboards.periods import Period


def bucket_index(period: Period, field: str) -> Case:
    """The index of the trend bucket `field` falls in (None outside the period).

    Buckets tile [start, end) on the calendar grid, so this equals truncating to the week or
    month, without time-zone functions (and the same on every database)."""
    whens = [When(Q(**{f"{field}__gte": start, f"{field}__lt": end}), then=Value(i))
             for i, (start, end) in enumerate(period.buckets())]
    return Case(*whens, default=None, output_field=IntegerField())


def grouped(*, rows: QuerySet, sets: dict[str, Sequence[str]], per_person: dict[str, str],
            aggregates: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Aggregate the `.values()` queryset `rows` (with a `person` column) once per entry of
    `sets` (name -> columns of `rows` to group by), in one query.

    Each grouping runs in two steps, so distinct people are counted by hashing rather than by
    sorting every row: first one row per (group, person) with `per_person` (name -> SQL over
    the columns of `rows`, alias `r`), then `aggregates` (name -> SQL over those per-person
    columns, alias `p`; one row per person, so COUNT(*) counts distinct people). All SQL text
    here is the caller's constant, never user input. Returns, per set, its rows as dicts of
    its group columns and the aggregates."""
    sql, params = rows.order_by().query.sql_with_params()
    columns = list(rows.query.values_select) + list(rows.query.annotation_select)
    quote = connection.ops.quote_name
    hint = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    keys = sorted({column for group in sets.values() for column in group})
    for key in [*keys, "person"]:
        if key not in columns:
            raise ValueError(f"{key!r} is not a column of the row set")
    inner_aggs = "".join(f", {expr} AS {quote(name)}" for name, expr in per_person.items())
    outer_aggs = ", ".join(f"{expr} AS {quote(name)}" for name, expr in aggregates.items())
    branches = []
    for index, group in enumerate(sets.values()):
        # A column a branch does not group by is a NULL of that column's type.
        inner_keys = "".join(f", r.{quote(k)}" if k in group
                             else f", MIN(CASE WHEN 1 = 0 THEN r.{quote(k)} END) AS {quote(k)}"
                             for k in keys)
        outer_keys = "".join(f"p.{quote(k)}, " if k in group else f"MIN(p.{quote(k)}), "
                             for k in keys)
        by = "".join(f"r.{quote(k)}, " for k in group)
        outer_by = f" GROUP BY {', '.join(f'p.{quote(k)}' for k in group)}" if group else ""
        # Identifiers are quoted column names of the queryset; values stay parameters.
        branches.append(
            f"SELECT {index}, {outer_keys}{outer_aggs} FROM ("  # noqa: S608
            f"SELECT r.person{inner_keys}{inner_aggs} FROM base r GROUP BY {by}r.person"
            f") p{outer_by}")
    query = f"WITH base AS {hint}({sql}) " + " UNION ALL ".join(branches)  # noqa: S608
    result: dict[str, list[dict[str, Any]]] = {name: [] for name in sets}
    names = list(sets)
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        for record in cursor.fetchall():
            name = names[record[0]]
            values = dict(zip(keys, record[1:1 + len(keys)], strict=True))
            row = {k: values[k] for k in sets[name]}
            row.update(zip(aggregates, record[1 + len(keys):], strict=True))
            result[name].append(row)
    return result
