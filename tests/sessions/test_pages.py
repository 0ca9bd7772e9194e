"""The session list, a session's page, my schedule, and the rules page."""

import datetime as dt

import pytest

from groups.services import avoid_list_add
from sessions import services
from sessions.models import RSVP, SessionRulesAcceptance
from sessions.selectors import has_accepted_session_rules, session_rules
from tests.factories import UserFactory
from tests.sessions.factories import (
    RULES_V1,
    GroupFactory,
    join,
    rules_version_add,
    schedule,
)

pytestmark = pytest.mark.django_db


# --- List -----------------------------------------------------------------------------------


def test_the_list_shows_my_groups_sessions_and_open_ones_to_discover(client, group, facilitator,
                                                                     member):
    mine = schedule(group, facilitator, title="My circle")
    elsewhere = GroupFactory(name="Listening practice")
    other_facilitator = UserFactory()
    join(elsewhere, other_facilitator, role="facilitator")
    open_one = schedule(elsewhere, other_facilitator, title="Open training")
    client.force_login(member)

    response = client.get("/sessions/")

    assert response.status_code == 200
    assert list(response.context["mine"]) == [mine]
    assert list(response.context["discover"]) == [open_one]


def test_the_list_hides_private_groups_sessions_from_non_members(client, private_group,
                                                                 facilitator, outsider):
    schedule(private_group, facilitator, title="Hidden circle")
    client.force_login(outsider)

    response = client.get("/sessions/")

    assert "Hidden circle" not in response.content.decode()


def test_the_list_needs_a_login(client):
    assert client.get("/sessions/").status_code == 302


def test_the_list_query_count_does_not_grow_with_sessions(client, group, facilitator, member,
                                                          django_assert_num_queries):
    for n in range(5):
        session = schedule(group, facilitator, title=f"Circle {n}", capacity=3)
        services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    client.force_login(member)

    # 1 session, 2 user, 3 my groups' sessions (+ seats, my RSVP), 4 sessions to discover,
    # 5 whether I facilitate any group (the "Schedule" button)
    with django_assert_num_queries(5):
        response = client.get("/sessions/")

    assert len(response.context["mine"]) == 5
    assert "2 seats left" in response.content.decode()


# --- Detail ---------------------------------------------------------------------------------


def test_a_member_sees_the_session_with_rules_seats_and_rsvp(client, group, facilitator, member):
    session = schedule(group, facilitator, title="Circle", capacity=4,
                       extra_rules=[{"key": "custom", "text": "Cameras stay off."}])
    client.force_login(member)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "Circle" in page
    assert "4 of 4 seats left" in page
    assert "Cameras stay off." in page and "This session</span>" in page
    assert "What is shared here stays here." in page
    assert "I'm going" in page
    assert f"/sessions/{session.pk}/calendar.ics" in page
    assert "Facilitator tools" not in page


def test_the_detail_query_count_is_pinned(client, group, facilitator, member, make_member,
                                          django_assert_num_queries):
    session = schedule(group, facilitator, capacity=4)
    for person in (member, make_member(), make_member()):
        services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    client.force_login(member)

    # 1 django session, 2 user, 3 session + group + seats + my RSVP, 4 my membership,
    # 5 may I manage (membership), 6 facilitators (their pseudonyms only in groups that allow
    # them), 7 group rules version, 8 my last acceptance in this group, 9 my acceptance here,
    # 10 my private "rather not share a room" list against the members going or facilitating
    # under their own names (one query; I am going), 11 my moods,
    # 12 the activities planned for it (nothing to rate yet: it has not started)
    with django_assert_num_queries(12):
        response = client.get(f"/sessions/{session.pk}/")

    assert response.status_code == 200


def test_a_private_groups_session_is_404_for_an_outsider(client, private_group, facilitator,
                                                         outsider):
    session = schedule(private_group, facilitator)
    client.force_login(outsider)

    assert client.get(f"/sessions/{session.pk}/").status_code == 404
    assert client.get(f"/sessions/{session.pk}/calendar.ics").status_code == 404


