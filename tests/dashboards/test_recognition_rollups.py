"""Recognition figures read from the rollups equal the plain ORM aggregates over the raw
recognitions (the straightforward way they were first written), for every period and filter."""

import datetime as dt

import pytest
from django.db.models import Count

from dashboards import rollups
from dashboards.periods import period_for
from dashboards.selectors import engagement
from dashboards.selectors.base import Scope
from recognition.models import Recognition, RecognitionRecipient, Value
from tests.dashboards.conftest import last_week_start
from tests.factories import UserFactory


def reference(scope: Scope) -> dict:
    start, end = scope.period.start, scope.period.end
    base = Recognition.objects.filter(scope.groups("group__"), is_hidden=False,
                                      created_at__gte=start, created_at__lt=end)
    given = base.filter(scope.people("giver__"))
    totals = given.aggregate(given=Count("id"), givers=Count("giver", distinct=True))
    received = RecognitionRecipient.objects.filter(
        scope.groups("recognition__group__"), scope.people("recipient__"),
        recognition__is_hidden=False, recognition__created_at__gte=start,
        recognition__created_at__lt=end)
    totals.update(received.aggregate(recipients=Count("recipient", distinct=True)))
    return {
        "total": totals,
        "by_value": sorted((r["values__name"] or "", r["count"], r["givers"]) for r in
                           given.values("values__name").annotate(
                               count=Count("id", distinct=True),
                               givers=Count("giver", distinct=True)).order_by()),
        "givers": {r["giver__department_id"]: r for r in given.values(
            "giver__department_id").annotate(given=Count("id"),
                                             givers=Count("giver", distinct=True)).order_by()},
        "receivers": {r["recipient__department_id"]: r for r in received.values(
            "recipient__department_id").annotate(
                received=Count("recognition", distinct=True),
                recipients=Count("recipient", distinct=True)).order_by()},
    }


@pytest.fixture
def recognised(org):
    week = last_week_start()
    values = [Value.objects.get_or_create(slug=s, defaults={"name": s.title()})[0]
              for s in ("empathy", "courage")]
    people = org.engineering + org.finance + [UserFactory()]  # the last: no department

    def give(giver, recipients, when, values=(), group=None, hidden=False):
        visibility = Recognition.Visibility.GROUP if group else Recognition.Visibility.PUBLIC
        recognition = Recognition.objects.create(giver=giver, message="Thank you", group=group,
                                                 visibility=visibility, is_hidden=hidden)
        recognition.values.set(values)
        for person in recipients:
            RecognitionRecipient.objects.create(recognition=recognition, recipient=person)
        Recognition.objects.filter(pk=recognition.pk).update(created_at=when)

    give(people[0], people[1:3], week + dt.timedelta(days=1), values)  # two recipients
    give(people[0], people[8:9], week + dt.timedelta(days=2), values[:1])
    give(people[1], people[0:1], week - dt.timedelta(weeks=2), (), org.open_circle)
    give(people[8], people[0:2], week + dt.timedelta(days=3), values[1:], org.quiet_harbour)
    give(people[10], people[9:10], week - dt.timedelta(weeks=8), values)  # no department
    give(people[2], people[3:4], week, values, hidden=True)  # hidden: never counted
    give(people[3], people[4:5], week - dt.timedelta(weeks=40), values[:1])  # a year back
    give(people[4], people[5:6], week + dt.timedelta(weeks=1, days=1))  # this week: not yet
    return org


@pytest.mark.parametrize("preset", ["4w", "quarter", "year"])
@pytest.mark.parametrize("filters", ["none", "finance", "engineering", "category", "group"])
def test_recognition_figures_equal_the_plain_aggregates(recognised, preset, filters):
    org = recognised
    options = {
        "none": {}, "finance": {"department_id": org.finance[0].department_id},
        "engineering": {"department_id": org.engineering[0].department_id},
        "category": {"category": org.open_circle.category},
        "group": {"group_id": org.open_circle.id},
    }[filters]
    scope = Scope(period=period_for(preset=preset), **options)
    rollups.build()
    figures = engagement.recognition_figures(scope=scope)
    expected = reference(scope)
    assert figures["total"] == expected["total"]
    assert sorted((r["values__name"] or "", r["count"], r["givers"])
                  for r in figures["by_value"]) == expected["by_value"]
    assert figures["givers"] == expected["givers"]
    assert figures["receivers"] == expected["receivers"]
    if preset == "quarter" and filters == "none":  # the fixture reaches the figures
        assert expected["total"] == {"given": 5, "givers": 4, "recipients": 5}
