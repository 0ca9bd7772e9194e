"""Scheduling, editing and cancelling through the facilitator pages, bad input included."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from sessions import services
from sessions.models import RSVP, Session, SessionSeries
from tests.sessions.factories import schedule

pytestmark = pytest.mark.django_db

UTC = zoneinfo.ZoneInfo("UTC")


@pytest.fixture
def as_facilitator(client, mfa_exempt, facilitator):
    mfa_exempt(facilitator)
    client.force_login(facilitator)
    return client


def local(value: dt.datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


def data(facilitator, *, start=None, minutes=60, **extra) -> dict:
    start = start or (timezone.now() + dt.timedelta(days=5)).replace(second=0, microsecond=0)
    return {"title": "Thursday circle", "kind": Session.Kind.PEER_CIRCLE,
            "description": "Check-in, then open talk.", "format": Session.Format.ONLINE,
            "facilitators": [facilitator.memberships.get().pk], "starts_at": local(start),
            "ends_at": local(start + dt.timedelta(minutes=minutes)), **extra}


def test_a_facilitator_schedules_one_session_with_a_session_rule(as_facilitator, group,
                                                                 facilitator):
    response = as_facilitator.post(f"/sessions/new/{group.slug}/", data(
        facilitator, extra_rules="Cameras off.\n\n  Use first names only.  ", capacity="6"))

    session = Session.objects.get()
    assert response["Location"] == f"/sessions/{session.pk}/"
    assert session.extra_rules == [{"key": "custom", "text": "Cameras off."},
                                   {"key": "custom", "text": "Use first names only."}]
    assert session.capacity == 6
    assert session.time_zone == group.time_zone
    assert list(session.facilitators.all()) == [facilitator]
    assert session.series is None


def test_a_facilitator_schedules_a_weekly_series(as_facilitator, group, facilitator):
    as_facilitator.post(f"/sessions/new/{group.slug}/",
                        data(facilitator, repeat="weekly", repeat_count="4"))

    assert Session.objects.count() == 4
    assert SessionSeries.objects.get().rrule == "FREQ=WEEKLY;COUNT=4"


@pytest.mark.parametrize(("extra", "field", "message"), [
    ({"minutes": -30}, "ends_at", "must end after it starts"),
    ({"start": timezone.now() - dt.timedelta(days=1)}, "starts_at", "in the future"),
    ({"repeat": "weekly", "repeat_count": "3", "repeat_until": "2099-01-01"}, "repeat_count",
     "not both"),
    ({"repeat": "weekly"}, "repeat_until", "end date or a number"),
    ({"repeat_count": "3"}, "repeat", "Choose how often"),
    ({"repeat": "hourly", "repeat_count": "3"}, "repeat", "valid choice"),
    ({"format": "in_person"}, "location", "Say where"),
    ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
    ({"starts_at": "next tuesday"}, "starts_at", "valid date/time"),
    ({"facilitators": []}, "facilitators", "required"),
])
def test_bad_input_is_a_clear_form_error_and_nothing_is_saved(as_facilitator, group,
                                                              facilitator, extra, field,
                                                              message):
    kwargs = {key: extra.pop(key) for key in ("start", "minutes") if key in extra}
    response = as_facilitator.post(f"/sessions/new/{group.slug}/",
                                   {**data(facilitator, **kwargs), **extra})

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Session.objects.exists()
    assert not SessionSeries.objects.exists()


def test_a_non_facilitator_cannot_be_named_facilitator(as_facilitator, group, facilitator,
                                                       member):
    response = as_facilitator.post(f"/sessions/new/{group.slug}/",
                                   data(facilitator, facilitators=[member.memberships.get().pk]))

    assert "facilitators" in response.context["form"].errors
    assert not Session.objects.exists()


# --- Editing --------------------------------------------------------------------------------


def test_editing_the_time_tells_those_going(as_facilitator, session, facilitator, member,
                                            django_capture_on_commit_callbacks):
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    later = session.starts_at + dt.timedelta(hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        response = as_facilitator.post(f"/sessions/{session.pk}/edit/",
                                       data(facilitator, start=later, title="Moved circle"))

    session.refresh_from_db()
    assert response.status_code == 302
    assert session.starts_at == later and session.title == "Moved circle"
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_capacity_below_those_already_going_is_refused(as_facilitator, session, facilitator,
                                                       make_member):
    for _ in range(3):
        services.rsvp_set(session=session, user=make_member(), status=RSVP.Status.GOING)

    response = as_facilitator.post(f"/sessions/{session.pk}/edit/",
                                   data(facilitator, start=session.starts_at, capacity="2",
                                        title="Changed"))

    session.refresh_from_db()
    assert "3 people are already going" in response.context["form"].errors["capacity"][0]
    assert session.capacity is None and session.title == "Tuesday circle"


def test_editing_one_occurrence_leaves_the_rest_of_the_series(as_facilitator, group,
                                                              facilitator):
    as_facilitator.post(f"/sessions/new/{group.slug}/",
                        data(facilitator, repeat="weekly", repeat_count="3"))
    first, second, third = Session.objects.order_by("starts_at")
    moved = second.starts_at + dt.timedelta(hours=1)

    as_facilitator.post(f"/sessions/{second.pk}/edit/",
                        data(facilitator, start=moved, title="Special", scope="this"))

    titles = list(Session.objects.order_by("starts_at").values_list("title", flat=True))
    assert titles == ["Thursday circle", "Special", "Thursday circle"]
    third.refresh_from_db()
    assert third.starts_at - first.starts_at == dt.timedelta(days=14)


def test_editing_this_and_following_moves_later_ones_and_splits_the_series(
        as_facilitator, group, facilitator):
    as_facilitator.post(f"/sessions/new/{group.slug}/",
                        data(facilitator, repeat="weekly", repeat_count="4"))
    first, second, third, fourth = Session.objects.order_by("starts_at")
    moved = second.starts_at + dt.timedelta(days=1, minutes=30)

    response = as_facilitator.post(f"/sessions/{second.pk}/edit/",
                                   data(facilitator, start=moved, title="New slot",
                                        scope="following"))

    assert response.status_code == 302
    sessions = list(Session.objects.order_by("starts_at"))
    assert [s.title for s in sessions] == ["Thursday circle", "New slot", "New slot", "New slot"]
    assert sessions[0].starts_at == first.starts_at
    zone = zoneinfo.ZoneInfo(group.time_zone)
    assert {s.starts_at.astimezone(zone).strftime("%a %H:%M") for s in sessions[1:]} == {
        moved.astimezone(zone).strftime("%a %H:%M")}
    assert sessions[0].series_id != sessions[1].series_id == sessions[3].series_id


def test_cancelling_one_occurrence_leaves_the_others(as_facilitator, group, facilitator):
    as_facilitator.post(f"/sessions/new/{group.slug}/",
                        data(facilitator, repeat="weekly", repeat_count="3"))
    first, second, third = Session.objects.order_by("starts_at")

    response = as_facilitator.post(f"/sessions/{second.pk}/cancel/", {"scope": "this"})

    assert response.status_code == 302
    statuses = list(Session.objects.order_by("starts_at").values_list("status", flat=True))
    assert statuses == ["scheduled", "cancelled", "scheduled"]


def test_cancelling_this_and_following(as_facilitator, group, facilitator):
    as_facilitator.post(f"/sessions/new/{group.slug}/",
                        data(facilitator, repeat="weekly", repeat_count="3"))
    _, second, _ = Session.objects.order_by("starts_at")

    as_facilitator.post(f"/sessions/{second.pk}/cancel/", {"scope": "following"})

    statuses = list(Session.objects.order_by("starts_at").values_list("status", flat=True))
    assert statuses == ["scheduled", "cancelled", "cancelled"]


def test_cancelling_twice_is_a_clear_error(as_facilitator, session):
    as_facilitator.post(f"/sessions/{session.pk}/cancel/", {})

    response = as_facilitator.post(f"/sessions/{session.pk}/cancel/", {})

    assert response.status_code == 200
    assert "already cancelled" in response.content.decode()


def test_a_cancelled_session_cannot_be_edited(as_facilitator, session, facilitator):
    services.session_cancel(session=session, by=facilitator)

    response = as_facilitator.post(f"/sessions/{session.pk}/edit/", data(facilitator),
                                   follow=True)

    assert "cannot be edited" in response.content.decode()


def test_an_unchanged_past_start_is_fine_when_only_the_title_changes(group, facilitator):
    session = schedule(group, facilitator)
    details = services.SessionDetails(title="Renamed", kind=session.kind,
                                      starts_at=session.starts_at, ends_at=session.ends_at,
                                      facilitators=[facilitator])

    services.session_update(session=session, by=facilitator, details=details)

    session.refresh_from_db()
    assert session.title == "Renamed" and session.schedule_version == 1


def test_renaming_a_session_that_has_started_keeps_its_time_and_tells_nobody(
        as_facilitator, session, facilitator, member, django_capture_on_commit_callbacks):
    from tests.sessions.factories import move_to_past

    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    session = move_to_past(session, started_ago=dt.timedelta(minutes=10))
    page = as_facilitator.get(f"/sessions/{session.pk}/edit/")
    form = page.context["form"]
    posted = {name: form[name].value() for name in form.fields}
    posted.update(starts_at=local(session.starts_at), ends_at=local(session.ends_at),
                  title="Renamed while running", facilitators=[facilitator.memberships.get().pk],
                  capacity="", extra_rules="")

    with django_capture_on_commit_callbacks(execute=True):
        response = as_facilitator.post(f"/sessions/{session.pk}/edit/", posted)

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.title == "Renamed while running"
    assert session.schedule_version == 1
    assert mail.outbox == []


def test_cancelling_a_series_sends_each_person_one_email(as_facilitator, group, facilitator,
                                                         member,
                                                         django_capture_on_commit_callbacks):
    as_facilitator.post(f"/sessions/new/{group.slug}/",
                        data(facilitator, repeat="weekly", repeat_count="3"))
    sessions = list(Session.objects.order_by("starts_at"))
    for session in sessions[1:]:
        services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)

    with django_capture_on_commit_callbacks(execute=True):
        as_facilitator.post(f"/sessions/{sessions[0].pk}/cancel/", {"scope": "following"})

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert f"/sessions/{sessions[1].pk}/" in mail.outbox[0].body
    assert "This date and the next date of the series are cancelled." in mail.outbox[0].body
