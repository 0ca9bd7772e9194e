"""Reminder and notice emails: due-times in the database, sent once each by a periodic task.

Exactly once from the person's point of view:
- a row is claimed with a conditional update before its email goes out, and the claim is a
  lease (NOTICE_CLAIM_LEASE, 5 minutes): when the worker dies holding it, the next dispatch
  after the lease reclaims it (a conditional update on the claim it saw, so two dispatchers
  never both reclaim one row) and sends it;
- the row is marked sent right after the mail server accepted the email;
- every email of a row carries the same Message-ID (`notice_message_key`), so the one window
  left, a crash after the mail server accepted the email and before the row is marked sent,
  gives the person one copy with the same Message-ID, which mail clients show once.
A known failure (the mail server refused) releases the claim for a retry. A row is tried at most
MAX_ATTEMPTS times (a reclaim counts), then given up. The lease must outlast one send:
EMAIL_TIMEOUT (30 s) bounds a hung mail server well inside it.
"""

import datetime as dt
import logging
import time
import zoneinfo

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from peersupport.i18n import in_language_of
from peersupport.mail import send_mail
from peersupport.site import absolute_url
from sessions.ics import NEUTRAL_TITLE
from sessions.models import RSVP, CalendarFeed, Notice, Session

logger = logging.getLogger(__name__)

REMINDER_LEADS = {Notice.Kind.REMINDER_24H: dt.timedelta(hours=24),
                  Notice.Kind.REMINDER_1H: dt.timedelta(hours=1)}
REMINDER_KINDS = list(REMINDER_LEADS)
MAX_ATTEMPTS = 5
# The mail server refusing this many in a row is an outage, not a bad address: stop the run.
FAILURES_BEFORE_PAUSE = 3
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


# A dispatch right after a change is for the notices it just created; on the embedded default
# it runs inside the request, so a backlog found there is left to the scheduler's next run.
AFTER_COMMIT_BUDGET = 5.0


def _dispatch_after_commit() -> None:
    from sessions import tasks

    transaction.on_commit(
        lambda: tasks.dispatch_due_notices.delay(budget_seconds=AFTER_COMMIT_BUDGET))


def notices_dispatch_due(*, now: dt.datetime | None = None, limit: int | None = None,
                         max_batches: int | None = None,
                         budget_seconds: float | None = None) -> int:
    """Sends every notice that is due: unclaimed, or claimed by a worker whose lease expired
    (it died). Batch after batch while batches come back full, so a backlog after an outage
    drains in one run, bounded by `max_batches` and a time budget (NOTICE_DISPATCH_BUDGET
    seconds, under the beat interval) so that one run never holds a worker for long; the next
    tick carries on. Returns how many emails went out."""
    fixed_now = now
    now = now or timezone.now()
    limit = limit or settings.NOTICE_DISPATCH_BATCH
    max_batches = max_batches or settings.NOTICE_DISPATCH_MAX_BATCHES
    budget = settings.NOTICE_DISPATCH_BUDGET if budget_seconds is None else budget_seconds
    started = time.monotonic()
    lease_ends = now - dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE)
    due = (Notice.objects.filter(sent_at__isnull=True, skipped_reason="", due_at__lte=now)
           .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=lease_ends))
           .order_by("due_at", "pk"))
    sent = failures_in_a_row = 0
    after: tuple[dt.datetime, int] | None = None
    connection = get_connection()
    try:
        for _ in range(max_batches):
            batch = due
            if after is not None:  # keyset: a row released after a refusal waits for next tick
                batch = batch.filter(Q(due_at__gt=after[0]) | Q(due_at=after[0], pk__gt=after[1]))
            rows = list(batch.values_list("pk", "claimed_at", "due_at")[:limit])
            for notice_id, claimed_at, due_at in rows:
                after = (due_at, notice_id)
                outcome = _notice_send(notice_id=notice_id, seen_claim=claimed_at,
                                       now=fixed_now or timezone.now(), connection=connection)
                sent += outcome == "sent"
                failures_in_a_row = failures_in_a_row + 1 if outcome == "failed" else 0
                if failures_in_a_row >= FAILURES_BEFORE_PAUSE:
                    logger.warning("the mail server refused %s notices in a row; the rest "
                                   "waits for the next run", failures_in_a_row)
                    return sent
                if time.monotonic() - started > budget:
                    return sent
            if len(rows) < limit:
                break
    finally:
        connection.close()
    return sent


def notice_send(*, notice_id: int, now: dt.datetime | None = None) -> bool:
    """Claims one notice and emails it. False if a live worker holds it or it is moot."""
    now = now or timezone.now()
    seen = Notice.objects.filter(pk=notice_id).values_list("claimed_at", flat=True).first()
    return _notice_send(notice_id=notice_id, seen_claim=seen, now=now) == "sent"


