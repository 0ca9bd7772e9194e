"""The figures read from the rollups (per-person bitmasks and per-week tallies) give exactly
what one plain ORM aggregate per grouping over the raw attendance and RSVP rows gives (the
straightforward way they were first written), for every period and filter."""

import datetime as dt

import pytest
from django.db.models import Count, Exists, OuterRef, Q

from dashboards import rollups
from dashboards.periods import period_for
from dashboards.selectors import participation
from dashboards.selectors.base import Scope, as_utc
from groups.models import Membership
from sessions.models import RSVP, Attendance, Session
from tests.dashboards.conftest import hold_session, join, last_week_start
from tests.factories import UserFactory


def reference_attendance(scope: Scope) -> dict:
    base = Attendance.objects.filter(
        scope.groups("session__group__"), session__status=Session.Status.SCHEDULED,
        session__starts_at__gte=scope.period.start, session__starts_at__lt=scope.period.end)
    in_scope = scope.people()
    people = Count("user", distinct=True, filter=in_scope) if in_scope else Count(
        "user", distinct=True)
    sized = {"rows": Count("id"), "people_all": Count("user", distinct=True), "people": people}
    only = base.filter(in_scope)
    return {
        "total": base.aggregate(**sized),
        "trend": {as_utc(r["bucket"]): r for r in base.annotate(
            bucket=scope.bucket("session__starts_at")).values("bucket").annotate(**sized)
            .order_by()},
        "by_department": {r["user__department_id"]: r["n"] for r in only.values(
            "user__department_id").annotate(n=Count("user", distinct=True)).order_by()},
        "by_category": {r["session__group__category"]: r["n"] for r in only.values(
            "session__group__category").annotate(n=Count("user", distinct=True)).order_by()},
    }


def member_at(moment: dt.datetime) -> Q:
    """A membership that was active at `moment`."""
    still = Q(left_at__isnull=True, status=Membership.Status.ACTIVE)
    return Q(joined_at__lt=moment) & (still | Q(left_at__gte=moment))


def member_during(start: dt.datetime, end: dt.datetime) -> Q:
    """A membership active at some moment of [start, end)."""
    still = Q(left_at__isnull=True, status=Membership.Status.ACTIVE)
    return Q(joined_at__lt=end) & (still | Q(left_at__gte=start))


def reference_memberships(scope: Scope) -> dict:
    start, end = scope.period.start, scope.period.end
    base = Membership.objects.filter(scope.groups("group__"), scope.people(),
                                     member_during(start, end))
    people = {
        "active": Count("user", distinct=True),
        "joined": Count("user", distinct=True, filter=Q(joined_at__gte=start, joined_at__lt=end)),
        "left": Count("user", distinct=True, filter=Q(left_at__gte=start, left_at__lt=end)),
        "at_start": Count("user", distinct=True, filter=member_at(start)),
        "at_end": Count("user", distinct=True, filter=member_at(end)),
    }
    trend = []
    for b_start, b_end in scope.period.buckets():
        trend.append(base.aggregate(
            active=Count("user", distinct=True, filter=member_during(b_start, b_end)),
            joined=Count("user", distinct=True, filter=Q(joined_at__gte=b_start,
                                                         joined_at__lt=b_end))))
    return {
        "total": base.aggregate(**people),
        "trend": trend,
        "by_department": {r["user__department_id"]: (r["active"], r["joined"]) for r in base.values(
            "user__department_id").annotate(**people).order_by()},
        "by_category": {r["group__category"]: {k: r[k] for k in people} for r in base.values(
            "group__category").annotate(**people).order_by()},
        "by_group": sorted((r["group__category"], r["group_id"], r["active"], r["joined"])
                           for r in base.values("group__category", "group_id")
                           .annotate(**people).order_by()),
    }