def test_an_unknown_session_is_404(client, member):
    client.force_login(member)

    assert client.get("/sessions/999999/").status_code == 404


def test_an_outsider_of_an_open_group_sees_the_session_but_is_asked_to_join(client, session,
                                                                            outsider):
    client.force_login(outsider)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "to take part in its sessions" in page
    assert "I'm going" not in page


def test_the_facilitator_sees_their_tools_and_takes_no_seat(client, session, facilitator):
    client.force_login(facilitator)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "You&#x27;re facilitating this session." in page or \
        "You're facilitating this session." in page
    assert "I'm going" not in page
    assert f"/sessions/{session.pk}/edit/" in page
    assert f"/sessions/{session.pk}/cancel/" in page


def test_a_viewer_alone_is_told_when_someone_on_their_private_list_is_going(
        client, session, member, make_member):
    avoided = make_member(display_name="Pat Avoided")
    avoid_list_add(owner=member, person=avoided, source="manual")
    services.rsvp_set(session=session, user=avoided, status=RSVP.Status.GOING)
    client.force_login(member)
    # Not before the viewer says they are going themselves (docs/privacy.md).
    assert "Only you see this" not in client.get(f"/sessions/{session.pk}/").content.decode()
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "Only you see this" in page
    assert "Pat Avoided" not in page
    client.force_login(avoided)
    assert "Only you see this" not in client.get(f"/sessions/{session.pk}/").content.decode()


def test_a_cancelled_session_says_so_and_takes_no_rsvp(client, session, facilitator, member):
    services.session_cancel(session=session, by=facilitator, note="Facilitator is ill.")
    client.force_login(member)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "This session is cancelled." in page
    assert "Facilitator is ill." in page
    assert "I'm going" not in page


def test_waitlisted_people_see_their_place(client, group, facilitator, member, make_member):
    session = schedule(group, facilitator, capacity=1)
    services.rsvp_set(session=session, user=make_member(), status=RSVP.Status.GOING)
    services.rsvp_set(session=session, user=member, status=RSVP.Status.WAITLISTED)
    client.force_login(member)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "on the waitlist, number 1" in page
    assert "Full: 1 going" in page


# --- Rules ----------------------------------------------------------------------------------


def test_accepting_the_rules_records_exactly_what_was_shown_and_follows_next(client, group,
                                                                           session, member):
    client.force_login(member)

    page = client.get(f"/sessions/{session.pk}/rules/").content.decode()
    response = client.post(f"/sessions/{session.pk}/rules/",
                           {"next": f"/sessions/{session.pk}/chat/"})

    assert "first time" in page
    assert response.status_code == 302
    assert response["Location"] == f"/sessions/{session.pk}/chat/"
    acceptance = SessionRulesAcceptance.objects.get(session=session, user=member)
    assert acceptance.rules == session_rules(session=session)
    assert has_accepted_session_rules(session=session, user=member)


def test_an_unsafe_next_is_ignored(client, session, member):
    client.force_login(member)

    response = client.post(f"/sessions/{session.pk}/rules/", {"next": "https://evil.example/"})

    assert response["Location"] == f"/sessions/{session.pk}/"


def test_what_changed_since_the_last_acceptance_is_highlighted(client, group, facilitator,
                                                               member):
    first = schedule(group, facilitator, title="First")
    services.session_rules_accept(session=first, user=member)
    rules_version_add(group, [dict(RULES_V1[0]),
                              {"key": "respect", "text": "Respect everyone, always."}])
    second = schedule(group, facilitator, title="Second",
                      extra_rules=[{"key": "custom", "text": "No phones."}])
    client.force_login(member)

    response = client.get(f"/sessions/{second.pk}/rules/")

    lines = {line.text: line.is_new for line in response.context["rules"].lines}
    assert lines == {
        "What is shared here stays here. We don't repeat names or stories outside the group.":
            False,
        "Respect everyone, always.": True,
        "No phones.": True,
    }
    removed = [rule["text"] for rule in response.context["rules"].removed]
    assert "Listen to understand, without judgement or interruption." in removed
    assert "New or changed" in response.content.decode()


