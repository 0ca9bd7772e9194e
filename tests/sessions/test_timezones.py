"""A facilitator in Berlin and a member in New York see the same instant, each in their zone."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import formats, timezone, translation

from sessions.models import Session
from tests.sessions.test_recurrence import next_spring_forward


def shown(moment: dt.datetime, name: str) -> str:
    """A moment as the English pages show it (Django's en-gb formats)."""
    with translation.override("en-gb"):
        return formats.date_format(moment, name)

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


@pytest.fixture
def people(group, facilitator, member):
    facilitator.time_zone = "Europe/Berlin"
    facilitator.save()
    member.time_zone = "America/New_York"
    member.save()
    return facilitator, member


def form_data(facilitator, start: dt.datetime, **extra) -> dict:
    return {"title": "Cross-Atlantic circle", "kind": Session.Kind.PEER_CIRCLE,
            "format": Session.Format.ONLINE, "facilitators": [facilitator.memberships.get().pk],
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"), **extra}


def test_berlin_and_new_york_see_the_same_instant_each_in_their_own_zone(
        client, mfa_exempt, group, people):
    facilitator, member = people
    mfa_exempt(facilitator)
    local_day = (timezone.now() + dt.timedelta(days=40)).astimezone(BERLIN).date()
    berlin_start = dt.datetime.combine(local_day, dt.time(18, 0))
    client.force_login(facilitator)

    response = client.post(f"/sessions/new/{group.slug}/", form_data(facilitator, berlin_start))

    session = Session.objects.get()
    assert response.status_code == 302
    assert session.starts_at == berlin_start.replace(tzinfo=BERLIN)
    assert session.starts_at.tzinfo == dt.UTC
    instant = session.starts_at
    page = client.get(f"/sessions/{session.pk}/").content.decode()
    assert f"{shown(instant.astimezone(BERLIN), 'DATETIME_FORMAT')}</time>" in page
    assert shown(instant.astimezone(BERLIN), "DATETIME_FORMAT").endswith(", 6 p.m.")
    assert "(Europe/Berlin)" in page

    client.force_login(member)
    page = client.get(f"/sessions/{session.pk}/").content.decode()
    new_york = instant.astimezone(NEW_YORK)
    assert f"{shown(new_york, 'DATETIME_FORMAT')}</time>" in page
    assert f">{shown(new_york + dt.timedelta(hours=1), 'TIME_FORMAT')}</time>" in page
    assert "(America/New York)" in page
    assert f'datetime="{instant.isoformat()}"' in page
    assert ", 6 p.m.</time>" not in page


def test_the_create_form_names_the_viewers_zone(client, mfa_exempt, group, people):
    facilitator, _ = people
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    page = client.get(f"/sessions/new/{group.slug}/").content.decode()

    assert "Starts (Europe/Berlin time)" in page


def test_a_time_that_does_not_exist_in_the_viewers_zone_is_a_form_error(
        client, mfa_exempt, group, people):
    facilitator, _ = people
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    gap = dt.datetime.combine(next_spring_forward(BERLIN), dt.time(2, 30))

    response = client.post(f"/sessions/new/{group.slug}/", form_data(facilitator, gap))

    assert response.status_code == 200
    assert "Europe/Berlin" in response.context["form"].errors["starts_at"][0]
    assert not Session.objects.exists()


def test_the_list_shows_times_in_the_viewers_zone(client, group, people, facilitator):
    from tests.sessions.factories import schedule

    _, member = people
    session = schedule(group, facilitator)
    client.force_login(member)

    page = client.get("/sessions/").content.decode()

    assert shown(session.starts_at.astimezone(NEW_YORK), "DATETIME_FORMAT") in page
    assert "your time zone, America/New York" in page
