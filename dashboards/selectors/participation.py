"""True participation aggregates: memberships, groups, sessions, attendance, RSVPs.

Every function is a fixed number of aggregate queries (GROUP BY in the database, never a loop
over rows), whatever the size of the organisation or the period.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from accounts.models import Department, User
from dashboards.selectors.base import Scope, as_utc, member_at, member_during, public_group
from dashboards.selectors.grouping import bucket_index, grouped
from groups.models import Group, Membership
from sessions.models import RSVP, Attendance, Session

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


def membership_figures(*, scope: Scope) -> Numbers:
    """Active, new and leaving members: in total, per bucket, department, category, group."""
    start, end = scope.period.start, scope.period.end
    buckets = scope.period.buckets()
    base = Membership.objects.filter(scope.groups("group__"), scope.people(),
                                     member_during(start, end))
    figures = {
        "active": _distinct_user(),
        "joined": _distinct_user(Q(joined_at__gte=start, joined_at__lt=end)),
        "left": _distinct_user(Q(left_at__gte=start, left_at__lt=end)),
        "at_start": _distinct_user(member_at(start)),
        "at_end": _distinct_user(member_at(end)),
    }
    trend_aggregates = {}
    for i, (b_start, b_end) in enumerate(buckets):
        trend_aggregates[f"active_{i}"] = _distinct_user(member_during(b_start, b_end))
        trend_aggregates[f"joined_{i}"] = _distinct_user(Q(joined_at__gte=b_start,
                                                           joined_at__lt=b_end))
    totals = base.aggregate(**figures, **trend_aggregates)
    trend = [{"active": totals.pop(f"active_{i}"), "joined": totals.pop(f"joined_{i}")}
             for i in range(len(buckets))]
    by_department = {
        row["user__department_id"]: row
        for row in base.values("user__department_id").annotate(
            active=figures["active"], joined=figures["joined"]).order_by()
    }
    by_category = {
        row["group__category"]: row
        for row in base.values("group__category").annotate(**figures).order_by()
    }
    by_group = list(base.values("group__category", **_named("group__"))
                    .annotate(active=figures["active"], joined=figures["joined"]).order_by())
    return {"total": totals, "trend": trend, "by_department": by_department,
            "by_category": by_category, "by_group": by_group}


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


def held_sessions(*, scope: Scope) -> QuerySet:
    """Ids of the held sessions of the period in scope. Sessions are few: every fact table is
    restricted by these ids first, so PostgreSQL reaches attendance and RSVPs through their
    session index instead of joining the whole table."""
    return Session.objects.filter(scope.groups("group__"), status=Session.Status.SCHEDULED,
                                  starts_at__gte=scope.period.start,
                                  starts_at__lt=scope.period.end).values("id").order_by()


def _in_scope_flag(scope: Scope) -> Any:
    in_scope = scope.people()
    if not in_scope:
        return Value(True, output_field=BooleanField())
    return Case(When(in_scope, then=Value(True)), default=Value(False),
                output_field=BooleanField())


def _trend(scope: Scope, rows: list[dict]) -> Numbers:
    buckets = scope.period.buckets()
    trend = {}
    for row in rows:
        start = buckets[row.pop("bucket_index")][0]
        trend[start] = {"bucket": start, **row}
    return trend


def attendance_figures(*, scope: Scope) -> Numbers:
    """Distinct people who attended held sessions, and attendance rows (for session size).

    One query: the attendance rows of the period's held sessions, grouped five ways."""
    rows = (Attendance.objects.filter(session_id__in=Subquery(held_sessions(scope=scope)))
            .values(person=F("user_id"), dept=F("user__department_id"),
                    category=F("session__group__category"),
                    bucket_index=bucket_index(scope.period, "session__starts_at"),
                    in_scope=_in_scope_flag(scope), **_named("session__group__")))
    sets = grouped(rows=rows, sets={
        "total": (), "trend": ("bucket_index",), "by_department": ("dept",),
        "by_category": ("category",), "by_group": ("category", "named", "name"),
    }, per_person={"n": "COUNT(*)", "in_scope": "MAX(CASE WHEN r.in_scope THEN 1 ELSE 0 END)"},
       aggregates={"rows": "COALESCE(CAST(SUM(p.n) AS BIGINT), 0)", "people_all": "COUNT(*)",
                   "people": "COUNT(CASE WHEN p.in_scope = 1 THEN 1 END)"})
    # Breakdowns count in-scope people only; a part without any is absent, as with a filter.
    return {
        "total": sets["total"][0] if sets["total"] else {"rows": 0, "people_all": 0, "people": 0},
        "trend": _trend(scope, sets["trend"]),
        "by_department": {row["dept"]: row["people"] for row in sets["by_department"]
                          if row["people"]},
        "by_category": {row["category"]: row["people"] for row in sets["by_category"]
                        if row["people"]},
        "by_group": [{"session__group__category": row["category"], "named": row["named"],
                      "name": row["name"], "people": row["people"]}
                     for row in sets["by_group"] if row["people"]],
    }


def rsvp_figures(*, scope: Scope) -> Numbers:
    """Going RSVPs to held sessions and how many of them were attended (attendance rate).

    One query: the going RSVPs of the period's held sessions, each looked up once in the
    attendance index (session, person), grouped three ways."""
    came = Exists(Attendance.objects.filter(session_id=OuterRef("session_id"),
                                            user_id=OuterRef("user_id")))
    rows = (RSVP.objects.filter(scope.people(), status=RSVP.Status.GOING,
                                session_id__in=Subquery(held_sessions(scope=scope)))
            .values(person=F("user_id"), dept=F("user__department_id"), came=came,
                    bucket_index=bucket_index(scope.period, "session__starts_at")))
    sets = grouped(rows=rows, sets={
        "total": (), "trend": ("bucket_index",), "by_department": ("dept",),
    }, per_person={"going": "COUNT(*)", "attended": "COUNT(CASE WHEN r.came THEN 1 END)"},
       aggregates={"going": "COALESCE(CAST(SUM(p.going) AS BIGINT), 0)",
                   "attended": "COALESCE(CAST(SUM(p.attended) AS BIGINT), 0)",
                   "going_people": "COUNT(*)",
                   "attended_people": "COUNT(CASE WHEN p.attended > 0 THEN 1 END)"})
    empty = {"going": 0, "attended": 0, "going_people": 0, "attended_people": 0}
    return {
        "total": sets["total"][0] if sets["total"] else empty,
        "trend": _trend(scope, sets["trend"]),
        "by_department": {row["dept"]: {"user__department_id": row["dept"],
                                        **{k: row[k] for k in empty}}
                          for row in sets["by_department"]},
    }
