"""RSVP, capacity and the waitlist (service and the RSVP button)."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from sessions import selectors, services
from sessions.models import RSVP, Notice
from tests.sessions.factories import move_to_past, schedule

pytestmark = pytest.mark.django_db

GOING, WAITLISTED, NOT_GOING = RSVP.Status.GOING, RSVP.Status.WAITLISTED, RSVP.Status.NOT_GOING


def status_of(session, person) -> str:
    return RSVP.objects.get(session=session, user=person).status


def test_a_member_goes_and_gets_reminders_planned(session, member):
    services.rsvp_set(session=session, user=member, status=GOING)

    assert status_of(session, member) == GOING
    assert set(Notice.objects.filter(user=member).values_list("kind", flat=True)) == {
        Notice.Kind.REMINDER_24H, Notice.Kind.REMINDER_1H}


def test_going_twice_changes_nothing(session, member):
    services.rsvp_set(session=session, user=member, status=GOING)
    services.rsvp_set(session=session, user=member, status=GOING)

    assert RSVP.objects.count() == 1
    assert Notice.objects.count() == 2


def test_a_full_session_refuses_going_with_a_clear_error(group, facilitator, member, make_member):
    session = schedule(group, facilitator, capacity=1)
    services.rsvp_set(session=session, user=make_member(), status=GOING)

    with pytest.raises(ValidationError, match="This session is full"):
        services.rsvp_set(session=session, user=member, status=GOING)
    assert not RSVP.objects.filter(user=member).exists()


def test_joining_the_waitlist_when_seats_are_free_means_going(session, member):
    services.rsvp_set(session=session, user=member, status=WAITLISTED)

    assert status_of(session, member) == GOING


def test_when_a_going_person_cancels_the_first_waitlisted_gets_the_seat_and_an_email(
        group, facilitator, make_member, django_capture_on_commit_callbacks):
    session = schedule(group, facilitator, capacity=1, title="Small circle")
    first, second, third = make_member(), make_member(), make_member()
    services.rsvp_set(session=session, user=first, status=GOING)
    services.rsvp_set(session=session, user=second, status=WAITLISTED)
    services.rsvp_set(session=session, user=third, status=WAITLISTED)
    assert selectors.waitlist_position(session=session, user=third) == 2

    with django_capture_on_commit_callbacks(execute=True):
        services.rsvp_set(session=session, user=first, status=NOT_GOING)

    assert status_of(session, first) == NOT_GOING
    assert status_of(session, second) == GOING
    assert status_of(session, third) == WAITLISTED
    assert selectors.waitlist_position(session=session, user=third) == 1
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert "A seat for you: Small circle" in mail.outbox[0].subject
    assert Notice.objects.filter(user=second, kind=Notice.Kind.REMINDER_1H).exists()
    assert not Notice.objects.filter(user=first, sent_at__isnull=True).exists()


def test_leaving_the_waitlist_promotes_nobody(group, facilitator, make_member):
    session = schedule(group, facilitator, capacity=1)
    first, second = make_member(), make_member()
    services.rsvp_set(session=session, user=first, status=GOING)
    services.rsvp_set(session=session, user=second, status=WAITLISTED)

    services.rsvp_set(session=session, user=second, status=NOT_GOING)

    assert status_of(session, first) == GOING
    assert selectors.going_count(session=session) == 1


def test_raising_capacity_gives_the_new_seats_to_the_waitlist(group, facilitator, make_member):
    session = schedule(group, facilitator, capacity=1)
    people = [make_member() for _ in range(3)]
    services.rsvp_set(session=session, user=people[0], status=GOING)
    for person in people[1:]:
        services.rsvp_set(session=session, user=person, status=WAITLISTED)
    details = services.SessionDetails(
        title=session.title, kind=session.kind, starts_at=session.starts_at,
        ends_at=session.ends_at, capacity=2, facilitators=[facilitator])

    services.session_update(session=session, by=facilitator, details=details)

    assert [status_of(session, p) for p in people] == [GOING, GOING, WAITLISTED]


def test_a_cancelled_session_takes_no_rsvp(session, facilitator, member):
    services.session_cancel(session=session, by=facilitator)

    with pytest.raises(ValidationError, match="cancelled"):
        services.rsvp_set(session=session, user=member, status=GOING)


def test_a_started_session_takes_no_rsvp(session, member):
    move_to_past(session, started_ago=dt.timedelta(minutes=5))

    with pytest.raises(ValidationError, match="already started"):
        services.rsvp_set(session=session, user=member, status=GOING)


def test_someone_outside_the_group_cannot_rsvp(session, outsider):
    with pytest.raises(ValidationError, match="Join the group"):
        services.rsvp_set(session=session, user=outsider, status=GOING)


# --- The RSVP button -------------------------------------------------------------------------


def test_the_rsvp_button_marks_going_and_says_so(client, session, member):
    client.force_login(member)

    response = client.post(f"/sessions/{session.pk}/rsvp/", {"status": "going"}, follow=True)

    assert status_of(session, member) == GOING
    assert "You&#x27;re going" in response.content.decode()


def test_rsvp_to_a_full_session_shows_the_error_on_the_page(client, group, facilitator, member,
                                                            make_member):
    session = schedule(group, facilitator, capacity=1)
    services.rsvp_set(session=session, user=make_member(), status=GOING)
    client.force_login(member)

    response = client.post(f"/sessions/{session.pk}/rsvp/", {"status": "going"}, follow=True)

    assert "This session is full" in response.content.decode()
    assert "Join the waitlist" in response.content.decode()


def test_rsvp_with_a_made_up_status_changes_nothing(client, session, member):
    client.force_login(member)

    response = client.post(f"/sessions/{session.pk}/rsvp/", {"status": "maybe"}, follow=True)

    assert response.status_code == 200
    assert "Choose going or not going" in response.content.decode()
    assert not RSVP.objects.exists()


def test_rsvp_by_someone_outside_an_open_group_is_forbidden(client, session, outsider):
    client.force_login(outsider)

    assert client.post(f"/sessions/{session.pk}/rsvp/", {"status": "going"}).status_code == 403


def test_rsvp_to_a_private_groups_session_by_an_outsider_is_404(client, private_group,
                                                                facilitator, outsider):
    session = schedule(private_group, facilitator)
    client.force_login(outsider)

    assert client.post(f"/sessions/{session.pk}/rsvp/", {"status": "going"}).status_code == 404


def test_rsvp_needs_a_post(client, session, member):
    client.force_login(member)

    assert client.get(f"/sessions/{session.pk}/rsvp/").status_code == 405
