"""Running an activity live: start, advance, pause, resume and end, for everyone at once.

The run is stored (activities.models.ActivityRun) and every change is broadcast to the
session's chat room after commit as one `activity` frame holding the whole run; the chat's
`state` frame carries the same object, so a client that reconnects shows the current step and
its countdown. The countdown is shared because the frame carries the moment the step's time is
up (`ends_at`), not a number of seconds. Frames: docs/realtime.md, "Activities".

Callers have checked that the person may run activities here (`activities.policies.can_run`,
or the chat's moderator check in `FRAME_HANDLERS`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities import content
from activities.models import Activity, ActivityRun, SessionActivity
from chat import events
from chat.policies import room_window
from chat.services.errors import ChatRefusal
from peersupport.compiled import CompiledQuery
from peersupport.i18n import in_language_of
from sessions.models import Session

# An answer finished just after the facilitator moved on still counts as an answer.
ANSWER_GRACE = dt.timedelta(minutes=3)


def _latest_run_query(session_id: int):
    return (ActivityRun.objects.filter(session_id=session_id).select_related("activity")
            .order_by("-started_at", "-id")[:1])


# Every chat arrival reads it (peersupport.compiled).
_latest_run = CompiledQuery(_latest_run_query, session_id=int)


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _texts_by_language(run: ActivityRun) -> dict[str, Any]:
    """The run's human texts in every language, when the library has it in more than one.

    A room broadcast is encoded once for everyone in it, so each client shows the texts of
    its page's language (`<html lang>`, the person's own) from here."""
    slug = run.activity.slug
    if slug not in content.SOURCE:
        return {}
    return {code: content.run_texts(slug=slug, title=run.title, steps=run.steps, language=code)
            for code, _name in settings.LANGUAGES}


def run_frame(run: ActivityRun | None, *, now: dt.datetime | None = None) -> dict[str, Any] | None:
    """The run as every client sees it (plain text only), or None. Its texts are in the
    active language, and in each language under `texts` (see _texts_by_language)."""
    if run is None:
        return None
    now = now or timezone.now()
    shown = content.run_texts(slug=run.activity.slug, title=run.title, steps=run.steps,
                              language=None)
    steps = [{**step, **texts} for step, texts in zip(run.steps, shown["steps"], strict=True)]
    step = steps[run.step_index] if steps else None
    if run.status == ActivityRun.Status.RUNNING and run.step_ends_at is not None:
        remaining = max(0, int((run.step_ends_at - now).total_seconds() + 0.999))
    else:
        remaining = run.paused_remaining or 0
    return {
        "id": run.pk,
        "version": run.version,
        "activity": {"slug": run.activity.slug, "title": shown["title"],
                     "category": run.category},
        "status": run.status,
        "step_index": run.step_index,
        "steps_total": len(steps),
        "steps": [{"title": s["title"], "minutes": s["minutes"]} for s in steps],
        "step": step and {
            "index": run.step_index, "title": step["title"], "minutes": step["minutes"],
            "instructions": step["instructions"], "prompt": step["prompt"],
            "appreciation": step["appreciation"]},
        "ends_at": _iso(run.step_ends_at) if run.status == ActivityRun.Status.RUNNING else None,
        "remaining_seconds": remaining if run.status != ActivityRun.Status.ENDED else 0,
        "server_time": now.isoformat(),
        "answer_windows": [{"from": w["from"], "until": w["until"]} for w in run.windows],
        "rate_url": (reverse("activities:rate", args=[run.pk])
                     if run.status == ActivityRun.Status.ENDED else None),
        "texts": _texts_by_language(run),
    }


def activity_state(*, session: Session) -> dict[str, Any] | None:
    """The room's activity: the running (or paused) one, else the last one run here."""
    run = _latest_run.first(session_id=session.pk)
    if run is None:
        return None
    return run_frame(run)


def _broadcast(run: ActivityRun) -> None:
    events.to_room(session_id=run.session_id, frame={"type": "activity", "run": run_frame(run)})


