"""True participation aggregates: memberships, groups, sessions, attendance, RSVPs.

Every function is a fixed number of aggregate queries (GROUP BY in the database, never a loop
over rows), whatever the size of the organisation or the period.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import (
    Aggregate,
    BigIntegerField,
    BooleanField,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Max,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)

from accounts.models import Department, User
from dashboards.models import ActivityMask, ActivityTally, MembershipMask
from dashboards.rollups import Units
from dashboards.selectors.base import Scope, as_utc, public_group
from dashboards.selectors.grouping import grouped
from groups.models import Group
from sessions.models import Session

Numbers = dict[str, Any]


def _named(prefix: str) -> dict[str, Any]:
    """Group columns that name public groups only; private and sensitive ones collapse to None."""
    public = public_group(prefix)
    return {
        "named": Case(When(public, then=F(f"{prefix}id")), default=None),
        "name": Case(When(public, then=F(f"{prefix}name")), default=Value(""),
                     output_field=CharField()),
    }


def _distinct_user(q: Q | None = None, field: str = "user") -> Count:
    return Count(field, distinct=True, filter=q) if q is not None else Count(field, distinct=True)


def departments() -> list[Department]:
    return list(Department.objects.order_by("name"))


def headcount_by_department() -> dict[int | None, int]:
    """Active employees per department id (None: no department). One query."""
    rows = (User.objects.filter(is_active=True).values("department_id")
            .annotate(n=Count("id")).order_by())
    return {row["department_id"]: row["n"] for row in rows}


MEMBER_FLAGS = {"act": "active", "jn": "joined"}


def membership_figures(*, scope: Scope) -> Numbers:
    """Active, new and leaving members: in total, per bucket, department, category, group.

    Two queries over the membership masks (dashboards.models.MembershipMask): the whole
    period in every breakdown, then people per trend bucket."""
    units = Units.of(scope.period)
    period = units.masks()
    start_block, start_bit = Units.bit(units.units[0])
    end_block, end_bit = Units.bit(units.units[-1] + 1)  # present when the period ended
    hits = {"act": _hits("active", period), "jn": _hits("joined", period),
            "lf": _hits("left", period), "st": _hits("present", {start_block: start_bit}),
            "en": _hits("present", {end_block: end_bit})}
    base = (MembershipMask.objects.filter(scope.groups("group__"), scope.people(""),
                                          grain=units.grain,
                                          block__in=sorted(set(period) | {end_block}))
            .annotate(**{f"hit_{flag}": expression for flag, expression in hits.items()})
            .filter(Q(hit_act__gt=0) | Q(hit_en__gt=0)))
    rows = base.values(person=F("user_id"), dept=F("department_id"),
                       category=F("group__category"), **_named("group__"),
                       **{flag: F(f"hit_{flag}") for flag in hits})
    names = {"act": "active", "jn": "joined", "lf": "left", "st": "at_start", "en": "at_end"}
    sets = grouped(rows=rows, sets={
        "total": (), "by_department": ("dept",), "by_category": ("category",),
        "by_group": ("category", "named", "name")},
        per_person={flag: _person_sql(flag) for flag in hits},
        aggregates={name: _people_sql(flag, everyone=True) for flag, name in names.items()})
    empty = dict.fromkeys(names.values(), 0)
    by_bucket = per_bucket(rows=base, units=units, masks=MEMBER_FLAGS,
                           people={"active": ("act", True), "joined": ("jn", True)},
                           in_scope=Value(1, output_field=IntegerField()))
    trend = [{"active": by_bucket[f"active{i}"], "joined": by_bucket[f"joined{i}"]}
             for i in range(len(units.units))]
    return {
        "total": sets["total"][0] if sets["total"] else empty,
        "trend": trend,
        "by_department": {row["dept"]: {"user__department_id": row["dept"], **row}
                          for row in sets["by_department"] if row["active"]},
        "by_category": {row["category"]: {"group__category": row["category"], **row}
                        for row in sets["by_category"] if row["active"]},
        "by_group": [{"group__category": row["category"], "named": row["named"],
                      "name": row["name"], "active": row["active"], "joined": row["joined"]}
                     for row in sets["by_group"] if row["active"]],
    }


def group_counts(*, scope: Scope) -> dict[str, Numbers]:
    """Groups per category: existing at the end of the period, new in it, unnamed among them."""
    start, end = scope.period.start, scope.period.end
    rows = (Group.objects.filter(scope.groups(), created_at__lt=end).values("category")
            .annotate(groups=Count("id"),
                      new=Count("id", filter=Q(created_at__gte=start)),
                      unnamed=Count("id", filter=~public_group()))
            .order_by())
    return {row["category"]: row for row in rows}


def session_figures(*, scope: Scope) -> Numbers:
    """Sessions held and cancelled per bucket, and per category / public group."""
    base = Session.objects.filter(scope.groups("group__"), starts_at__gte=scope.period.start,
                                  starts_at__lt=scope.period.end)
    counts = {"held": Count("id", filter=Q(status=Session.Status.SCHEDULED)),
              "cancelled": Count("id", filter=Q(status=Session.Status.CANCELLED))}
    trend = {as_utc(row["bucket"]): row for row in
             base.annotate(bucket=scope.bucket("starts_at")).values("bucket")
             .annotate(**counts).order_by()}
    by_group = list(base.values("group__category", **_named("group__"))
                    .annotate(**counts).order_by())
    return {"trend": trend, "by_group": by_group}


def _in_scope_flag(scope: Scope) -> Any:
    in_scope = scope.people("")
    if not in_scope:
        return Value(True, output_field=BooleanField())
    return Case(When(in_scope, then=Value(True)), default=Value(False),
                output_field=BooleanField())


def _in_scope_number(scope: Scope) -> Any:
    """1 for a row of a person the department filter keeps (every row without a filter)."""
    in_scope = scope.people("")
    if not in_scope:
        return Value(1, output_field=IntegerField())
    return Case(When(in_scope, then=Value(1)), default=Value(0), output_field=IntegerField())


def _hits(field: str, masks: dict[int, int]) -> Case:
    """The bits of `masks` (block -> bits) set in the mask column `field` (0: none)."""
    return Case(*[When(block=block, then=F(field).bitand(Value(bits)))
                  for block, bits in masks.items()],
                default=Value(0), output_field=BigIntegerField())


PERSON_FLAGS = {"a": "attended", "g": "going", "ga": "going_attended"}
# Figure -> (the per-person flag it counts, whether people outside the department filter count).
PEOPLE = {"people": ("a", False), "people_all": ("a", True), "going_people": ("g", False),
          "attended_people": ("ga", False)}


def _person_sql(flag: str) -> str:
    return f"MAX(CASE WHEN r.{flag} <> 0 THEN 1 ELSE 0 END)"


def _people_sql(flag: str, *, everyone: bool = False) -> str:
    if everyone:
        return f"COUNT(CASE WHEN p.{flag} = 1 THEN 1 END)"
    return f"COUNT(CASE WHEN p.{flag} = 1 AND p.in_scope = 1 THEN 1 END)"


def _masks(scope: Scope, units: Units) -> QuerySet:
    """The mask rows of the groups in scope with any activity in the period (a row with none
    counts nobody anywhere, so it is left out before any grouping)."""
    period = units.masks()
    active = Q()
    for field in PERSON_FLAGS.values():
        active |= Q(**{f"period_{field}__gt": 0})
    return (ActivityMask.objects.filter(scope.groups("group__"), grain=units.grain,
                                        block__in=sorted(period))
            .annotate(**{f"period_{field}": _hits(field, period)
                         for field in PERSON_FLAGS.values()})
            .filter(active))


def activity_figures(*, scope: Scope) -> tuple[Numbers, Numbers]:
    """Attendance and going RSVPs of the period's held sessions: distinct people (who
    attended, who said they would come, who came when they said so) and the plain counts.

    Three queries over the rollups (dashboards.models), whatever the number of attendance rows:
    people over the whole period in every breakdown, people per trend bucket, and the counts.
    Returns (attendance, rsvps), each in the shape the report reads."""
    units = Units.of(scope.period)
    per_person = {**{flag: _person_sql(flag) for flag in PERSON_FLAGS},
                  "in_scope": "MAX(CASE WHEN r.in_scope THEN 1 ELSE 0 END)"}
    people = {name: _people_sql(flag, everyone=everyone)
              for name, (flag, everyone) in PEOPLE.items()}
    rows = _masks(scope, units).values(
        person=F("user_id"), dept=F("department_id"), category=F("group__category"),
        in_scope=_in_scope_flag(scope), **_named("group__"),
        **{flag: F(f"period_{field}") for flag, field in PERSON_FLAGS.items()})
    sets = grouped(rows=rows, sets={
        "total": (), "by_department": ("dept",), "by_category": ("category",),
        "by_group": ("category", "named", "name")}, per_person=per_person, aggregates=people)

    by_bucket = _people_by_bucket(scope, units)

    counts = (ActivityTally.objects.filter(scope.groups("group__"), grain=units.grain,
                                           unit__gte=units.units[0],
                                           unit__lte=units.units[-1])
              .values("unit", "department_id")
              .annotate(rows=Sum("attendance"), going=Sum("going"),
                        attended=Sum("going_attended")).order_by())
    return _attendance(scope, units, sets, by_bucket, counts), _rsvps(
        scope, units, sets, by_bucket, counts)


class BitOr(Aggregate):
    """The OR of a mask column (PostgreSQL's BIT_OR; dashboards.apps adds it to SQLite)."""

    function = "BIT_OR"
    output_field = BigIntegerField()


def _people_by_bucket(scope: Scope, units: Units) -> Numbers:
    rows = _masks(scope, units)
    return per_bucket(rows=rows, units=units, masks=PERSON_FLAGS, people=PEOPLE,
                      in_scope=_in_scope_number(scope))


def per_bucket(*, rows: QuerySet, units: Units, masks: dict[str, str],
               people: dict[str, tuple[str, bool]], in_scope: Any) -> Numbers:
    """Distinct people per trend bucket, in one query: each person's masks (`masks`: flag ->
    mask column of `rows`) OR-ed per block, one row per person and block; then per bucket
    and figure of `people` (name -> (flag, counts people outside the department filter too))
    the people whose OR-ed mask has the bucket's bit. Returns {f"{name}{bucket index}": n}."""
    inner = (rows.values(person=F("user_id"), blk=F("block"))
             .annotate(**{flag: BitOr(field) for flag, field in masks.items()},
                       in_scope=Max(in_scope))
             .order_by())
    sql, params = inner.query.sql_with_params()
    columns, values = [], []
    for i, unit in enumerate(units.units):
        block, bit = Units.bit(unit)
        for name, (flag, everyone) in people.items():
            scoped = "" if everyone else " AND p.in_scope = 1"
            columns.append(f"COUNT(CASE WHEN p.blk = %s AND (p.{flag} & %s) <> 0{scoped} "
                           f"THEN 1 END)")
            values.append((f"{name}{i}", (block, bit)))
    query = f"SELECT {', '.join(columns)} FROM ({sql}) p"  # noqa: S608 - constant SQL
    with connection.cursor() as cursor:
        cursor.execute(query, [*[v for _n, pair in values for v in pair], *params])
        record = cursor.fetchone()
    return {name: count or 0 for (name, _pair), count in zip(values, record, strict=True)}


def _bucket_start(scope: Scope, units: Units) -> dict[int, Any]:
    return {unit: start for unit, (start, _end) in zip(units.units, scope.period.buckets(),
                                                        strict=True)}


def _attendance(scope, units, sets, by_bucket, counts) -> Numbers:
    starts = _bucket_start(scope, units)
    rows_by_unit: dict[int, int] = {}
    for row in counts:
        rows_by_unit[row["unit"]] = rows_by_unit.get(row["unit"], 0) + (row["rows"] or 0)
    total = sets["total"][0] if sets["total"] else {}
    trend = {}
    for i, unit in enumerate(units.units):
        if rows_by_unit.get(unit):
            trend[starts[unit]] = {"bucket": starts[unit], "rows": rows_by_unit[unit],
                                   "people_all": by_bucket.get(f"people_all{i}", 0),
                                   "people": by_bucket.get(f"people{i}", 0)}
    # Breakdowns count in-scope people only; a part without any is absent, as with a filter.
    return {
        "total": {"rows": sum(rows_by_unit.values()), "people_all": total.get("people_all", 0),
                  "people": total.get("people", 0)},
        "trend": trend,
        "by_department": {row["dept"]: row["people"] for row in sets["by_department"]
                          if row["people"]},
        "by_category": {row["category"]: row["people"] for row in sets["by_category"]
                        if row["people"]},
        "by_group": [{"session__group__category": row["category"], "named": row["named"],
                      "name": row["name"], "people": row["people"]}
                     for row in sets["by_group"] if row["people"]],
    }


def _rsvps(scope, units, sets, by_bucket, counts) -> Numbers:
    """Going RSVPs and how many of them were attended (the attendance rate), in scope."""
    starts = _bucket_start(scope, units)
    keys = ("going", "attended")
    in_scope = [row for row in counts
                if not scope.department_id or row["department_id"] == scope.department_id]
    by_unit: dict[int, dict] = {}
    by_dept: dict[int | None, dict] = {}
    for row in in_scope:
        for target in (by_unit.setdefault(row["unit"], dict.fromkeys(keys, 0)),
                       by_dept.setdefault(row["department_id"], dict.fromkeys(keys, 0))):
            for key in keys:
                target[key] += row[key] or 0
    total = sets["total"][0] if sets["total"] else {}
    trend = {}
    for i, unit in enumerate(units.units):
        if by_unit.get(unit, {}).get("going"):
            trend[starts[unit]] = {"bucket": starts[unit], **by_unit[unit],
                                   "going_people": by_bucket.get(f"going_people{i}", 0),
                                   "attended_people": by_bucket.get(f"attended_people{i}", 0)}
    people = {row["dept"]: row for row in sets["by_department"]}
    return {
        "total": {"going": sum(r["going"] for r in by_unit.values()),
                  "attended": sum(r["attended"] for r in by_unit.values()),
                  "going_people": total.get("going_people", 0),
                  "attended_people": total.get("attended_people", 0)},
        "trend": trend,
        "by_department": {dept: {"user__department_id": dept, **row,
                                 "going_people": people.get(dept, {}).get("going_people", 0),
                                 "attended_people": people.get(dept, {}).get("attended_people",
                                                                              0)}
                          for dept, row in by_dept.items() if row["going"]},
    }
