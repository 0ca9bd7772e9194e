"""True participation aggregates: memberships, groups, sessions, attendance, RSVPs.

Every function is a fixed number of aggregate queries (GROUP BY in the database, never a loop
over rows), whatever the size of the organisation or the period.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, Value, When

from accounts.models import Department, User
from dashboards.selectors.base import Scope, as_utc, member_at, member_during, public_group
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


def attendance_figures(*, scope: Scope) -> Numbers:
    """Distinct people who attended held sessions, and attendance rows (for session size)."""
    base = Attendance.objects.filter(
        scope.groups("session__group__"), session__status=Session.Status.SCHEDULED,
        session__starts_at__gte=scope.period.start, session__starts_at__lt=scope.period.end)
    in_scope = scope.people()
    sized = {"rows": Count("id"), "people_all": _distinct_user(),
             "people": _distinct_user(in_scope) if in_scope else _distinct_user()}
    totals = base.aggregate(**sized)
    trend = {as_utc(row["bucket"]): row for row in
             base.annotate(bucket=scope.bucket("session__starts_at")).values("bucket")
             .annotate(**sized).order_by()}
    people_only = base.filter(in_scope)
    by_department = {row["user__department_id"]: row["people"] for row in
                     people_only.values("user__department_id")
                     .annotate(people=_distinct_user()).order_by()}
    by_category = {row["session__group__category"]: row["people"] for row in
                   people_only.values("session__group__category")
                   .annotate(people=_distinct_user()).order_by()}
    by_group = list(people_only.values("session__group__category", **_named("session__group__"))
                    .annotate(people=_distinct_user()).order_by())
    return {"total": totals, "trend": trend, "by_department": by_department,
            "by_category": by_category, "by_group": by_group}


def rsvp_figures(*, scope: Scope) -> Numbers:
    """Going RSVPs to held sessions and how many of them were attended (attendance rate)."""
    came = Exists(Attendance.objects.filter(session_id=OuterRef("session_id"),
                                            user_id=OuterRef("user_id")))
    base = (RSVP.objects.filter(scope.groups("session__group__"), scope.people(),
                                status=RSVP.Status.GOING,
                                session__status=Session.Status.SCHEDULED,
                                session__starts_at__gte=scope.period.start,
                                session__starts_at__lt=scope.period.end)
            .annotate(came=came))
    counts = {"going": Count("id"), "attended": Count("id", filter=Q(came=True)),
              "going_people": _distinct_user(),
              "attended_people": _distinct_user(Q(came=True))}
    totals = base.aggregate(**counts)
    trend = {as_utc(row["bucket"]): row for row in
             base.annotate(bucket=scope.bucket("session__starts_at")).values("bucket")
             .annotate(**counts).order_by()}
    by_department = {row["user__department_id"]: row for row in
                     base.values("user__department_id").annotate(**counts).order_by()}
    return {"total": totals, "trend": trend, "by_department": by_department}
