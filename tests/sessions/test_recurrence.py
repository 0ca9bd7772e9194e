"""Recurring sessions keep their wall-clock time in the group's zone across DST changes."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from sessions import recurrence as rec
from sessions import services
from sessions.models import Session, SessionSeries
from tests.sessions.factories import GroupFactory, join

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def berlin(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def next_spring_forward(zone: zoneinfo.ZoneInfo) -> dt.date:
    """The next day (after today) on which the zone's UTC offset grows."""
    day = timezone.now().date() + dt.timedelta(days=1)
    while True:
        before = dt.datetime.combine(day, dt.time(0), tzinfo=zone).utcoffset()
        after = dt.datetime.combine(day, dt.time(12), tzinfo=zone).utcoffset()
        if after > before:
            return day
        day += dt.timedelta(days=1)


def test_weekly_series_keeps_six_pm_in_berlin_across_the_spring_change():
    starts = rec.occurrences(rec.Recurrence(rec.Frequency.WEEKLY, count=3),
                             first_start=berlin(2027, 3, 16, 18, 0), time_zone="Europe/Berlin")

    assert [s.astimezone(BERLIN).strftime("%d %H:%M") for s in starts] == [
        "16 18:00", "23 18:00", "30 18:00"]
    assert [s.astimezone(dt.UTC).hour for s in starts] == [17, 17, 16]


def test_weekly_series_keeps_its_time_across_the_autumn_change_too():
    starts = rec.occurrences(rec.Recurrence(rec.Frequency.WEEKLY, count=2),
                             first_start=berlin(2027, 10, 27, 9, 30), time_zone="Europe/Berlin")

    assert [s.astimezone(BERLIN).strftime("%H:%M") for s in starts] == ["09:30", "09:30"]
    assert [s.astimezone(dt.UTC).hour for s in starts] == [7, 8]


def test_fortnightly_until_a_date_includes_that_date():
    starts = rec.occurrences(
        rec.Recurrence(rec.Frequency.FORTNIGHTLY, until=dt.date(2027, 2, 15)),
        first_start=berlin(2027, 1, 4, 12, 0), time_zone="Europe/Berlin")

    assert [s.astimezone(BERLIN).date().isoformat() for s in starts] == [
        "2027-01-04", "2027-01-18", "2027-02-01", "2027-02-15"]


def test_monthly_series_repeats_on_the_same_day_of_the_month():
    starts = rec.occurrences(rec.Recurrence(rec.Frequency.MONTHLY, count=3),
                             first_start=berlin(2027, 1, 28, 8, 0), time_zone="Europe/Berlin")

    assert [s.astimezone(BERLIN).strftime("%m-%d %H:%M") for s in starts] == [
        "01-28 08:00", "02-28 08:00", "03-28 08:00"]


def test_the_rule_is_computed_in_the_series_zone_not_the_entry_zone():
    # Entered by someone in New York; the group meets in Berlin.
    first = dt.datetime(2027, 3, 16, 13, 0, tzinfo=NEW_YORK)  # 18:00 Berlin
    starts = rec.occurrences(rec.Recurrence(rec.Frequency.WEEKLY, count=3), first_start=first,
                             time_zone="Europe/Berlin")

    assert {s.astimezone(BERLIN).strftime("%H:%M") for s in starts} == {"18:00"}


def test_rule_text_is_rfc5545():
    assert rec.Recurrence(rec.Frequency.FORTNIGHTLY, count=4).rule_text() == (
        "FREQ=WEEKLY;INTERVAL=2;COUNT=4")
    assert rec.Recurrence(rec.Frequency.MONTHLY, until=dt.date(2027, 5, 1)).rule_text() == (
        "FREQ=MONTHLY;UNTIL=20270501T235959")


@pytest.mark.parametrize(("recurrence", "field"), [
    (rec.Recurrence(rec.Frequency.WEEKLY), "repeat_until"),
    (rec.Recurrence(rec.Frequency.WEEKLY, until=dt.date(2027, 5, 1), count=3), "repeat_count"),
    (rec.Recurrence(rec.Frequency.WEEKLY, count=1), "repeat_count"),
    (rec.Recurrence(rec.Frequency.WEEKLY, count=53), "repeat_count"),
    (rec.Recurrence(rec.Frequency.WEEKLY, until=dt.date(2027, 1, 1)), "repeat_until"),
    (rec.Recurrence(rec.Frequency.WEEKLY, until=dt.date(2027, 1, 5)), "repeat_until"),
    (rec.Recurrence(rec.Frequency.WEEKLY, until=dt.date(2028, 6, 1)), "repeat_until"),
    (rec.Recurrence("daily", count=3), "repeat"),
])
def test_a_malformed_recurrence_is_refused_with_the_field_named(recurrence, field):
    with pytest.raises(ValidationError) as error:
        rec.occurrences(recurrence, first_start=berlin(2027, 1, 4, 12, 0),
                        time_zone="Europe/Berlin")

    assert field in error.value.message_dict


def test_a_monthly_series_cannot_start_on_the_31st():
    with pytest.raises(ValidationError) as error:
        rec.occurrences(rec.Recurrence(rec.Frequency.MONTHLY, count=3),
                        first_start=berlin(2027, 1, 31, 12, 0), time_zone="Europe/Berlin")

    assert "repeat" in error.value.message_dict


def test_moving_later_occurrences_keeps_wall_clock_across_dst():
    old_anchor = berlin(2027, 3, 16, 18, 0)
    new_anchor = berlin(2027, 3, 17, 17, 30)  # Tuesday 18:00 -> Wednesday 17:30

    moved = rec.shift_keeping_wall_clock(berlin(2027, 3, 30, 18, 0), old_anchor=old_anchor,
                                         new_anchor=new_anchor, time_zone="Europe/Berlin")

    assert moved.astimezone(BERLIN) == berlin(2027, 3, 31, 17, 30)
    assert moved.astimezone(dt.UTC).hour == 15


@pytest.mark.django_db
def test_scheduling_a_weekly_series_across_the_next_dst_change_keeps_local_time(facilitator):
    group = GroupFactory(time_zone="Europe/Berlin")
    join(group, facilitator, role="facilitator")
    change = next_spring_forward(BERLIN)
    first = dt.datetime.combine(change - dt.timedelta(days=8), dt.time(18, 0), tzinfo=BERLIN)
    if first <= timezone.now():
        first += dt.timedelta(days=7)
    details = services.SessionDetails(title="Weekly", kind=Session.Kind.PEER_CIRCLE,
                                      starts_at=first, ends_at=first + dt.timedelta(hours=1),
                                      facilitators=[facilitator])

    created = services.session_schedule(group=group, by=facilitator, details=details,
                                        recurrence=rec.Recurrence(rec.Frequency.WEEKLY, count=3))

    assert len(created) == 3
    assert {s.starts_at.astimezone(BERLIN).strftime("%H:%M") for s in created} == {"18:00"}
    assert len({s.starts_at.astimezone(dt.UTC).hour for s in created}) == 2
    assert all(s.ends_at - s.starts_at == dt.timedelta(hours=1) for s in created)
    series = SessionSeries.objects.get()
    assert series.rrule == "FREQ=WEEKLY;COUNT=3"
    assert series.time_zone == "Europe/Berlin"
    assert all(s.facilitators.get() == facilitator for s in created)
