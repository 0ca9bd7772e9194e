import asyncio
import datetime as dt
import inspect
import logging
from concurrent.futures import ThreadPoolExecutor

from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


# Home views less than this apart are one visit: "since your last visit" stays put while the
# person goes back and forth, and moves on when they come back later.
VISIT_GAP = dt.timedelta(hours=1)


def home(request):
    """Each role's home: what matters now for the person, their groups' inboxes for a
    facilitator, the dashboard and new reports for HR."""
    if not request.user.is_authenticated:
        return redirect("account_login")
    from accounts.services import home_visit_record
    from peersupport import home as home_reads
    from peersupport import permissions

    user = request.user
    now = timezone.now()
    since = _last_visit(request, now)
    two_factor = permissions.two_factor_satisfied(request)
    facilitation = home_reads.facilitator_home(user=user) if two_factor else None
    context = {
        "cards": _home_cards(user),
        "mine": home_reads.employee_home(user=user, since=since),
        "facilitation": facilitation,
        "facilitation_needs_two_factor": not two_factor and (
            permissions.is_facilitator(user)
            or home_reads.facilitated_groups(user=user).exists()),
        "hr": _hr_home(request) if permissions.is_hr(user) else None,
    }
    response = render(request, "home.html", context)
    home_visit_record(user=user, at=now)
    return response


def _last_visit(request, now: dt.datetime) -> dt.datetime | None:
    """The moment "since your last visit" counts from (None: ever)."""
    last = request.user.home_seen_at
    stored = request.session.get("home_since")
    if stored is None or last is None or now - last > VISIT_GAP:
        request.session["home_since"] = last.isoformat() if last else ""
        return last
    return dt.datetime.fromisoformat(stored) if stored else None


def _hr_home(request) -> dict:
    from dashboards import rollups
    from peersupport.permissions import two_factor_satisfied
    from support.models import Report
    from support.selectors import hr_reports

    if not two_factor_satisfied(request):
        return {"needs_two_factor": True}
    state = rollups.current()
    return {"as_of": state.built_at,
            "new_reports": hr_reports(viewer=request.user)
            .filter(status=Report.Status.RECEIVED).count()}


def _home_cards(user) -> list[dict]:
    """What the home page offers this viewer; each app adds its entry points here."""
    from peersupport import permissions

    cards = [
        {"title": _("Find a group"), "url": "groups:directory",
         "text": _("Peer circles, affinity groups, skills and team-building, under ground "
                   "rules.")},
        {"title": _("My sessions"), "url": "sessions:list",
         "text": _("Upcoming dialogue sessions of your groups; RSVP and join the live chat.")},
        {"title": _("Recognise a colleague"), "url": "recognition:feed",
         "text": _("Thank someone for empathy, listening, courage or support.")},
        {"title": _("Support"), "url": "support:index",
         "text": _("Resources, a facilitator to talk to, or a formal report: your choice.")},
    ]
    if permissions.is_facilitator(user):
        cards.append({"title": _("Start a group"), "url": "groups:create",
                      "text": _("Create a peer support group, set its ground rules and "
                                "schedule sessions.")})
    if permissions.is_hr(user):
        cards.append({"title": _("Participation dashboard"), "url": "dashboards:index",
                      "text": _("Aggregate figures only; no individual is ever shown.")})
    return cards


# Each check runs in a thread of its own (never the database thread that sync views and chat
# sockets share), so a hung dependency holds only its own check. One thread per check: while a
# check hangs, the next ones wait behind it and answer "timeout" too, without piling up threads.
_check_threads = {name: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"healthz-{name}")
                  for name in ("database", "channel_layer", "cache")}


_abandoned: set[asyncio.Task] = set()


@require_GET
@never_cache
async def healthz(request):
    """Every part's state within HEALTHZ_DEADLINE seconds (1; healthy parts answer in
    milliseconds): "ok", "error" (it failed) or "timeout" (no answer in time: hung, or
    unreachable), and 503 unless all are ok."""
    deadline = getattr(settings, "HEALTHZ_DEADLINE", 1.0)
    checks = {"database": _check_database, "channel_layer": _check_channel_layer,
              "cache": _check_cache}
    tasks = {name: asyncio.ensure_future(_run_check(name, check))
             for name, check in checks.items()}
    # Not wait_for: it waits for a cancelled check to finish cancelling, and a Redis client
    # cancelled mid-command on a hung server takes its own timeout to close the connection.
    await asyncio.wait(tasks.values(), timeout=deadline)
    state = {}
    for name, task in tasks.items():
        if not task.done():
            task.cancel()
            _abandoned.add(task)  # finishes cancelling on its own; kept until then
            task.add_done_callback(_abandoned.discard)
            state[name], problem = "timeout", "no answer in time"
        elif task.cancelled() or task.exception() is not None:
            state[name] = "error"
            problem = "cancelled" if task.cancelled() else repr(task.exception())
        else:
            state[name] = "ok"
            continue
        logger.warning("health check %s: %s (%s)", name, state[name], problem)
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse({"status": "ok" if healthy else "error", **state},
                        status=200 if healthy else 503)


async def _run_check(name: str, check) -> None:
    if inspect.iscoroutinefunction(check):
        await check()
    else:
        await asyncio.get_running_loop().run_in_executor(_check_threads[name], check)


def _check_database() -> None:
    # In its own thread, with its own connection, closed after: nothing is kept between checks.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()


async def _check_channel_layer() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    # A channel of this process's own kind ("specific."): channels_redis receives them all
    # with one blocking pop, which the sockets' receiving already runs; a channel of another
    # prefix would wait behind it and never be read while any socket is connected.
    channel = await layer.new_channel()
    await layer.send(channel, {"type": "healthz.ping"})
    message = await layer.receive(channel)
    if message.get("type") != "healthz.ping":
        raise RuntimeError("channel layer round trip returned the wrong message")


def _check_cache() -> None:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")
