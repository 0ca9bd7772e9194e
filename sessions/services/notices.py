"""Reminder and notice emails: due-times in the database, sent once each by a periodic task.

Sending is at most once per row: a row is claimed with a conditional update before the email goes
out and marked sent after. A known failure (the mail server refused) releases the claim for a
retry; a worker killed between claim and "sent" leaves the row claimed, and it is never sent
again, because it may already have been.
"""

import datetime as dt
import logging
import zoneinfo

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from peersupport.mail import send_mail
from peersupport.site import absolute_url
from sessions.models import RSVP, CalendarFeed, Notice, Session

logger = logging.getLogger(__name__)

REMINDER_LEADS = {Notice.Kind.REMINDER_24H: dt.timedelta(hours=24),
                  Notice.Kind.REMINDER_1H: dt.timedelta(hours=1)}
REMINDER_KINDS = list(REMINDER_LEADS)
MAX_ATTEMPTS = 5
# A notice that could not go out within a day is stale news; it is skipped, not sent late.
STALE_AFTER = dt.timedelta(hours=24)


def reminders_plan(*, session: Session, user_id: int) -> None:
    """Due-times for the 24 h and 1 h reminders of a person going (only those still ahead)."""
    now = timezone.now()
    rows = [Notice(session=session, user_id=user_id, kind=kind, revision=session.schedule_version,
                   due_at=session.starts_at - lead)
            for kind, lead in REMINDER_LEADS.items() if session.starts_at - lead > now]
    Notice.objects.bulk_create(rows, ignore_conflicts=True)


def reminders_drop(*, session: Session, user=None) -> None:
    """Forgets reminders not yet picked up (the person is no longer going, or the time moved)."""
    pending = Notice.objects.filter(session=session, kind__in=REMINDER_KINDS,
                                    sent_at__isnull=True, claimed_at__isnull=True)
    if user is not None:
        pending = pending.filter(user=user)
    pending.delete()


def notices_announce(*, session: Session, user_ids: list[int], kind: str,
                     revision: int | None = None, covers_dates: int = 1,
                     previous_starts_at: dt.datetime | None = None) -> None:
    """A notice due now for each person; sent right after the transaction commits.
    `covers_dates`: how many dates of the series the change covers, from this one on."""
    if not user_ids:
        return
    revision = session.schedule_version if revision is None else revision
    now = timezone.now()
    Notice.objects.bulk_create(
        [Notice(session=session, user_id=user_id, kind=kind, revision=revision, due_at=now,
                covers_dates=covers_dates, previous_starts_at=previous_starts_at)
         for user_id in user_ids],
        ignore_conflicts=True,
    )
    _dispatch_after_commit()


def _dispatch_after_commit() -> None:
    from sessions import tasks

    transaction.on_commit(lambda: tasks.dispatch_due_notices.delay())


def notices_dispatch_due(*, now: dt.datetime | None = None, limit: int = 500) -> int:
    """Sends every notice that is due and unclaimed. Returns how many emails went out."""
    now = now or timezone.now()
    due_ids = list(Notice.objects.filter(sent_at__isnull=True, claimed_at__isnull=True,
                                         skipped_reason="", due_at__lte=now)
                   .order_by("due_at").values_list("pk", flat=True)[:limit])
    sent = 0
    for notice_id in due_ids:
        if notice_send(notice_id=notice_id, now=now):
            sent += 1
    return sent


def notice_send(*, notice_id: int, now: dt.datetime | None = None) -> bool:
    """Claims one notice and emails it. False if someone else claimed it or it is moot."""
    now = now or timezone.now()
    claimed = Notice.objects.filter(pk=notice_id, sent_at__isnull=True,
                                    claimed_at__isnull=True).update(claimed_at=now)
    if claimed != 1:
        return False
    notice = Notice.objects.select_related("session__group", "user").get(pk=notice_id)
    reason = _moot_reason(notice, now=now)
    if reason:
        Notice.objects.filter(pk=notice_id).update(skipped_reason=reason)
        return False
    try:
        subject, body = notice_compose(notice=notice)
        send_mail(subject, body, None, [notice.user.email])
    except Exception:  # the mail server said no: nothing went out, so a retry is safe
        logger.exception("notice %s could not be sent", notice_id)
        attempts = notice.attempts + 1
        Notice.objects.filter(pk=notice_id).update(
            claimed_at=None, attempts=attempts,
            skipped_reason="gave up after retries" if attempts >= MAX_ATTEMPTS else "",
        )
        return False
    Notice.objects.filter(pk=notice_id).update(sent_at=timezone.now(), attempts=notice.attempts + 1)
    return True


def _moot_reason(notice: Notice, *, now: dt.datetime) -> str:
    session = notice.session
    if not notice.user.is_active:
        return "person deactivated"
    if now - notice.due_at > STALE_AFTER:
        return "too late"
    if notice.kind in REMINDER_KINDS:
        if session.status != Session.Status.SCHEDULED:
            return "session not scheduled"
        if notice.revision != session.schedule_version:
            return "time changed"
        if session.starts_at <= now:
            return "session started"
        going = RSVP.objects.filter(session=session, user=notice.user,
                                    status=RSVP.Status.GOING).exists()
        if not going:
            return "no longer going"
    if notice.kind == Notice.Kind.PROMOTED and session.status != Session.Status.SCHEDULED:
        return "session not scheduled"
    return ""


_HEADLINES = {
    Notice.Kind.REMINDER_24H: ("Tomorrow: {title}", "A reminder: your session is tomorrow."),
    Notice.Kind.REMINDER_1H: ("In an hour: {title}", "A reminder: your session starts in an hour."),
    Notice.Kind.CANCELLED: ("Cancelled: {title}", "This session has been cancelled."),
    Notice.Kind.RESCHEDULED: ("New time: {title}", "The time of this session has changed."),
    Notice.Kind.PROMOTED: ("A seat for you: {title}",
                           "A seat came free and it is yours: you are now going."),
    Notice.Kind.CLOSED: ("Did not take place: {title}",
                         "No facilitator could join this session, so it was closed. "
                         "We are sorry; please look out for the next one."),
}


def _planned_titles(session: Session) -> list[str]:
    from activities.selectors import planned_titles_by_session

    return planned_titles_by_session(session_ids=[session.pk]).get(session.pk, [])


def notice_compose(*, notice: Notice) -> tuple[str, str]:
    """Subject and plain-text body, times in the recipient's zone. Discreet when the group is
    sensitive or the person asked for discreet entries: no title, no group, only the link."""
    session, person = notice.session, notice.user
    discreet = (session.group.is_sensitive
                or CalendarFeed.objects.filter(user=person, discreet=True).exists())
    title = "PeerSupport session" if discreet else session.title
    subject_pattern, headline = _HEADLINES[notice.kind]
    try:
        zone = zoneinfo.ZoneInfo(person.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    link = absolute_url(reverse("sessions:detail", args=[session.pk]))
    with timezone.override(zone):  # the template's date filter shows the recipient's zone
        body = render_to_string("sessions/email/notice.txt", {
            "name": person.name, "headline": headline, "discreet": discreet, "session": session,
            "starts": session.starts_at, "ends": session.ends_at,
            "zone_name": str(zone).replace("_", " "), "link": link, "kind": notice.kind,
            "activities": _planned_titles(session) if notice.kind in REMINDER_KINDS else [],
            "in_series": session.series_id is not None, "covers_dates": notice.covers_dates,
            "later_dates": notice.covers_dates - 1,
            "previous_starts": notice.previous_starts_at,
        })
    return subject_pattern.format(title=title), body

