import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def home(request):
    if not request.user.is_authenticated:
        return redirect("account_login")
    return render(request, "home.html", {"cards": _home_cards(request.user)})


def _home_cards(user) -> list[dict]:
    """What the home page offers this viewer; each app adds its entry points here."""
    from peersupport import permissions

    cards = [
        {"title": "Find a group", "url": "groups:directory",
         "text": "Peer circles, affinity groups, skills and team-building, under ground rules."},
        {"title": "My sessions", "url": "sessions:list",
         "text": "Upcoming dialogue sessions of your groups; RSVP and join the live chat."},
        {"title": "Recognise a colleague", "url": "recognition:feed",
         "text": "Thank someone for empathy, listening, courage or support."},
        {"title": "Support", "url": "support:index",
         "text": "Resources, a facilitator to talk to, or a formal report: your choice."},
    ]
    if permissions.is_facilitator(user):
        cards.append({"title": "Start a group", "url": "groups:create",
                      "text": "Create a peer support group, set its ground rules and "
                              "schedule sessions."})
    if permissions.is_hr(user):
        cards.append({"title": "Participation dashboard", "url": "dashboards:index",
                      "text": "Aggregate figures only; no individual is ever shown."})
    return cards


@require_GET
@never_cache
def healthz(request):
    checks = {"database": _check_database, "channel_layer": _check_channel_layer,
              "cache": _check_cache}
    state = {}
    for name, check in checks.items():
        try:
            check()
            state[name] = "ok"
        except Exception as exc:  # a health check reports any failure, whatever its kind
            logger.warning("health check %s failed: %s", name, exc)
            state[name] = "error"
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse({"status": "ok" if healthy else "error", **state},
                        status=200 if healthy else 503)


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_channel_layer() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")

    async def roundtrip():
        channel = await layer.new_channel("healthz.")
        await layer.send(channel, {"type": "healthz.ping"})
        message = await layer.receive(channel)
        if message.get("type") != "healthz.ping":
            raise RuntimeError("channel layer round trip returned the wrong message")

    async_to_sync(roundtrip)()


def _check_cache() -> None:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)
