"""True participation aggregates: memberships, groups, sessions, attendance, RSVPs.

Every function is a fixed number of aggregate queries (GROUP BY in the database, never a loop
over rows), whatever the size of the organisation or the period.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, CharField, Count, F, Q, Sum, Value, When

from accounts.models import Department, User
from dashboards.models import ActivityMask, ActivityTally, MembershipMask
from dashboards.rollups import Units
from dashboards.selectors.base import Scope, as_utc, public_group
from dashboards.selectors.masks import (
    category_rows,
    group_rows,
    in_scope,
    people_count,
    people_rows,
    unnamed_rows,
)
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


def departments() -> list[Department]:
    return list(Department.objects.order_by("name"))


def headcount_by_department() -> dict[int | None, int]:
    """Active employees per department id (None: no department). One query."""
    rows = (User.objects.filter(is_active=True).values("department_id")
            .annotate(n=Count("id")).order_by())
    return {row["department_id"]: row["n"] for row in rows}


def _sum(rows, key: str) -> int:
    return sum(row[key] or 0 for row in rows)


def _breakdowns(model, scope: Scope, units: Units, counts: dict[str, Count]) -> dict:
    """`counts` (name -> people_count) per category, per named group, and for the unnamed
    groups of each category: people of the department filter only. Three queries."""
    base = model.objects.filter(scope.people(""), **units.place())
    by_category = list(base.filter(category_rows(scope)).values("category")
                       .annotate(**counts).order_by())
    named = list(base.filter(group_rows(scope)).values("category", **_named("group__"))
                 .annotate(**counts).order_by())
    unnamed = list(base.filter(unnamed_rows(scope)).values("category").annotate(**counts)
                   .order_by())
    return {"by_category": by_category,
            "by_group": named + [dict(row, named=None, name="") for row in unnamed]}


MEMBER_FIGURES = ("active", "joined", "left", "at_start", "at_end")


def membership_figures(*, scope: Scope) -> Numbers:
    """Active, new and leaving members: in total, per bucket, department, category, group.

    Four queries over the membership masks (dashboards.models.MembershipMask): one row per
    person, counted per department with the trend; then per category and group."""
    units = Units.of(scope.period)
    # Named n_*: an annotation may not take the name of a mask column.
    counts = {"n_active": people_count("active", units.mask),
              "n_joined": people_count("joined", units.mask),
              "n_left": people_count("left", units.mask),
              "n_at_start": people_count("present", units.bit(units.units[0])),
              "n_at_end": people_count("present", units.bit(units.units[-1] + 1))}
    trend_counts = {}
    for i, unit in enumerate(units.units):
        trend_counts[f"active{i}"] = people_count("active", units.bit(unit))
        trend_counts[f"joined{i}"] = people_count("joined", units.bit(unit))
    people = list(MembershipMask.objects.filter(people_rows(scope), scope.people(""),
                                                **units.place())
                  .values("department_id").annotate(**counts, **trend_counts).order_by())
    parts = _breakdowns(MembershipMask, scope, units, counts)

    def figures(row: dict) -> dict:
        return {name: row[f"n_{name}"] for name in MEMBER_FIGURES}

    return {
        # One department per person (the rollups' snapshot): people add up across them.
        "total": {name: _sum(people, f"n_{name}") for name in MEMBER_FIGURES},
        "trend": [{"active": _sum(people, f"active{i}"), "joined": _sum(people, f"joined{i}")}
                  for i in range(len(units.units))],
        "by_department": {row["department_id"]: {"user__department_id": row["department_id"],
                                                 **figures(row)}
                          for row in people if row["n_active"]},
        "by_category": {row["category"]: {"group__category": row["category"], **figures(row)}
                        for row in parts["by_category"] if row["n_active"]},
        "by_group": [{"group__category": row["category"], "named": row["named"],
                      "name": row["name"], "active": row["n_active"],
                      "joined": row["n_joined"]}
                     for row in parts["by_group"] if row["n_active"]],
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


ACTIVITY_FIGURES = {"a": "attended", "g": "going", "ga": "going_attended"}


def activity_figures(*, scope: Scope) -> tuple[Numbers, Numbers]:
    """Attendance and going RSVPs of the period's held sessions: distinct people (who
    attended, who said they would come, who came when they said so) and the plain counts.

    Five queries over the rollups (dashboards.models), whatever the number of attendance
    rows: people per department with the trend, per category, per named group, for the
    unnamed groups, and the counts. Returns (attendance, rsvps), each in the shape the report
    reads. People are counted for the department filter only, except `people_all` (everyone
    who attended: what a session's size is about)."""
    units = Units.of(scope.period)
    counts = {flag: people_count(field, units.mask) for flag, field in ACTIVITY_FIGURES.items()}
    trend_counts = {f"{flag}{i}": people_count(field, units.bit(unit))
                    for i, unit in enumerate(units.units)
                    for flag, field in ACTIVITY_FIGURES.items()}
    # Every department here (a session's size counts everyone); the filter is applied below.
    people = list(ActivityMask.objects.filter(people_rows(scope), **units.place())
                  .values("department_id").annotate(**counts, **trend_counts).order_by())
    parts = _breakdowns(ActivityMask, scope, units, {"a": counts["a"]})
    tallies = list(ActivityTally.objects.filter(scope.groups("group__"), grain=units.grain,
                                                unit__gte=units.units[0],
                                                unit__lte=units.units[-1])
                   .values("unit", "department_id")
                   .annotate(rows=Sum("attendance"), going=Sum("going"),
                             attended=Sum("going_attended")).order_by())
    mine = [row for row in people if in_scope(scope, row["department_id"])]
    return (_attendance(scope, units, people, mine, parts, tallies),
            _rsvps(scope, units, mine, tallies))


def _bucket_starts(scope: Scope, units: Units) -> dict[int, Any]:
    return {unit: start for unit, (start, _end) in zip(units.units, scope.period.buckets(),
                                                        strict=True)}


def _attendance(scope, units, people, mine, parts, tallies) -> Numbers:
    """`people`: per-department rows of everyone; `mine`: those the department filter keeps."""
    starts = _bucket_starts(scope, units)
    rows_by_unit: dict[int, int] = {}
    for row in tallies:
        rows_by_unit[row["unit"]] = rows_by_unit.get(row["unit"], 0) + (row["rows"] or 0)
    trend = {}
    for i, unit in enumerate(units.units):
        if rows_by_unit.get(unit):
            trend[starts[unit]] = {"bucket": starts[unit], "rows": rows_by_unit[unit],
                                   "people_all": _sum(people, f"a{i}"),
                                   "people": _sum(mine, f"a{i}")}
    # Breakdowns count in-scope people only; a part without any is absent, as with a filter.
    return {
        "total": {"rows": sum(rows_by_unit.values()), "people_all": _sum(people, "a"),
                  "people": _sum(mine, "a")},
        "trend": trend,
        "by_department": {row["department_id"]: row["a"] for row in mine if row["a"]},
        "by_category": {row["category"]: row["a"] for row in parts["by_category"] if row["a"]},
        "by_group": [{"session__group__category": row["category"], "named": row["named"],
                      "name": row["name"], "people": row["a"]}
                     for row in parts["by_group"] if row["a"]],
    }


def _rsvps(scope, units, mine, tallies) -> Numbers:
    """Going RSVPs and how many of them were attended (the attendance rate), in scope."""
    starts = _bucket_starts(scope, units)
    keys = ("going", "attended")
    by_unit: dict[int, dict] = {}
    by_dept: dict[int | None, dict] = {}
    for row in tallies:
        if not in_scope(scope, row["department_id"]):
            continue
        for target in (by_unit.setdefault(row["unit"], dict.fromkeys(keys, 0)),
                       by_dept.setdefault(row["department_id"], dict.fromkeys(keys, 0))):
            for key in keys:
                target[key] += row[key] or 0
    trend = {}
    for i, unit in enumerate(units.units):
        if by_unit.get(unit, {}).get("going"):
            trend[starts[unit]] = {"bucket": starts[unit], **by_unit[unit],
                                   "going_people": _sum(mine, f"g{i}"),
                                   "attended_people": _sum(mine, f"ga{i}")}
    people_by_dept = {row["department_id"]: row for row in mine}
    return {
        "total": {"going": sum(r["going"] for r in by_unit.values()),
                  "attended": sum(r["attended"] for r in by_unit.values()),
                  "going_people": _sum(mine, "g"), "attended_people": _sum(mine, "ga")},
        "trend": trend,
        "by_department": {dept: {"user__department_id": dept, **row,
                                 "going_people": people_by_dept.get(dept, {}).get("g", 0),
                                 "attended_people": people_by_dept.get(dept, {}).get("ga", 0)}
                          for dept, row in by_dept.items() if row["going"]},
    }
