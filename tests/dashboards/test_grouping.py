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
from sessions.models import RSVP, Attendance, Session
from tests.dashboards.conftest import hold_session, last_week_start
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
    attendance, rsvps = participation.activity_figures(scope=scope)
    expected = reference_attendance(scope)
    for key in ("total", "trend", "by_department", "by_category"):
        assert attendance[key] == expected[key], key
    assert rsvps == reference_rsvps(scope)
