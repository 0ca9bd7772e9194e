"""Cancellation and new-time emails say exactly what changed: which dates, and the old time."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from sessions import services
from sessions.models import RSVP, Session
from sessions.recurrence import Recurrence
from sessions.services import Scope, SessionDetails

pytestmark = pytest.mark.django_db


@pytest.fixture
def series(group, facilitator, member):
    """Four weekly dates, `member` going to all of them."""
    start = (timezone.now() + dt.timedelta(days=3)).replace(second=0, microsecond=0)
    details = SessionDetails(title="Thursday circle", kind=Session.Kind.PEER_CIRCLE,
                             starts_at=start, ends_at=start + dt.timedelta(hours=1),
                             facilitators=[facilitator])
    sessions = services.session_schedule(group=group, by=facilitator, details=details,
                                         recurrence=Recurrence(frequency="weekly", count=4))
    for session in sessions:
        services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    return sorted(sessions, key=lambda s: s.starts_at)


def only_mail_body() -> str:
    [message] = mail.outbox
    return message.body


def test_cancelling_this_date_only_says_only_this_date(series, facilitator,
                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=series[1], by=facilitator, scope=Scope.THIS)

    body = only_mail_body()
    assert "Only this date is cancelled; the other dates of the series stay as planned." in body
    assert "may cover later dates" not in body


def test_cancelling_this_and_following_counts_the_dates(series, facilitator,
                                                        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=series[1], by=facilitator, scope=Scope.FOLLOWING)

    body = only_mail_body()
    assert "This date and the 2 later dates of the series are cancelled." in body


def test_a_new_time_for_one_date_says_the_old_time_and_only_this_date(
        series, facilitator, member, django_capture_on_commit_callbacks):
    target = series[2]
    new_start = target.starts_at + dt.timedelta(hours=2)
    details = SessionDetails(title=target.title, kind=target.kind, starts_at=new_start,
                             ends_at=new_start + dt.timedelta(hours=1),
                             facilitators=[facilitator])
    was = target.starts_at.astimezone(zoneinfo.ZoneInfo(member.time_zone or "UTC"))

    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(session=target, by=facilitator, details=details,
                                scope=Scope.THIS)

    body = only_mail_body()
    with translation.override("en-gb"):
        assert f"It was planned for {formats.date_format(was, 'DATETIME_FORMAT')}." in body
    assert "Only this date moved; the other dates of the series keep their time." in body
