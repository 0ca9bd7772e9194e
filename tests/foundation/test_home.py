"""Each role's home page (peersupport.views.home, peersupport.home) and the navigation's count."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from chat.models import Flag, Message
from groups.models import Group, JoinRequest, Membership
from peersupport.home import facilitator_nav_count
from recognition.models import Recognition, Value
from recognition.services import recognition_give
from sessions import services as session_services
from sessions.models import RSVP
from support import services as support_services
from tests.factories import UserFactory
from tests.sessions.factories import GroupFactory, join, rules_version_add, schedule

pytestmark = pytest.mark.django_db
HOME = reverse("home")


@pytest.fixture
def group(facilitator, member):
    group = GroupFactory(name="Tuesday Circle")
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    return group


def home_html(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def value(slug="empathy") -> Value:
    return Value.objects.get_or_create(slug=slug, defaults={"name": slug.title()})[0]


# --- Employee ------------------------------------------------------------------------------


def test_the_next_session_asks_for_its_rules_until_they_are_accepted(client, group, member,
                                                                      facilitator):
    session = schedule(group, facilitator, title="Saying no kindly",
                       extra_rules=[{"key": "custom", "text": "No screenshots."}])
    accept_url = reverse("sessions:accept_rules", args=[session.pk])

    html = home_html(client, member)
    assert "Your next session" in html and "Saying no kindly" in html
    assert accept_url in html

    session_services.session_rules_accept(session=session, user=member)
    assert accept_url not in home_html(client, member)
    # New group rules ask again.
    rules_version_add(group, [{"key": "respect", "text": "Be kind."}])
    assert accept_url in home_html(client, member)


def test_a_facilitator_is_not_asked_to_accept_the_rules_of_the_session_they_run(
        client, group, facilitator, mfa_exempt):
    mfa_exempt(facilitator)
    session = schedule(group, facilitator, title="Saying no kindly")
    html = home_html(client, facilitator)
    assert "Saying no kindly" in html and "You're facilitating" in html
    assert reverse("sessions:accept_rules", args=[session.pk]) not in html


def test_rsvps_show_going_and_the_waitlist_place(client, group, member, facilitator):
    full = schedule(group, facilitator, title="Small circle", capacity=1)
    open_one = schedule(group, facilitator, title="Big circle", starts_in=dt.timedelta(days=4))
    first, second = UserFactory(), UserFactory()
    for person in (first, second):
        join(group, person)
    session_services.rsvp_set(session=full, user=first, status=RSVP.Status.GOING)
    session_services.rsvp_set(session=full, user=second, status=RSVP.Status.WAITLISTED)
    session_services.rsvp_set(session=full, user=member, status=RSVP.Status.WAITLISTED)
    session_services.rsvp_set(session=open_one, user=member, status=RSVP.Status.GOING)

    html = home_html(client, member).split('id="rsvps-title"')[1].split("</section>")[0]
    assert "On the waitlist, number 2" in html
    assert html.index("Small circle") < html.index("Big circle")  # soonest first
    assert "Going" in html
    # The first on the waitlist sees place 1.
    assert "On the waitlist, number 1" in home_html(client, second)


def test_a_facilitators_reply_shows_until_the_person_reads_it(client, group, member,
                                                              facilitator):
    conversation = support_services.conversation_open(requester=member, facilitator=facilitator,
                                                      body="Could we talk?")
    assert "replied in your private conversation" not in home_html(client, member)

    support_services.conversation_reply(conversation=conversation, author=facilitator,
                                        body="Of course. Tomorrow at ten?")
    html = home_html(client, member)
    assert "Fran Facilitator replied in your private conversation" in html
    assert reverse("support:conversation", args=[conversation.pk]) in html

    client.get(reverse("support:conversation", args=[conversation.pk]))
    assert "replied in your private conversation" not in home_html(client, member)


def test_an_hr_update_on_my_report_shows_on_my_home_only(client, member, employee, hr):
    report = support_services.report_draft_save(
        reporter=member, what_happened="Shouted at in a meeting.", happened_when="Monday",
        people_named=[employee], people_described="", witnesses="")
    support_services.report_submit(report=report, reporter=member)
    support_services.report_update_post(report=report, author=hr, new_status="in_review",
                                        body="Thank you for telling us. We are looking into it.")

    html = home_html(client, member)
    assert "HR updated your formal report" in html
    assert reverse("support:report", args=[report.pk]) in html
    # The person named, and anyone else, learns nothing from their own home.
    assert "HR updated your formal report" not in home_html(client, employee)


def test_recognitions_since_the_last_visit(client, member, employee):
    old = recognition_give(giver=employee, recipients=[member], values=[value()],
                           message="Thank you for the calm in Monday's call.",
                           visibility="public", notify=False)
    html = home_html(client, member)
    assert "Recognition for you" in html and "Erin Employee recognised you" in html

    # Two hours later (a new visit): only what came since shows.
    member.refresh_from_db()
    earlier = timezone.now() - dt.timedelta(hours=2)
    User.objects.filter(pk=member.pk).update(home_seen_at=earlier)
    Recognition.objects.filter(pk=old.pk).update(created_at=earlier - dt.timedelta(hours=1))
    recognition_give(giver=employee, recipients=[member], values=[value("courage")],
                     message="You spoke up for the new starter. Thank you.",
                     visibility="private", notify=False)
    client.logout()
    html = home_html(client, member).split('id="recognition-title"')[1].split("</section>")[0]
    assert "Recognition since your last visit" in html
    assert "Colleagues recognised you once." in html
    assert "for courage" in html and "for empathy" not in html
    # Going back and forth within the visit keeps the same list.
    assert "Colleagues recognised you once." in client.get(HOME).content.decode()


def test_a_group_recognition_names_its_giver_by_pseudonym_only(client, member, facilitator):
    """Attack: a pseudonymous member recognises me in our group; my home must not link the
    pseudonym to their person."""
    group = GroupFactory(name="Quiet Harbour", allow_pseudonyms=True,
                         visibility=Group.Visibility.PRIVATE, is_sensitive=True)
    join(group, facilitator, role=Membership.Role.FACILITATOR)
    join(group, member)
    giver = UserFactory(display_name="Robin Realname")
    join(group, giver, pseudonym="Willow")
    recognition_give(giver=giver, recipients=[member], values=[value()], group=group,
                     message="Thank you for sharing today.", visibility="group", notify=False)

    html = home_html(client, member)
    assert "Willow recognised you" in html
    assert "Robin Realname" not in html and giver.email not in html
    assert f"/{giver.pk}/" not in html.replace(f"/recognition/{giver.pk}/", "")


def test_an_employee_sees_no_facilitation_and_no_hr_sections(client, member, group):
    html = home_html(client, member)
    assert 'id="facilitation-title"' not in html and "Facilitation" not in html
    assert 'id="hr-title"' not in html and f'href="{reverse("dashboards:index")}"' not in html


# --- Facilitator ---------------------------------------------------------------------------


@pytest.fixture
def busy_group(group, facilitator, member):
    """One of everything waiting for the facilitator, and a session to run today."""
    requester = UserFactory(display_name="Rae Requester")
    JoinRequest.objects.create(group=group, user=requester, accepted_rules_version=1,
                               message="May I join?")
    past = schedule(group, facilitator, title="Last week")
    message = Message.objects.create(session=past, author=member, body="Just quit, honestly.",
                                     client_id="m1")
    for reporter in (UserFactory(), UserFactory()):  # two flags on one message: one to review
        join(group, reporter)
        Flag.objects.create(message=message, reporter=reporter, rule_key="respect")
    support_services.conversation_open(requester=member, facilitator=facilitator,
                                       body="Could we talk?")
    now = timezone.localtime(timezone.now(), dt.UTC)
    # Today in the facilitator's zone, whatever the hour the test runs at.
    facilitator.time_zone = "UTC"
    facilitator.save(update_fields=["time_zone"])
    minutes_left = 24 * 60 - (now.hour * 60 + now.minute)
    schedule(group, facilitator, title="Tonight's circle",
             starts_in=dt.timedelta(minutes=max(1, min(30, minutes_left - 2))), minutes=30)
    return group


def test_the_facilitator_home_lists_each_groups_inbox(client, busy_group, facilitator,
                                                      mfa_exempt):
    mfa_exempt(facilitator)
    html = home_html(client, facilitator)
    assert "Your groups" in html and "Tuesday Circle" in html
    assert "1 request to join" in html
    assert reverse("groups:requests", args=[busy_group.slug]) in html
    assert "1 flagged message to review" in html
    assert reverse("chat:moderation_queue", args=[busy_group.slug]) in html
    assert "Private conversations waiting for your answer" in html and "From Morgan" in html
    assert "To run today" in html and "Tonight&#x27;s circle" in html
    # Counts, not people: the join request's person is for the requests page.
    assert "Rae Requester" not in html and "May I join?" not in html
    assert "Just quit" not in html


def test_the_navigation_counts_what_waits_in_one_query(client, busy_group, facilitator,
                                                       mfa_exempt, django_assert_num_queries):
    mfa_exempt(facilitator)
    # SELECT the facilitator's row with three counted subqueries (join requests pending in
    # their groups, open flagged messages there, conversations whose last word is the member's).
    with django_assert_num_queries(1):
        assert facilitator_nav_count(user=facilitator) == 3
    client.force_login(facilitator)
    html = client.get(reverse("support:index")).content.decode()
    assert "Facilitation" in html and '<span class="badge badge-new">3' in html


def test_the_home_costs_the_same_queries_with_more_groups(client, busy_group, facilitator,
                                                          mfa_exempt):
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    client.get(HOME)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one_group:
        client.get(HOME)
    for n in range(3):
        other = GroupFactory(name=f"Extra {n}")
        join(other, facilitator, role=Membership.Role.FACILITATOR)
        JoinRequest.objects.create(group=other, user=UserFactory(), accepted_rules_version=1)
        schedule(other, facilitator, title=f"Extra session {n}",
                 starts_in=dt.timedelta(minutes=5))
    with CaptureQueriesContext(connection) as four_groups:
        html = client.get(HOME).content.decode()
    assert html.count("1 request to join") == 4
    assert len(four_groups.captured_queries) == len(one_group.captured_queries)


def test_another_facilitators_groups_stay_out_of_my_home(client, busy_group, mfa_exempt):
    other = UserFactory(display_name="Fox Other", is_facilitator=True)
    mfa_exempt(other)
    GroupFactory(name="Fox's Circle")
    html = home_html(client, other)
    assert "Tuesday Circle" not in html and "request to join" not in html
    assert "facilitate a group yet" in html
    assert facilitator_nav_count(user=other) == 0


def test_a_facilitator_without_two_factor_is_asked_to_set_it_up(client, busy_group,
                                                                 facilitator):
    html = home_html(client, facilitator)
    assert "set up two-factor authentication" in html
    assert "1 request to join" not in html and "From Morgan" not in html


def test_talk_to_a_facilitator_points_a_facilitator_at_their_inbox(client, busy_group,
                                                                   facilitator, mfa_exempt):
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    html = client.get(reverse("support:conversation_start")).content.decode()
    assert "You are not in a group with a facilitator yet" not in html
    assert reverse("support:conversations") in html and "1 waiting for your answer" in html


def test_the_session_page_speaks_to_its_facilitator(client, group, facilitator, member,
                                                    mfa_exempt):
    mfa_exempt(facilitator)
    session = schedule(group, facilitator, title="Online circle")
    url = reverse("sessions:detail", args=[session.pk])
    client.force_login(facilitator)
    html = client.get(url).content.decode()
    assert "Open the live chat" in html and "the room opens when you arrive" in html
    assert "Accept the rules and join the chat" not in html
    assert "opens once a facilitator has joined" not in html
    client.force_login(member)
    html = client.get(url).content.decode()
    assert "Accept the rules and join the chat" in html and "Open the live chat" not in html


# --- HR ------------------------------------------------------------------------------------


def test_hr_home_links_the_dashboard_and_counts_new_reports(client, hr, member, employee,
                                                            mfa_exempt):
    mfa_exempt(hr)
    report = support_services.report_draft_save(
        reporter=member, what_happened="Shouted at.", happened_when="Monday",
        people_named=[employee], people_described="", witnesses="")
    support_services.report_submit(report=report, reporter=member)
    html = home_html(client, hr)
    assert "For HR" in html and reverse("dashboards:index") in html
    assert "1 new" in html
    assert "Shouted at" not in html and member.display_name not in html
