"""Reminders and notices: due-times in the database, each email sent once at most."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from sessions import services, tasks
from sessions.models import RSVP, Notice, Session
from tests.sessions.factories import move_to_past, schedule
from training.services import certification_grant

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(hours=24)


@pytest.fixture
def going(session, member):
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)
    return member


def reminder(kind=Notice.Kind.REMINDER_24H) -> Notice:
    return Notice.objects.get(kind=kind)


def test_a_reminder_waits_until_it_is_due(session, going):
    assert services.notices_dispatch_due() == 0
    assert mail.outbox == []
    assert reminder().due_at == session.starts_at - DAY


def test_a_due_reminder_is_sent_once_however_often_the_task_runs(session, going):
    at = session.starts_at - DAY + dt.timedelta(seconds=1)

    first = services.notices_dispatch_due(now=at)
    second = services.notices_dispatch_due(now=at)
    third = services.notices_dispatch_due(now=at + dt.timedelta(minutes=1))

    assert (first, second, third) == (1, 0, 0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [going.email]
    assert mail.outbox[0].subject == f"Tomorrow: {session.title}"
    assert reminder().sent_at is not None


def test_two_workers_racing_for_one_notice_send_it_once(session, going):
    notice = reminder()
    at = notice.due_at

    results = [services.notice_send(notice_id=notice.pk, now=at),
               services.notice_send(notice_id=notice.pk, now=at)]

    assert results == [True, False]
    assert len(mail.outbox) == 1


def test_a_notice_claimed_by_a_live_worker_is_not_stolen_inside_its_lease(session, going,
                                                                           settings):
    notice = reminder()
    Notice.objects.filter(pk=notice.pk).update(claimed_at=notice.due_at)
    inside = notice.due_at + dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE - 1)

    assert services.notices_dispatch_due(now=inside) == 0
    assert services.notice_send(notice_id=notice.pk, now=inside) is False
    assert mail.outbox == []
    assert reminder().claimed_at == notice.due_at


def test_a_worker_killed_after_claiming_is_replaced_once_its_lease_expires(session, going,
                                                                          settings):
    # The worker claimed the row and died before the mail server had it.
    notice = reminder()
    Notice.objects.filter(pk=notice.pk).update(claimed_at=notice.due_at, attempts=1)
    after = notice.due_at + dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE + 1)

    assert services.notices_dispatch_due(now=after) == 1
    assert services.notices_dispatch_due(now=after + dt.timedelta(hours=1)) == 0
    [sent] = mail.outbox
    assert sent.to == [going.email]
    assert reminder().sent_at is not None and reminder().attempts == 2


def test_a_resend_after_a_crash_mid_send_carries_the_same_message_id(session, going, settings,
                                                                     monkeypatch):
    # The remaining window: the mail server accepted the email, the worker died before marking
    # the row. The copy sent after the lease has the same Message-ID, so the person's mail
    # client shows one message.
    from sessions.services import notices

    class WorkerKilled(BaseException):
        pass

    real_send = notices.send_mail

    def accepted_then_killed(*args, **kwargs):
        real_send(*args, **kwargs)
        raise WorkerKilled

    notice = reminder()
    monkeypatch.setattr(notices, "send_mail", accepted_then_killed)
    with pytest.raises(WorkerKilled):
        services.notices_dispatch_due(now=notice.due_at)
    monkeypatch.setattr(notices, "send_mail", real_send)
    assert reminder().sent_at is None and reminder().claimed_at is not None

    later = notice.due_at + dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE + 1)
    assert services.notices_dispatch_due(now=later) == 1

    first, second = mail.outbox
    assert first.to == second.to == [going.email]
    assert first.message()["Message-ID"] == second.message()["Message-ID"]
    other = Notice.objects.get(kind=Notice.Kind.REMINDER_1H)
    services.notice_send(notice_id=other.pk, now=other.due_at)
    assert mail.outbox[2].message()["Message-ID"] != first.message()["Message-ID"]
    local = first.message()["Message-ID"].split("@")[0].lstrip("<")
    assert len(local) == 32 and "notice" not in local  # a keyed hash, no row number in it


def test_a_notice_that_kills_its_worker_every_time_is_given_up(session, going, settings):
    from sessions.services import notices

    notice = reminder()
    lease = dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE + 1)
    Notice.objects.filter(pk=notice.pk).update(claimed_at=notice.due_at,
                                               attempts=notices.MAX_ATTEMPTS)

    assert services.notices_dispatch_due(now=notice.due_at + lease) == 0
    assert mail.outbox == []
    assert reminder().skipped_reason == "gave up after retries"


def test_a_refused_email_is_retried_and_then_sent_once(session, going, monkeypatch):
    from sessions.services import notices

    calls = []

    def flaky_send(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise ConnectionRefusedError("smtp down")
        return 1

    monkeypatch.setattr(notices, "send_mail", flaky_send)
    at = reminder().due_at

    assert services.notices_dispatch_due(now=at) == 0
    assert reminder().claimed_at is None and reminder().attempts == 1
    assert services.notices_dispatch_due(now=at + dt.timedelta(minutes=1)) == 1
    assert services.notices_dispatch_due(now=at + dt.timedelta(minutes=2)) == 0
    assert len(calls) == 2


def test_no_reminder_for_someone_who_stopped_going(session, going):
    services.rsvp_set(session=session, user=going, status=RSVP.Status.NOT_GOING)

    assert services.notices_dispatch_due(now=session.starts_at - dt.timedelta(minutes=30)) == 0
    assert mail.outbox == []


def test_the_periodic_task_sends_what_is_due(session, going, monkeypatch):
    Notice.objects.update(due_at=timezone.now() - dt.timedelta(minutes=1))

    tasks.dispatch_due_notices.delay()
    tasks.dispatch_due_notices.delay()

    assert len(mail.outbox) == 2  # the 24 h and the 1 h reminder, once each
    assert tasks.dispatch_due_notices.acks_late is True


def test_a_time_change_tells_people_and_moves_their_reminders(
        session, going, facilitator, django_capture_on_commit_callbacks):
    new_start = session.starts_at + dt.timedelta(days=1)
    details = services.SessionDetails(
        title=session.title, kind=session.kind, starts_at=new_start,
        ends_at=new_start + dt.timedelta(hours=1), facilitators=[facilitator])

    with django_capture_on_commit_callbacks(execute=True):
        services.session_update(session=session, by=facilitator, details=details)

    assert [m.subject for m in mail.outbox] == [f"New time: {session.title}"]
    assert reminder().due_at == new_start - DAY
    assert reminder().revision == 2
    mail.outbox.clear()
    assert services.notices_dispatch_due(now=new_start - DAY) == 1


def test_a_cancellation_tells_those_going_and_drops_their_reminders(
        session, going, facilitator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, by=facilitator, note="The room flooded.")

    assert [m.subject for m in mail.outbox] == [f"Cancelled: {session.title}"]
    assert "The room flooded." in mail.outbox[0].body
    assert not Notice.objects.filter(kind__startswith="reminder").exists()


def test_emails_show_the_time_in_the_recipients_zone(session, going):
    going.time_zone = "America/New_York"
    going.save()
    notice = reminder()

    subject, body = services.notice_compose(notice=notice)

    local = timezone.localtime(session.starts_at, timezone=zoneinfo.ZoneInfo("America/New_York"))
    with translation.override("en-gb"):
        assert formats.date_format(local, "DATETIME_FORMAT") in body
    assert "America/New York time" in body


def test_emails_about_a_sensitive_groups_session_are_discreet(group, facilitator, member):
    group.is_sensitive = True
    group.save()
    certification_grant(user=facilitator)  # sensitive groups require trained facilitators
    session = schedule(group, facilitator, title="Circle after harassment")
    services.rsvp_set(session=session, user=member, status=RSVP.Status.GOING)

    subject, body = services.notice_compose(notice=reminder())

    assert "harassment" not in subject + body
    assert group.name not in body
    assert subject == "Tomorrow: PeerSupport session"
    assert f"/sessions/{session.pk}/" in body


# --- Closing sessions no facilitator joined ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_an_online_session_without_a_facilitator_is_closed_and_the_lobby_told(
        session, going):
    """A member waits in the lobby on a real socket; the periodic task closes the session and
    the socket hears why at once, then closes (no 30-second re-check, no generic message)."""
    from channels.db import database_sync_to_async
    from channels.layers import channel_layers

    from chat.policies import CLOSE_GONE
    from tests.chat.conftest import open_chat

    channel_layers.backends.clear()  # this test's event loop gets its own layer

    def into_the_lobby():
        move_to_past(session, started_ago=services.NO_FACILITATOR_CLOSE_AFTER
                     + dt.timedelta(minutes=1))
        # Still inside the window in which the lobby is open.
        Session.objects.filter(pk=session.pk).update(
            ends_at=timezone.now() + dt.timedelta(hours=1))
        services.session_rules_accept(session=session, user=going)

    await database_sync_to_async(into_the_lobby)()
    async with await open_chat(going, session) as waiting:
        assert waiting.state["room"]["phase"] == "lobby"

        closed = await database_sync_to_async(
            lambda: tasks.close_unattended_sessions.delay().get())()
        again = await database_sync_to_async(
            lambda: tasks.close_unattended_sessions.delay().get())()

        code, frames = await waiting.expect_close(timeout=2)
    assert (closed, again) == (1, 0)
    assert code == CLOSE_GONE
    told = [f for f in frames if f["type"] == "room.closed"]
    assert len(told) == 1 and "No facilitator could join" in told[0]["detail"]
    await database_sync_to_async(session.refresh_from_db)()
    assert session.status == Session.Status.CLOSED
    assert [m.subject for m in mail.outbox] == [f"Did not take place: {session.title}"]


@pytest.mark.django_db(transaction=True)
async def test_a_cancelled_online_session_closes_its_lobby_at_once(session, going, facilitator):
    from channels.db import database_sync_to_async
    from channels.layers import channel_layers

    from chat.policies import CLOSE_GONE
    from tests.chat.conftest import open_chat

    channel_layers.backends.clear()

    def into_the_lobby():
        Session.objects.filter(pk=session.pk).update(
            starts_at=timezone.now() - dt.timedelta(minutes=5),
            ends_at=timezone.now() + dt.timedelta(hours=1))
        services.session_rules_accept(session=session, user=going)

    await database_sync_to_async(into_the_lobby)()
    async with await open_chat(going, session) as waiting:
        assert waiting.state["room"]["phase"] == "lobby"
        await database_sync_to_async(lambda: services.session_cancel(
            session=Session.objects.get(pk=session.pk), by=facilitator))()
        code, frames = await waiting.expect_close(timeout=2)
    assert code == CLOSE_GONE
    assert [f["detail"] for f in frames if f["type"] == "room.closed"] == [
        "This session was cancelled, so its chat is closed."]


def test_a_session_whose_facilitator_joined_is_not_closed(session):
    move_to_past(session, started_ago=dt.timedelta(minutes=30))
    Session.objects.filter(pk=session.pk).update(facilitator_joined_at=timezone.now())

    assert services.sessions_close_unattended() == []


def test_a_session_is_not_closed_before_the_grace_period(session):
    move_to_past(session, started_ago=dt.timedelta(minutes=2))

    assert services.sessions_close_unattended() == []


def test_an_in_person_session_is_never_closed_for_an_empty_chat(group, facilitator):
    session = schedule(group, facilitator, format=Session.Format.IN_PERSON, location="Room 1")
    move_to_past(session, started_ago=dt.timedelta(minutes=30))

    assert services.sessions_close_unattended() == []
