"""Private moods, the anonymous check-out answer, attendance, and "we missed you"."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sessions import services
from sessions.models import RSVP, Attendance, CheckoutAnswer, CheckoutReceipt, MoodEntry
from tests.sessions.factories import move_to_past, schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_session(session, member):
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    return move_to_past(session)


def attend(session, person):
    services.attendance_record(session=session, user=person, source=Attendance.Source.CHAT)


# --- Moods ----------------------------------------------------------------------------------


def test_a_member_notes_their_mood_before_and_only_they_see_it(client, group, member,
                                                               facilitator, mfa_exempt):
    session = schedule(group, facilitator, starts_in=dt.timedelta(hours=2))
    client.force_login(member)
    assert "How are you feeling before the session?" in client.get(
        f"/sessions/{session.pk}/").content.decode()

    client.post(f"/sessions/{session.pk}/mood/", {"moment": "before", "score": "2"})
    client.post(f"/sessions/{session.pk}/mood/", {"moment": "before", "score": "3"})

    assert list(MoodEntry.objects.values_list("user", "moment", "score")) == [
        (member.pk, "before", 3)]
    page = client.get("/sessions/check-ins/").content.decode()
    assert "3 of 5" in page
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    assert "3 of 5" not in client.get("/sessions/check-ins/").content.decode()
    assert "No check-ins yet" in client.get("/sessions/check-ins/").content.decode()


def test_a_mood_outside_one_to_five_is_refused(client, group, facilitator, member):
    session = schedule(group, facilitator, starts_in=dt.timedelta(hours=2))
    client.force_login(member)

    response = client.post(f"/sessions/{session.pk}/mood/", {"moment": "before", "score": "9"},
                           follow=True)

    assert "Choose a number from 1 to 5" in response.content.decode()
    assert not MoodEntry.objects.exists()


def test_check_in_opens_a_day_before(group, facilitator, member):
    session = schedule(group, facilitator, starts_in=dt.timedelta(days=5))

    with pytest.raises(ValidationError, match="opens a day before"):
        services.mood_record(user=member, session=session, moment="before", score=3)


def test_an_outsider_cannot_note_a_mood_for_a_groups_session(client, session, outsider):
    client.force_login(outsider)

    assert client.post(f"/sessions/{session.pk}/mood/",
                       {"moment": "before", "score": "3"}).status_code == 403


# --- Anonymous check-out --------------------------------------------------------------------


def test_an_attendee_answers_once_and_the_answer_has_no_link_to_them(client, past_session,
                                                                     member):
    attend(past_session, member)
    client.force_login(member)

    response = client.post(f"/sessions/{past_session.pk}/check-out/",
                           {"score": "4", "comment": "Felt calm."})
    again = client.post(f"/sessions/{past_session.pk}/check-out/", {"score": "1"}, follow=True)

    assert response.status_code == 302
    answer = CheckoutAnswer.objects.get()
    assert (answer.score, answer.comment) == (4, "Felt calm.")
    assert {f.name for f in CheckoutAnswer._meta.get_fields()} == {
        "id", "session", "score", "comment", "created_at"}
    assert (answer.created_at.hour, answer.created_at.minute) == (0, 0)
    assert CheckoutReceipt.objects.filter(user=member).count() == 1
    assert "already answered" in again.content.decode()
    assert CheckoutAnswer.objects.count() == 1


def test_someone_who_did_not_attend_cannot_answer(client, past_session, member):
    client.force_login(member)

    assert client.get(f"/sessions/{past_session.pk}/check-out/").status_code == 403
    with pytest.raises(ValidationError, match="attended"):
        services.checkout_answer(session=past_session, user=member, score=5)


def test_a_bad_score_is_a_form_error(client, past_session, member):
    attend(past_session, member)
    client.force_login(member)

    response = client.post(f"/sessions/{past_session.pk}/check-out/", {"score": "7"})

    assert "score" in response.context["form"].errors
    assert not CheckoutAnswer.objects.exists() and not CheckoutReceipt.objects.exists()


def test_facilitators_see_answers_without_names_once_three_answered(
        client, mfa_exempt, past_session, facilitator, make_member):
    people = [make_member(display_name=f"Attendee {n}") for n in range(3)]
    for person in people:
        attend(past_session, person)
    services.checkout_answer(session=past_session, user=people[0], score=5, comment="Lovely")
    services.checkout_answer(session=past_session, user=people[1], score=2, comment="Too loud")
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    early = client.get(f"/sessions/{past_session.pk}/feedback/").content.decode()
    services.checkout_answer(session=past_session, user=people[2], score=4)
    page = client.get(f"/sessions/{past_session.pk}/feedback/").content.decode()

    assert "Too loud" not in early and "at least 3" in early
    assert "Lovely" in page and "Too loud" in page
    assert "average 3.7" in page
    assert not any(person.name in page for person in people)


# --- Attendance -----------------------------------------------------------------------------


def test_the_facilitator_ticks_who_came_to_an_in_person_session(client, mfa_exempt, group,
                                                                facilitator, member,
                                                                make_member):
    session = schedule(group, facilitator, format="in_person", location="Room 1")
    absent = make_member(display_name="Absent Person")
    for person in (member, absent):
        services.rsvp_set(session=session, user=person, status=RSVP.Status.GOING)
    move_to_past(session)
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    # The sheet names people by membership, never by account id.
    member_id = group.memberships.get(user=member).pk
    response = client.post(f"/sessions/{session.pk}/attendance/", {"present": [member_id]})

    assert response.status_code == 302
    assert list(Attendance.objects.values_list("user", "source")) == [(member.pk, "facilitator")]
    client.post(f"/sessions/{session.pk}/attendance/", {"present": []})
    assert not Attendance.objects.exists()


def test_attendance_cannot_be_taken_long_before_the_session(client, mfa_exempt, session,
                                                            facilitator, member):
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    response = client.post(f"/sessions/{session.pk}/attendance/",
                           {"present": [session.group.memberships.get(user=member).pk]})

    assert "once the session is about to start" in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_refuses_people_who_were_not_going(client, mfa_exempt, past_session,
                                                      facilitator, make_member):
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    not_going = past_session.group.memberships.get(user=make_member()).pk
    response = client.post(f"/sessions/{past_session.pk}/attendance/",
                           {"present": [not_going]})
    garbage = client.post(f"/sessions/{past_session.pk}/attendance/", {"present": ["x"]})

    assert "Only people who said they were going" in response.content.decode()
    assert "not a person" in garbage.content.decode()
    assert not Attendance.objects.exists()


def test_chat_attendance_is_recorded_once(session, member):
    for _ in range(3):
        attend(session, member)

    assert Attendance.objects.count() == 1


# --- No-shows -------------------------------------------------------------------------------


def test_a_no_show_gets_a_private_we_missed_you_note_and_nobody_else_sees_it(
        client, mfa_exempt, past_session, facilitator, member):
    client.force_login(member)
    page = client.get("/sessions/mine/").content.decode()
    assert "We missed you" in page and past_session.title in page

    mfa_exempt(facilitator)
    client.force_login(facilitator)
    for url in ("/sessions/mine/", f"/sessions/{past_session.pk}/",
                f"/sessions/{past_session.pk}/feedback/"):
        assert "We missed you" not in client.get(url).content.decode()


def test_someone_who_came_gets_no_missed_you_note(client, past_session, member):
    attend(past_session, member)
    client.force_login(member)

    assert "We missed you" not in client.get("/sessions/mine/").content.decode()
