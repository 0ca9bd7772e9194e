"""Scheduling, editing, cancelling and closing sessions (one occurrence or a run of a series)."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from chat import events as chat_events
from groups.models import Group, Membership
from groups.policies import name_in_group
from sessions import recurrence as rec
from sessions.models import RSVP, Notice, Session, SessionSeries
from sessions.services.notices import notices_announce, reminders_drop, reminders_plan
from sessions.services.rsvp import waitlist_promote
from training import policies as training_policies

MAX_DURATION = dt.timedelta(hours=12)
# An online session with no facilitator in its chat this long after the start is closed.
NO_FACILITATOR_CLOSE_AFTER = dt.timedelta(
    minutes=getattr(settings, "SESSIONS_NO_FACILITATOR_MINUTES", 15))


class Scope:
    THIS = "this"
    FOLLOWING = "following"
    CHOICES = [(THIS, gettext_lazy("Only this session")),
               (FOLLOWING, gettext_lazy("This and all following sessions"))]


@dataclass
class SessionDetails:
    """What a facilitator fills in. Times are aware datetimes."""

    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    format: str = Session.Format.ONLINE
    description: str = ""
    location: str = ""
    capacity: int | None = None
    extra_rules: list[dict] = field(default_factory=list)
    facilitators: list = field(default_factory=list)


def _to_minute(value: dt.datetime) -> dt.datetime:
    """Sessions are planned to the minute (the form's precision), so edits compare cleanly."""
    return value.replace(second=0, microsecond=0)


def _validate(details: SessionDetails, *, group: Group, starts_must_be_future: bool) -> None:
    details.starts_at, details.ends_at = _to_minute(details.starts_at), _to_minute(details.ends_at)
    errors: dict[str, str] = {}
    now = timezone.now()
    if starts_must_be_future and details.starts_at <= now:
        errors["starts_at"] = _("Choose a start time in the future.")
    if details.ends_at <= details.starts_at:
        errors["ends_at"] = _("The session must end after it starts.")
    elif details.ends_at - details.starts_at > MAX_DURATION:
        errors["ends_at"] = _("A session can last 12 hours at most.")
    if details.format == Session.Format.IN_PERSON and not details.location.strip():
        errors["location"] = _("Say where an in-person session takes place.")
    if details.capacity is not None and details.capacity < 1:
        errors["capacity"] = _("Capacity must be at least 1, or left empty for no limit.")
    facilitator_ids = {person.pk for person in details.facilitators}
    allowed = set(Membership.objects.filter(group=group, status=Membership.Status.ACTIVE,
                                            role=Membership.Role.FACILITATOR,
                                            user__in=facilitator_ids)
                  .values_list("user_id", flat=True))
    if not facilitator_ids:
        errors["facilitators"] = _("Choose at least one facilitator.")
    elif facilitator_ids - allowed:
        errors["facilitators"] = _("Only the group's facilitators can facilitate its sessions.")
    elif training_policies.group_requires_training(group):
        untrained = [p for p in details.facilitators if not training_policies.is_trained(p)]
        if untrained:
            errors["facilitators"] = _(
                "This group requires trained facilitators. Not trained yet: %(names)s. They can "
                "complete the facilitator path of the listening training first."
            ) % {"names": get_text_list([name_in_group(p, group) for p in untrained],
                                        _("and"))}
    if errors:
        raise ValidationError(errors)


def session_schedule(*, group: Group, by, details: SessionDetails,
                     recurrence: rec.Recurrence | None = None) -> list[Session]:
    """Creates one session, or a whole series in the group's zone. All or nothing.

    In a group that requires trained facilitators, the person scheduling must be trained too."""
    if training_policies.group_requires_training(group) and not training_policies.is_trained(by):
        raise ValidationError(_(
            "This group requires trained facilitators. Complete the facilitator path of the "
            "listening training to schedule its sessions."), code="training_required")
    _validate(details, group=group, starts_must_be_future=True)
    duration = details.ends_at - details.starts_at
    starts = ([details.starts_at] if recurrence is None
              else rec.occurrences(recurrence, first_start=details.starts_at,
                                   time_zone=group.time_zone))
    with transaction.atomic():
        series = None
        if recurrence is not None:
            series = SessionSeries.objects.create(group=group, rrule=recurrence.rule_text(),
                                                  time_zone=group.time_zone, created_by=by)
        sessions = [
            Session.objects.create(
                group=group, series=series, title=details.title.strip(), kind=details.kind,
                description=details.description, starts_at=start, ends_at=start + duration,
                time_zone=group.time_zone, format=details.format,
                location=details.location.strip(), capacity=details.capacity,
                extra_rules=details.extra_rules, created_by=by,
            )
            for start in starts
        ]
        through = Session.facilitators.through
        through.objects.bulk_create([through(session_id=session.pk, user_id=person.pk)
                                     for session in sessions for person in details.facilitators])
    return sessions


def _targets(session: Session, scope: str) -> list[Session]:
    if scope == Scope.FOLLOWING and session.series_id is not None:
        return list(Session.objects.select_for_update()
                    .filter(series=session.series_id, status=Session.Status.SCHEDULED,
                            starts_at__gte=session.starts_at).order_by("starts_at"))
    return [session]


def _people(session: Session, *statuses: str) -> list[int]:
    return list(RSVP.objects.filter(session=session, status__in=statuses)
                .values_list("user_id", flat=True))


def session_update(*, session: Session, by, details: SessionDetails,
                   scope: str = Scope.THIS) -> list[Session]:
    """Edits one occurrence, or this and the following ones of its series (which then become a
    series of their own). A change of time moves each occurrence by the same wall-clock change in
    the series' zone, re-plans reminders and tells those going and waitlisted."""
    with transaction.atomic():
        anchor = (Session.objects.select_for_update(of=("self",)).select_related("group")
                  .get(pk=session.pk))
        if anchor.status != Session.Status.SCHEDULED:
            raise ValidationError(_("A cancelled or closed session cannot be edited."))
        details.starts_at, details.ends_at = (_to_minute(details.starts_at),
                                              _to_minute(details.ends_at))
        moved = (details.starts_at != _to_minute(anchor.starts_at)
                 or details.ends_at != _to_minute(anchor.ends_at))
        _validate(details, group=anchor.group, starts_must_be_future=moved)
        if anchor.ends_at <= timezone.now() and moved:
            raise ValidationError(_("This session is over; its time can no longer change."))
        targets = _targets(anchor, scope)
        if details.capacity is not None:
            for target in targets:
                going = RSVP.objects.filter(session=target, status=RSVP.Status.GOING).count()
                if details.capacity < going:
                    when = formats.date_format(timezone.localtime(target.starts_at),
                                               "MONTH_DAY_FORMAT")
                    raise ValidationError({"capacity": ngettext(
                        "%(going)d person is already going on %(when)s; capacity cannot be "
                        "lower than that.",
                        "%(going)d people are already going on %(when)s; capacity cannot be "
                        "lower than that.", going) % {"going": going, "when": when}})
        if scope == Scope.FOLLOWING and anchor.series_id is not None and len(targets) > 1:
            old = anchor.series
            new_series = SessionSeries.objects.create(group=anchor.group, rrule=old.rrule,
                                                      time_zone=old.time_zone, created_by=by)
        else:
            new_series = None
        duration = details.ends_at - details.starts_at
        target_was = {target.pk: target.starts_at for target in targets}
        moved_targets: list[Session] = []
        for target in targets:
            if not moved:  # times untouched: each occurrence keeps its own (edited) time
                start, end = target.starts_at, target.ends_at
            elif target.pk == anchor.pk:
                start, end = details.starts_at, details.ends_at
            else:
                start = rec.shift_keeping_wall_clock(target.starts_at,
                                                     old_anchor=anchor.starts_at,
                                                     new_anchor=details.starts_at,
                                                     time_zone=anchor.time_zone)
                end = start + duration
                if start <= timezone.now():
                    raise ValidationError({"starts_at": _("That change would move a session "
                                                        "into the past.")})
            _apply(target, details, starts_at=start, ends_at=end, series=new_series)
            if start != target_was[target.pk]:
                moved_targets.append(target)
        _announce_once(moved_targets, kind=Notice.Kind.RESCHEDULED, previous_starts=target_was)
    return targets


def _apply(target: Session, details: SessionDetails, *, starts_at: dt.datetime,
           ends_at: dt.datetime, series: SessionSeries | None) -> None:
    moved = starts_at != target.starts_at or ends_at != target.ends_at
    target.title = details.title.strip()
    target.kind = details.kind
    target.description = details.description
    target.format = details.format
    target.location = details.location.strip()
    target.capacity = details.capacity
    target.extra_rules = details.extra_rules
    target.starts_at, target.ends_at = starts_at, ends_at
    if series is not None:
        target.series = series
    if moved:
        target.schedule_version += 1
    target.save()
    target.facilitators.set(details.facilitators)
    if moved:
        reminders_drop(session=target)
        for user_id in _people(target, RSVP.Status.GOING):
            reminders_plan(session=target, user_id=user_id)
    waitlist_promote(session=target)


def _announce_once(targets: list[Session], *, kind: str,
                   previous_starts: dict[int, dt.datetime] | None = None) -> None:
    """One email per person for a run of changed sessions: about the first one they were going
    to (or waitlisted for), saying how many dates from it on the change covers. The email
    points to the session page, which lists the rest."""
    first_for: dict[int, Session] = {}
    for target in targets:
        for user_id in _people(target, RSVP.Status.GOING, RSVP.Status.WAITLISTED):
            first_for.setdefault(user_id, target)
    by_session: dict[int, list[int]] = {}
    for user_id, target in first_for.items():
        by_session.setdefault(target.pk, []).append(user_id)
    for position, target in enumerate(targets):
        if target.pk in by_session:
            notices_announce(session=target, kind=kind, user_ids=by_session[target.pk],
                             covers_dates=len(targets) - position,
                             previous_starts_at=(previous_starts or {}).get(target.pk))


def session_cancel(*, session: Session, by, scope: str = Scope.THIS,
                   note: str = "") -> list[Session]:
    """Cancels one occurrence or this and the following ones; tells those going and waitlisted.
    RSVPs stay as they were (the record of who meant to come)."""
    with transaction.atomic():
        anchor = Session.objects.select_for_update().get(pk=session.pk)
        if anchor.status != Session.Status.SCHEDULED:
            raise ValidationError(_("This session is already cancelled or closed."))
        if anchor.ends_at <= timezone.now():
            raise ValidationError(_("This session is over, so it cannot be cancelled."))
        cancelled = []
        for target in _targets(anchor, scope):
            changed = (Session.objects.filter(pk=target.pk, status=Session.Status.SCHEDULED)
                       .update(status=Session.Status.CANCELLED, cancel_note=note.strip(),
                               schedule_version=target.schedule_version + 1,
                               updated_at=timezone.now()))
            if changed != 1:
                continue
            target.refresh_from_db()
            reminders_drop(session=target)
            if target.format == Session.Format.ONLINE:
                chat_events.room_closed_cancelled(session_id=target.pk)
            cancelled.append(target)
        _announce_once(cancelled, kind=Notice.Kind.CANCELLED)
    return cancelled


def sessions_close_unattended(*, now: dt.datetime | None = None) -> list[int]:
    """Closes online sessions whose facilitator has not joined the chat in time; tells those
    waiting in the lobby (a realtime event) and those going (an email). Returns closed ids."""
    now = now or timezone.now()
    due = (Session.objects.filter(format=Session.Format.ONLINE, status=Session.Status.SCHEDULED,
                                  facilitator_joined_at__isnull=True,
                                  starts_at__lte=now - NO_FACILITATOR_CLOSE_AFTER,
                                  starts_at__gte=now - dt.timedelta(days=2))
           .values_list("pk", flat=True))
    closed = []
    for pk in list(due):
        with transaction.atomic():
            changed = (Session.objects.filter(pk=pk, status=Session.Status.SCHEDULED,
                                              facilitator_joined_at__isnull=True)
                       .update(status=Session.Status.CLOSED, updated_at=now))
            if changed != 1:
                continue
            session = Session.objects.get(pk=pk)
            reminders_drop(session=session)
            notices_announce(session=session, kind=Notice.Kind.CLOSED,
                             user_ids=_people(session, RSVP.Status.GOING))
            chat_events.room_closed_unattended(session_id=pk)
            closed.append(pk)
    return closed
