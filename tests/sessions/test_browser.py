"""A whole journey in a real browser: a facilitator schedules a weekly session with a rule of its
own; a member RSVPs and downloads the calendar file."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import formats, timezone, translation
from icalendar import Calendar
from playwright.sync_api import expect

from groups.models import Membership
from sessions.models import RSVP, Session
from tests.conftest import log_in
from tests.factories import PASSWORD, UserFactory
from tests.sessions.factories import GroupFactory, join

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.mark.browser
def test_a_facilitator_schedules_a_weekly_session_and_a_member_rsvps_and_downloads_the_ics(
        live_server, page, transactional_db, mfa_exempt):
    facilitator = UserFactory(display_name="Fran Facilitator", is_facilitator=True,
                              time_zone="Europe/Berlin")
    member = UserFactory(display_name="Morgan Member", time_zone="America/New_York")
    mfa_exempt(facilitator)
    group = GroupFactory(name="Thursday Circle", time_zone="Europe/Berlin")
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    day = (timezone.now() + dt.timedelta(days=10)).astimezone(BERLIN).date()

    log_in(page, live_server.url, facilitator.email, PASSWORD)
    page.goto(f"{live_server.url}/sessions/")
    page.get_by_role("link", name="Schedule a session").click()
    page.get_by_label("Title").fill("Thursday listening circle")
    page.get_by_label("Kind of session").select_option("peer_circle")
    page.get_by_label("Starts (Europe/Berlin time)").fill(f"{day:%Y-%m-%d}T18:00")
    page.get_by_label("Ends (Europe/Berlin time)").fill(f"{day:%Y-%m-%d}T19:00")
    page.get_by_label("Session-specific ground rules (optional)").fill(
        "Cameras stay off; names stay here.")
    page.get_by_label("Repeats").select_option("weekly")
    page.get_by_label("…or number of sessions").fill("4")
    page.get_by_role("button", name="Schedule").click()

    page.get_by_text("4 sessions are scheduled.").wait_for()
    expect(page.get_by_role("heading", name="Thursday listening circle")).to_be_visible()
    expect(page.get_by_text("Cameras stay off; names stay here.")).to_be_visible()
    assert Session.objects.count() == 4
    first = Session.objects.order_by("starts_at").first()
    assert first.starts_at == dt.datetime.combine(day, dt.time(18, 0), tzinfo=BERLIN)

    page.get_by_role("button", name="Log out").click()
    log_in(page, live_server.url, member.email, PASSWORD)
    page.goto(f"{live_server.url}/sessions/{first.pk}/")
    new_york = first.starts_at.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    with translation.override("en-gb"):  # the browser asks for English: Django's en-gb formats
        shown = formats.date_format(new_york, "DATETIME_FORMAT")
    expect(page.get_by_text(shown).first).to_be_visible()
    page.get_by_role("button", name="I'm going").click()
    page.get_by_text("You're going. We'll remind you").wait_for()
    assert RSVP.objects.get(user=member).status == RSVP.Status.GOING

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Thursday listening circle"
    assert event.decoded("DTSTART") == first.starts_at
    assert "Cameras" not in event.to_ical().decode()  # the rules live on the session page