def _notice_send(*, notice_id: int, seen_claim: dt.datetime | None, now: dt.datetime,
                 connection=None) -> str:
    """'sent', 'failed' (the mail server said no), or 'passed' (someone else holds it, moot).

    The claim is a conditional update on the claim this worker saw: none, or one whose lease
    has expired. Two workers that saw the same expired claim both try; one row is updated. The
    claim counts an attempt, so a notice whose sending kills the worker every time is given up
    after MAX_ATTEMPTS, not retried forever."""
    lease_ends = now - dt.timedelta(seconds=settings.NOTICE_CLAIM_LEASE)
    if seen_claim is not None and seen_claim >= lease_ends:
        return "passed"  # a live worker's lease
    claimed = (Notice.objects.filter(pk=notice_id, sent_at__isnull=True, skipped_reason="",
                                     claimed_at=seen_claim)
               .update(claimed_at=now, attempts=F("attempts") + 1))
    if claimed != 1:
        return "passed"
    notice = Notice.objects.select_related("session__group", "user").get(pk=notice_id)
    mine = Notice.objects.filter(pk=notice_id, claimed_at=now, sent_at__isnull=True)
    if seen_claim is not None:
        logger.warning("notice %s: its worker's lease expired unsent; sending it again "
                       "(attempt %s)", notice_id, notice.attempts)
    reason = ("gave up after retries" if notice.attempts > MAX_ATTEMPTS
              else _moot_reason(notice, now=now))
    if reason:
        mine.update(skipped_reason=reason)
        return "passed"
    try:
        subject, body = notice_compose(notice=notice)
        if connection is not None:
            connection.open()  # once per run: SMTP keeps it (a no-op while it is open)
        send_mail(subject, body, None, [notice.user.email], connection=connection,
                  stable_key=notice_message_key(notice))
    except Exception:  # the mail server said no: nothing went out, so a retry is safe
        logger.exception("notice %s could not be sent", notice_id)
        if connection is not None:
            connection.close()  # it may be broken; the next send opens a new one
        mine.update(claimed_at=None,
                    skipped_reason="gave up after retries" if notice.attempts >= MAX_ATTEMPTS
                    else "")
        return "failed"
    # Right after the mail server accepted it. A crash before this line leaves the claim to
    # expire and the email goes again, with the same Message-ID (see the module's docstring).
    Notice.objects.filter(pk=notice_id, sent_at__isnull=True).update(sent_at=timezone.now())
    return "sent"


def notice_message_key(notice: Notice) -> str:
    """One key per notice row (a row is one email owed to one person): its Message-ID."""
    return f"sessions.notice:{notice.pk}:{notice.kind}:{notice.revision}"


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


# (subject, headline) per kind; translated in the recipient's language when composed.
_HEADLINES = {
    Notice.Kind.REMINDER_24H: (gettext_lazy("Tomorrow: %(title)s"),
                               gettext_lazy("A reminder: your session is tomorrow.")),
    Notice.Kind.REMINDER_1H: (gettext_lazy("In an hour: %(title)s"),
                              gettext_lazy("A reminder: your session starts in an hour.")),
    Notice.Kind.CANCELLED: (gettext_lazy("Cancelled: %(title)s"),
                            gettext_lazy("This session has been cancelled.")),
    Notice.Kind.RESCHEDULED: (gettext_lazy("New time: %(title)s"),
                              gettext_lazy("The time of this session has changed.")),
    Notice.Kind.PROMOTED: (gettext_lazy("A seat for you: %(title)s"),
                           gettext_lazy("A seat came free and it is yours: you are now going.")),
    Notice.Kind.CLOSED: (gettext_lazy("Did not take place: %(title)s"),
                         gettext_lazy("No facilitator could join this session, so it was "
                                      "closed. We are sorry; please look out for the next one.")),
}


def _planned_titles(session: Session) -> list[str]:
    from activities.selectors import planned_titles_by_session

    return planned_titles_by_session(session_ids=[session.pk]).get(session.pk, [])


def notice_compose(*, notice: Notice) -> tuple[str, str]:
    """Subject and plain-text body, in the recipient's language and times in their zone.
    Discreet when the group is sensitive or the person asked for discreet entries: no title, no
    group, only the link."""
    session, person = notice.session, notice.user
    with in_language_of(person):
        return _notice_compose(notice=notice, session=session, person=person)


def _notice_compose(*, notice: Notice, session: Session, person) -> tuple[str, str]:
    discreet = (session.group.is_sensitive
                or CalendarFeed.objects.filter(user=person, discreet=True).exists())
    title = str(NEUTRAL_TITLE) if discreet else session.title
    subject_pattern, headline = _HEADLINES[notice.kind]
    try:
        zone = zoneinfo.ZoneInfo(person.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = dt.UTC
    link = absolute_url(reverse("sessions:detail", args=[session.pk]))
    with timezone.override(zone):  # the template's date filter shows the recipient's zone
        body = render_to_string("sessions/email/notice.txt", {
            "name": person.name, "headline": str(headline), "discreet": discreet,
            "session": session,
            "starts": session.starts_at, "ends": session.ends_at,
            "zone_name": str(zone).replace("_", " "), "link": link, "kind": notice.kind,
            "activities": _planned_titles(session) if notice.kind in REMINDER_KINDS else [],
            "in_series": session.series_id is not None, "covers_dates": notice.covers_dates,
            "later_dates": notice.covers_dates - 1,
            "previous_starts": notice.previous_starts_at,
        })
    return str(subject_pattern) % {"title": title}, body