def _snapshot(activity: Activity) -> list[dict[str, Any]]:
    return [{"title": s.title, "minutes": s.minutes, "instructions": s.instructions,
             "prompt": s.prompt, "appreciation": s.appreciation}
            for s in activity.steps.order_by("position", "id")]


def _enter_step(run: ActivityRun, index: int, now: dt.datetime) -> None:
    """Makes `index` the current step, its full time ahead, and keeps the answer windows."""
    _close_window(run, now)
    run.step_index = index
    step = run.steps[index]
    run.status = ActivityRun.Status.RUNNING
    run.step_ends_at = now + dt.timedelta(minutes=step["minutes"])
    run.paused_remaining = None
    if step["appreciation"]:
        run.windows = [*run.windows, {"step": index, "from": now.isoformat(), "until": None}]


def _close_window(run: ActivityRun, now: dt.datetime) -> None:
    if run.windows and run.windows[-1]["until"] is None:
        run.windows = [*run.windows[:-1], {**run.windows[-1], "until": now.isoformat()}]


def run_start(*, session: Session, activity_slug: Any, by) -> ActivityRun:
    """Starts an activity planned for this session, at its first step, for everyone."""
    if not isinstance(activity_slug, str) or not activity_slug:
        raise ChatRefusal("invalid", _("Say which activity to start."))
    link = (SessionActivity.objects.filter(session=session, activity__slug=activity_slug)
            .select_related("activity").first())
    if link is None:
        raise ChatRefusal("not_found", _("That activity is not planned for this session. "
                                         "Attach it on the session page first."))
    now = timezone.now()
    opens_at, closes_at = room_window(session)
    if session.status != Session.Status.SCHEDULED or not opens_at <= now <= closes_at:
        raise ChatRefusal("room_closed", _("Activities run during the session (from 15 minutes "
                                           "before it starts)."))
    activity = link.activity
    steps = _snapshot(activity)
    if not steps:
        raise ChatRefusal("invalid", _("This activity has no steps yet."))
    run = ActivityRun(session=session, activity=activity, category=activity.category,
                      title=activity.title, steps=steps, started_by=by, started_at=now)
    _enter_step(run, 0, now)
    try:
        with transaction.atomic():
            run.save()
            _broadcast(run)
    except IntegrityError as exc:
        raise ChatRefusal("activity_running", _("Another activity is running. End it before "
                                                "starting a new one.")) from exc
    return run


def _current(session: Session, version: Any) -> ActivityRun:
    """The session's unfinished run, locked. `version`: the one the client showed, if sent."""
    run = (ActivityRun.objects.select_for_update().select_related("activity")
           .filter(session=session, ended_at=None).first())
    if run is None:
        raise ChatRefusal("no_activity", _("No activity is running."))
    if version is not None and version != run.version:
        raise ChatRefusal("stale", _("Someone else changed the activity a moment ago; this is "
                                     "where it is now."), run=run_frame(run))
    return run


def _save(run: ActivityRun) -> ActivityRun:
    run.version += 1
    run.save()
    _broadcast(run)
    return run


def run_move(*, session: Session, by, step: int | None = None, delta: int = 1,
             version: Any = None) -> ActivityRun:
    """Next (delta 1), back (-1) or a given step; next on the last step ends the run."""
    with transaction.atomic():
        run = _current(session, version)
        now = timezone.now()
        target = step if step is not None else run.step_index + delta
        if target >= len(run.steps):
            return _finish(run, now)
        if target < 0:
            raise ChatRefusal("invalid", _("This is the first step."))
        _enter_step(run, target, now)
        return _save(run)


def run_pause(*, session: Session, by, version: Any = None) -> ActivityRun:
    with transaction.atomic():
        run = _current(session, version)
        if run.status != ActivityRun.Status.RUNNING:
            raise ChatRefusal("invalid", _("The activity is already paused."))
        now = timezone.now()
        run.paused_remaining = max(0, int((run.step_ends_at - now).total_seconds() + 0.999))
        run.step_ends_at = None
        run.status = ActivityRun.Status.PAUSED
        return _save(run)


