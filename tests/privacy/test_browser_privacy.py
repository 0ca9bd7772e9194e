"""The attacks, as people in a browser: a member who lists the colleague they suspect behind
"Willow", and the facilitator taking attendance in a pseudonymous group."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from groups import services as group_services
from groups.models import Group, Membership
from groups.rules import DEFAULT_RULES
from sessions import services as session_services
from sessions.models import RSVP, Attendance
from tests.conftest import ARTIFACTS, log_in
from tests.factories import PASSWORD, UserFactory
from tests.sessions.factories import schedule


@pytest.mark.browser
def test_a_member_and_the_facilitator_learn_nothing_about_who_willow_is(
        live_server, page, browser, transactional_db, mfa_exempt):
    facilitator = UserFactory(display_name="Fran Facilitator", is_facilitator=True)
    group = group_services.group_create(
        creator=facilitator, name="Quiet harbour", purpose="A confidential circle.",
        category=Group.Category.PEER_CIRCLE, rules=DEFAULT_RULES, allow_pseudonyms=True)
    attacker = UserFactory(display_name="Alex Attacker")
    colleague = UserFactory(display_name="Casey Colleague")
    group_services.membership_join(group=group, user=attacker,
                                   accepted_version=group.rules_version)
    group_services.membership_join(group=group, user=colleague, pseudonym="Willow",
                                   accepted_version=group.rules_version)
    session = schedule(group, facilitator, title="Thursday circle", format="in_person",
                       location="Room 4.2", starts_in=dt.timedelta(minutes=10))
    session_services.rsvp_set(session=session, user=colleague, status=RSVP.Status.GOING)

    # The member lists the colleague, says they're going, and reads the pages.
    log_in(page, live_server.url, attacker.email, PASSWORD)
    page.goto(f"{live_server.url}/groups/people-i-avoid/")
    page.get_by_label("Their work email address").fill(colleague.email)
    page.get_by_role("button", name="Add to my private list").click()
    expect(page.get_by_text("Casey Colleague is on your private list")).to_be_visible()
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    page.get_by_role("button", name="I'm going").click()
    expect(page.get_by_text("You're going.").first).to_be_visible()
    assert page.get_by_text("Only you see this").count() == 0
    page.goto(f"{live_server.url}/groups/{group.slug}/")
    assert page.get_by_text("Only you can see this").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "privacy-member-group-page.png"), full_page=True)

    # The facilitator takes attendance: Willow, by member id, and nothing else about her.
    mfa_exempt(facilitator)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    facilitator_page = context.new_page()
    try:
        log_in(facilitator_page, live_server.url, facilitator.email, PASSWORD)
        facilitator_page.goto(f"{live_server.url}/sessions/{session.pk}/attendance/")
        html = facilitator_page.content()
        assert "Willow" in html and colleague.name not in html and colleague.email not in html
        values = set(re.findall(r'name="present" value="([^"]+)"', html))
        assert str(colleague.pk) not in values
        assert values == {str(m.pk) for m in Membership.objects.filter(
            group=group, user__in=[attacker, colleague])}
        facilitator_page.get_by_label("Willow").check()
        facilitator_page.get_by_role("button", name="Save attendance").click()
        expect(facilitator_page.get_by_text("Attendance saved.")).to_be_visible()
        facilitator_page.screenshot(path=str(ARTIFACTS / "privacy-attendance.png"),
                                    full_page=True)
    finally:
        context.close()
    assert Attendance.objects.get(session=session).user == colleague