def test_changed_rules_must_be_accepted_again(group, session, member):
    services.session_rules_accept(session=session, user=member)
    rules_version_add(group, [{"key": "respect", "text": "Respect everyone."}])
    session.refresh_from_db()

    assert not has_accepted_session_rules(session=session, user=member)
    services.session_rules_accept(session=session, user=member)
    assert has_accepted_session_rules(session=session, user=member)
    assert SessionRulesAcceptance.objects.get().rules == [{"key": "respect",
                                                           "text": "Respect everyone."}]


def test_an_outsider_cannot_accept_a_groups_session_rules(client, session, outsider):
    client.force_login(outsider)

    assert client.post(f"/sessions/{session.pk}/rules/").status_code == 403
    assert not SessionRulesAcceptance.objects.exists()


def test_a_private_groups_rules_page_is_404_for_an_outsider(client, private_group, facilitator,
                                                            outsider):
    session = schedule(private_group, facilitator)
    client.force_login(outsider)

    assert client.get(f"/sessions/{session.pk}/rules/").status_code == 404


# --- My schedule ----------------------------------------------------------------------------


def test_my_schedule_lists_what_i_am_going_to_and_facilitate(client, group, facilitator, member):
    going = schedule(group, facilitator, title="Going one")
    schedule(group, facilitator, title="Not for me")
    services.rsvp_set(session=going, user=member, status=RSVP.Status.GOING)
    client.force_login(member)

    response = client.get("/sessions/mine/")

    assert [s.title for s in response.context["upcoming"]] == ["Going one"]
    client.force_login(facilitator)
    assert len(client.get("/sessions/mine/").context["upcoming"]) == 2


def test_my_schedule_counts_every_seat_taken_not_just_mine(client, group, facilitator, member,
                                                           make_member):
    session = schedule(group, facilitator, capacity=5)
    for person in (member, make_member(), make_member()):
        services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    client.force_login(member)

    response = client.get("/sessions/mine/")

    assert response.context["upcoming"][0].going_count == 3
    assert "2 seats left" in response.content.decode()


def test_a_series_is_listed_once_with_its_other_dates_counted(client, group, facilitator, member):
    from sessions import recurrence as rec

    first = schedule(group, facilitator, title="Weekly")
    details = services.SessionDetails(title="Weekly", kind=first.kind,
                                      starts_at=first.starts_at + dt.timedelta(hours=1),
                                      ends_at=first.ends_at + dt.timedelta(hours=1),
                                      facilitators=[facilitator])
    series = services.session_schedule(group=group, by=facilitator, details=details,
                                       recurrence=rec.Recurrence(rec.Frequency.WEEKLY, count=3))
    services.rsvp_set(session=series[2], user=member, status=RSVP.Status.GOING)
    client.force_login(member)

    listed = client.get("/sessions/").context["mine"]
    page = client.get(f"/sessions/{series[0].pk}/").content.decode()

    assert [(s.pk, s.more_dates) for s in listed] == [(first.pk, 0), (series[0].pk, 1),
                                                      (series[2].pk, 0)]
    assert "Other dates in this series (2)" in page


def test_a_pseudonymous_facilitator_is_shown_by_pseudonym(client, group, facilitator, member):
    from groups.models import Membership

    group.allow_pseudonyms = True
    group.save()
    Membership.objects.filter(user=facilitator).update(pseudonym="Birch")
    session = schedule(group, facilitator)
    client.force_login(member)

    page = client.get(f"/sessions/{session.pk}/").content.decode()

    assert "Birch" in page
    assert facilitator.name not in page
