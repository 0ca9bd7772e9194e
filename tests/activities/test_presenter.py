"""The presenter page /sessions/<id>/activity/ and its control endpoint."""

import datetime as dt

import pytest
from django.utils import timezone

from activities.models import Activity, ActivityRun, SessionActivity
from tests.sessions.factories import schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def now_session(team, facilitator, library):
    """An in-person session happening now, with an activity planned."""
    session = schedule(team, facilitator, title="Lunch walk", minutes=60,
                       format="in_person", location="Lobby")
    start = timezone.now() - dt.timedelta(minutes=5)
    type(session).objects.filter(pk=session.pk).update(starts_at=start,
                                                       ends_at=start + dt.timedelta(hours=1))
    session.refresh_from_db()
    SessionActivity.objects.create(session=session,
                                   activity=Activity.objects.get(slug="walking-pairs"))
    return session


def test_the_facilitator_presents_and_drives_it_by_posts(client, logged_in, now_session,
                                                         facilitator):
    client = logged_in(facilitator)
    page = client.get(f"/sessions/{now_session.pk}/activity/")
    url = f"/sessions/{now_session.pk}/activity/control/"

    started = client.post(url, {"action": "start", "activity": "walking-pairs"}).json()
    moved = client.post(url, {"action": "next", "version": started["run"]["version"]}).json()
    stale = client.post(url, {"action": "next", "version": started["run"]["version"]})

    assert page.status_code == 200 and "Walking conversations in pairs" in page.content.decode()
    assert started["run"]["step"]["title"] == "Pair up"
    assert moved["run"]["step"]["title"] == "Talk"
    assert stale.status_code == 409 and stale.json()["run"]["step_index"] == 1


def test_a_member_gets_403_and_an_outsider_of_a_private_group_404(client, now_session, member,
                                                                 outsider):
    client.force_login(member)
    assert client.get(f"/sessions/{now_session.pk}/activity/").status_code == 403
    assert client.post(f"/sessions/{now_session.pk}/activity/control/",
                       {"action": "start", "activity": "walking-pairs"}).status_code == 403
    now_session.group.visibility = "private"
    now_session.group.save()
    client.force_login(outsider)
    assert client.get(f"/sessions/{now_session.pk}/activity/").status_code == 404
    assert not ActivityRun.objects.exists()


@pytest.mark.parametrize("data", [{"action": "dance"}, {"action": "next", "version": "x1"},
                                  {"action": "start", "activity": "not-planned"}])
def test_bad_control_input_is_a_4xx(client, logged_in, now_session, facilitator, data):
    client = logged_in(facilitator)

    response = client.post(f"/sessions/{now_session.pk}/activity/control/", data)

    assert response.status_code in (400, 409)
    assert "detail" in response.json()