def run_resume(*, session: Session, by, version: Any = None) -> ActivityRun:
    with transaction.atomic():
        run = _current(session, version)
        if run.status != ActivityRun.Status.PAUSED:
            raise ChatRefusal("invalid", _("The activity is not paused."))
        run.step_ends_at = timezone.now() + dt.timedelta(seconds=run.paused_remaining or 0)
        run.paused_remaining = None
        run.status = ActivityRun.Status.RUNNING
        return _save(run)


def run_end(*, session: Session, by, version: Any = None) -> ActivityRun:
    with transaction.atomic():
        run = _current(session, version)
        return _finish(run, timezone.now())


def _finish(run: ActivityRun, now: dt.datetime) -> ActivityRun:
    _close_window(run, now)
    run.status = ActivityRun.Status.ENDED
    run.ended_at = now
    run.step_ends_at = None
    run.paused_remaining = None
    return _save(run)


def answer_window_of(*, session_id: int, sent_at: dt.datetime) -> bool:
    """Whether a message sent at `sent_at` in this session answered an appreciation step
    (while it was current, or within ANSWER_GRACE after)."""
    for windows in ActivityRun.objects.filter(session_id=session_id).values_list("windows",
                                                                                  flat=True):
        for window in windows:
            start = dt.datetime.fromisoformat(window["from"])
            until = (dt.datetime.fromisoformat(window["until"]) + ANSWER_GRACE
                     if window["until"] else None)
            if start <= sent_at and (until is None or sent_at <= until):
                return True
    return False


# --- Chat frames (registered in chat.handlers) ----------------------------------------------


def _version(frame: dict) -> Any:
    value = frame.get("version")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ChatRefusal("invalid", _("`version` must be the run's version number."))
    return value


def _in_their_language(handler):
    """Refusals and answers in the language of the socket's person."""

    def run(access, frame: dict) -> list[dict]:
        with in_language_of(access.user):
            return handler(access, frame)

    return run


def _runner_only(handler):
    @_in_their_language
    def run(access, frame: dict) -> list[dict]:
        if not access.is_moderator:
            raise ChatRefusal("forbidden", _("Only the group's facilitators can run "
                                             "activities."))
        handler(access, frame)
        return []  # everyone, the sender included, gets the `activity` broadcast

    return run


@_runner_only
def _start(access, frame):
    run_start(session=access.session, activity_slug=frame.get("activity"), by=access.user)


@_runner_only
def _next(access, frame):
    run_move(session=access.session, by=access.user, delta=1, version=_version(frame))


@_runner_only
def _back(access, frame):
    run_move(session=access.session, by=access.user, delta=-1, version=_version(frame))


@_runner_only
def _pause(access, frame):
    run_pause(session=access.session, by=access.user, version=_version(frame))


@_runner_only
def _resume(access, frame):
    run_resume(session=access.session, by=access.user, version=_version(frame))


@_runner_only
def _end(access, frame):
    run_end(session=access.session, by=access.user, version=_version(frame))


@_in_their_language
def _rate(access, frame) -> list[dict]:
    from django.core.exceptions import ValidationError

    from activities.services import rating_give

    run_id = frame.get("run")
    if not isinstance(run_id, int) or isinstance(run_id, bool):
        raise ChatRefusal("invalid", _("Say which activity you are rating."))
    run = ActivityRun.objects.select_related("session").filter(
        pk=run_id, session=access.session).first()
    if run is None:
        raise ChatRefusal("not_found", _("That activity was not run in this room."))
    try:
        created = rating_give(run=run, user=access.user, answer=frame.get("answer"))
    except ValidationError as exc:
        raise ChatRefusal("invalid", " ".join(exc.messages)) from exc
    return [{"type": "activity.rated", "run": run.pk, "already": not created,
             "detail": _("Thank you. Only counts are ever shown, and only once at least "
                         "three people answered.")}]


FRAME_HANDLERS = {
    "activity.start": _start,
    "activity.next": _next,
    "activity.back": _back,
    "activity.pause": _pause,
    "activity.resume": _resume,
    "activity.end": _end,
    "activity.rate": _rate,
}