def reference_rsvps(scope: Scope) -> dict:
    came = Exists(Attendance.objects.filter(session_id=OuterRef("session_id"),
                                            user_id=OuterRef("user_id")))
    base = RSVP.objects.filter(
        scope.groups("session__group__"), scope.people(), status=RSVP.Status.GOING,
        session__status=Session.Status.SCHEDULED, session__starts_at__gte=scope.period.start,
        session__starts_at__lt=scope.period.end).annotate(came=came)
    counts = {"going": Count("id"), "attended": Count("id", filter=Q(came=True)),
              "going_people": Count("user", distinct=True),
              "attended_people": Count("user", distinct=True, filter=Q(came=True))}
    return {
        "total": base.aggregate(**counts),
        "trend": {as_utc(r["bucket"]): r for r in base.annotate(
            bucket=scope.bucket("session__starts_at")).values("bucket").annotate(**counts)
            .order_by()},
        "by_department": {r["user__department_id"]: r for r in base.values(
            "user__department_id").annotate(**counts).order_by()},
    }


@pytest.fixture
def busier_org(org):
    """Two more weeks, a person in two sessions of a week, a no-show, a session outside."""
    week = last_week_start()
    extra = [UserFactory(department=org.engineering[0].department) for _ in range(3)]
    people = org.engineering[:4] + extra
    for weeks_back in (1, 2):
        hold_session(org.open_circle, week - dt.timedelta(weeks=weeks_back, days=-1), people,
                     people[:-1])
    hold_session(org.skills_lab, week + dt.timedelta(days=1), people[:3], people[:3])
    hold_session(org.open_circle, week - dt.timedelta(weeks=30), people, people)
    # Memberships that end: left inside the periods, removed, left long ago, left on a
    # bucket's first instant; and one that began on a period's first instant.
    Membership.objects.filter(group=org.open_circle, user=org.engineering[1]).update(
        status=Membership.Status.LEFT, left_at=week - dt.timedelta(days=3))
    Membership.objects.filter(group=org.quiet_harbour, user=org.engineering[6]).update(
        status=Membership.Status.REMOVED, left_at=week + dt.timedelta(days=2))
    Membership.objects.filter(group=org.skills_lab, user=org.engineering[2]).update(
        status=Membership.Status.LEFT, joined_at=week - dt.timedelta(weeks=70),
        left_at=week - dt.timedelta(weeks=60))
    Membership.objects.filter(group=org.skills_lab, user=org.engineering[3]).update(
        status=Membership.Status.LEFT, joined_at=week - dt.timedelta(weeks=5), left_at=week)
    join(org.skills_lab, extra[:1], week - dt.timedelta(weeks=3))
    Membership.objects.create(group=org.skills_lab, user=extra[1], joined_at=week,
                              status=Membership.Status.REMOVED)  # never active
    return org


@pytest.mark.parametrize("preset", ["4w", "quarter", "year"])
@pytest.mark.parametrize("filters", ["none", "finance", "engineering", "category", "group"])
def test_grouped_figures_equal_one_plain_aggregate_per_grouping(busier_org, preset, filters):
    org = busier_org
    options = {
        "none": {}, "finance": {"department_id": org.finance[0].department_id},
        "engineering": {"department_id": org.engineering[0].department_id},
        "category": {"category": org.skills_lab.category},
        "group": {"group_id": org.open_circle.id},
    }[filters]
    scope = Scope(period=period_for(preset=preset), **options)
    rollups.build()
    members = participation.membership_figures(scope=scope)
    expected = reference_memberships(scope)
    assert {k: members["total"][k] for k in expected["total"]} == expected["total"]
    assert members["trend"] == expected["trend"]
    assert {d: (r["active"], r["joined"]) for d, r in members["by_department"].items()} == (
        expected["by_department"])
    assert {c: {k: r[k] for k in expected["total"]} for c, r in members["by_category"].items()
            } == expected["by_category"]
    named = sorted((r["group__category"], r["named"], r["active"], r["joined"])
                   for r in members["by_group"] if r["named"])
    public = {busier_org.open_circle.id, busier_org.skills_lab.id}
    assert named == [row for row in expected["by_group"] if row[1] in public]
    attendance, rsvps = participation.activity_figures(scope=scope)
    expected = reference_attendance(scope)
    for key in ("total", "trend", "by_department", "by_category"):
        assert attendance[key] == expected[key], key
    assert rsvps == reference_rsvps(scope)
