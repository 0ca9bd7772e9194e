"""The demo's team-building group, and rating a run from the session page."""

import pytest
from django.core.management import call_command

from activities.models import Activity, ActivityRun, Rating, RatingReceipt, SessionActivity
from groups.models import Group
from sessions.models import Session

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_team_building_group_whose_session_carries_an_activity(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    first = SessionActivity.objects.count()
    call_command("seed_demo", verbosity=0)

    group = Group.objects.get(slug="team-cafe")
    assert group.category == "team_building"
    sessions = Session.objects.filter(group=group, kind="team_building", format="online")
    assert sessions.exists()
    assert SessionActivity.objects.filter(session__in=sessions,
                                          activity__slug="appreciation-round").exists()
    assert SessionActivity.objects.count() == first  # nothing doubled


@pytest.fixture
def ended_run(upcoming, library):
    activity = Activity.objects.get(slug="appreciation-round")
    return ActivityRun.objects.create(session=upcoming, activity=activity, title=activity.title,
                                      category=activity.category, steps=[], status="ended",
                                      started_at=upcoming.starts_at, ended_at=upcoming.ends_at)


def test_a_member_rates_once_and_the_rating_carries_no_person(client, ended_run, member):
    client.force_login(member)

    first = client.post(f"/activities/runs/{ended_run.pk}/rate/", {"answer": "helpful"})
    again = client.post(f"/activities/runs/{ended_run.pk}/rate/", {"answer": "not_for_me"})

    assert first.status_code == again.status_code == 302
    assert list(Rating.objects.values_list("answer", flat=True)) == ["helpful"]
    assert RatingReceipt.objects.filter(user=member).count() == 1
    assert {f.name for f in Rating._meta.get_fields()} == {"id", "run", "activity", "answer",
                                                         "created_on"}


def test_an_outsider_cannot_rate(client, ended_run, outsider):
    client.force_login(outsider)

    response = client.post(f"/activities/runs/{ended_run.pk}/rate/", {"answer": "helpful"})

    assert response.status_code == 403 and not Rating.objects.exists()


def test_a_bad_answer_or_a_running_activity_stores_nothing(client, ended_run, member):
    client.force_login(member)
    client.post(f"/activities/runs/{ended_run.pk}/rate/", {"answer": "meh"})
    ActivityRun.objects.filter(pk=ended_run.pk).update(status="running", ended_at=None)
    client.post(f"/activities/runs/{ended_run.pk}/rate/", {"answer": "helpful"})

    assert not Rating.objects.exists()
    assert client.post("/activities/runs/999999/rate/", {"answer": "helpful"}).status_code == 404
