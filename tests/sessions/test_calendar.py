"""Calendar files: one session and the private per-person feed, parsed back with icalendar."""

import pytest
from icalendar import Calendar

from sessions import services
from sessions.models import RSVP, CalendarFeed
from tests.sessions.factories import schedule
from training.services import certification_grant

pytestmark = pytest.mark.django_db


def events(response) -> list:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    return list(calendar.walk("VEVENT"))


def test_a_sessions_ics_parses_back_with_its_time_and_title(client, group, facilitator, member):
    session = schedule(group, facilitator, title="Listening circle", description="Pairs.",
                       format="in_person", location="Room 3")
    client.force_login(member)

    (event,) = events(client.get(f"/sessions/{session.pk}/calendar.ics"))

    assert event["SUMMARY"] == "Listening circle"
    assert event.decoded("DTSTART") == session.starts_at
    assert event.decoded("DTEND") == session.ends_at
    assert event["UID"] == f"session-{session.pk}@peersupport"
    assert event["STATUS"] == "CONFIRMED"
    assert event["LOCATION"] == "Room 3"
    assert "Pairs." in event["DESCRIPTION"]
    assert f"/sessions/{session.pk}/" in event["DESCRIPTION"]


def test_a_cancelled_session_is_a_cancelled_event_with_a_higher_sequence(client, session,
                                                                        facilitator, member):
    services.session_cancel(session=session, by=facilitator)
    client.force_login(member)

    (event,) = events(client.get(f"/sessions/{session.pk}/calendar.ics"))

    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] == 2


def test_a_sensitive_groups_session_is_discreet(client, group, facilitator, member):
    group.is_sensitive = True
    group.save()
    certification_grant(user=facilitator)  # sensitive groups require trained facilitators
    session = schedule(group, facilitator, title="After harassment", description="Confidential",
                       format="in_person", location="Room 9")
    client.force_login(member)

    (event,) = events(client.get(f"/sessions/{session.pk}/calendar.ics"))

    assert event["SUMMARY"] == "PeerSupport session"
    assert str(event["DESCRIPTION"]).endswith(f"/sessions/{session.pk}/")
    assert "harassment" not in event.to_ical().decode().lower()
    assert "Room 9" not in event.to_ical().decode()
    assert group.name not in event.to_ical().decode()


def test_a_person_may_choose_discreet_entries_for_everything(client, session, member):
    client.force_login(member)
    client.post("/sessions/calendar/", {"discreet": "on"})

    (event,) = events(client.get(f"/sessions/{session.pk}/calendar.ics"))

    assert CalendarFeed.objects.get(user=member).discreet
    assert event["SUMMARY"] == "PeerSupport session"


def test_the_private_feed_lists_my_sessions_only_by_its_secret_token(client, group, facilitator,
                                                                     member):
    mine = schedule(group, facilitator, title="Mine")
    schedule(group, facilitator, title="Not mine")
    cancelled = schedule(group, facilitator, title="Called off")
    for session in (mine, cancelled):
        services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    services.session_cancel(session=cancelled, by=facilitator)
    token = services.calendar_feed_reset(user=member).token
    client.logout()

    found = {str(e["SUMMARY"]): str(e["STATUS"]) for e in events(
        client.get(f"/sessions/feed/{token}.ics"))}

    assert found == {"Mine": "CONFIRMED", "Called off": "CANCELLED"}


def test_resetting_the_feed_stops_the_old_link_and_revoking_stops_all(client, member):
    client.force_login(member)
    client.post("/sessions/calendar/reset/")
    old = CalendarFeed.objects.get(user=member).token
    client.post("/sessions/calendar/reset/")
    new = CalendarFeed.objects.get(user=member).token
    client.logout()

    assert client.get(f"/sessions/feed/{old}.ics").status_code == 404
    assert client.get(f"/sessions/feed/{new}.ics").status_code == 200
    client.force_login(member)
    client.post("/sessions/calendar/revoke/")
    client.logout()
    assert client.get(f"/sessions/feed/{new}.ics").status_code == 404


def test_a_made_up_feed_token_is_404(client, member):
    services.calendar_feed_reset(user=member)

    assert client.get("/sessions/feed/not-a-real-token.ics").status_code == 404
    assert client.get("/sessions/feed/.ics").status_code == 404


def test_a_deactivated_persons_feed_stops(client, member):
    token = services.calendar_feed_reset(user=member).token
    member.is_active = False
    member.save()

    assert client.get(f"/sessions/feed/{token}.ics").status_code == 404


def test_the_calendar_page_shows_the_feed_link_only_to_its_owner(client, member, outsider):
    token = services.calendar_feed_reset(user=member).token
    client.force_login(member)
    assert token in client.get("/sessions/calendar/").content.decode()
    client.force_login(outsider)
    assert token not in client.get("/sessions/calendar/").content.decode()


def test_reset_and_revoke_need_a_post(client, member):
    client.force_login(member)

    assert client.get("/sessions/calendar/reset/").status_code == 405
    assert client.get("/sessions/calendar/revoke/").status_code == 405


def test_the_single_session_ics_needs_a_login(client, session):
    assert client.get(f"/sessions/{session.pk}/calendar.ics").status_code == 302
