"""Dependency outages (Redis, the database): what counts as one, and one log line per outage.

A dependency that is down is not a bug of ours: while it lasts, the code that meets it degrades
(refuses a socket with close code 1013, falls back to a local budget, answers 503) and logs one
warning when the outage begins and one when the dependency answers again, not a traceback per
attempt. Thread-safe: the event loop and the database thread both report.

Redis is one dependency here (the channel layer, the cache and the broker share REDIS_URL): once
a call to it failed, `is_down(REDIS)` says so at once, without a network wait, and a background
probe pings it every half second until it answers; callers take their fallback meanwhile instead
of each waiting out a timeout (a frozen Redis holds the database thread for one timeout per
outage at most, not one per message).
"""

import json
import logging
import threading
import time

import redis
import redis.exceptions
from django.conf import settings
from django.db import InterfaceError, OperationalError

logger = logging.getLogger("peersupport.outages")

REDIS = "redis"
DATABASE = "database"

_lock = threading.Lock()
_down_since: dict[str, float] = {}


def part_of(exc: BaseException) -> str | None:
    """The dependency an exception says is unavailable, or None when it is something else."""
    if isinstance(exc, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)):
        return REDIS
    if isinstance(exc, (OperationalError, InterfaceError)):
        return DATABASE
    if isinstance(exc, (TimeoutError, ConnectionError)):  # a bounded wait on the channel layer
        return REDIS
    return None


PROBE_EVERY_SECONDS = 0.5
_probes: dict[str, threading.Thread] = {}


def down(part: str, exc: BaseException | None = None) -> None:
    if part == REDIS and not getattr(settings, "REDIS_URL", ""):
        # No Redis configured (the in-memory layer): nothing to wait for or probe.
        logger.warning("channel layer call failed: %s: %s", type(exc).__name__, exc)
        return
    with _lock:
        if part in _down_since:
            return
        _down_since[part] = time.monotonic()
        if part == REDIS:
            probe = _probes[part] = threading.Thread(target=_probe_redis, daemon=True,
                                                      name="redis-outage-probe")
            probe.start()
    detail = f"{type(exc).__name__}: {exc}" if exc is not None else "no answer in time"
    logger.warning("%s unavailable (%s); degrading until it answers again", part, detail)


_recovery_listeners: dict[str, list] = {}


def on_recovery(part: str, listener) -> None:
    """`listener()` runs (in whichever thread noticed) each time `part` answers again."""
    listeners = _recovery_listeners.setdefault(part, [])
    if listener not in listeners:
        listeners.append(listener)


def up(part: str) -> None:
    if part not in _down_since:  # the common case: no lock, no work
        return
    with _lock:
        since = _down_since.pop(part, None)
    if since is None:
        return
    logger.warning("%s answers again after %.1f s", part, time.monotonic() - since)
    for listener in _recovery_listeners.get(part, []):
        try:
            listener()
        except Exception:
            logger.exception("recovery listener of %s failed", part)


def forget() -> None:
    """Forgets every outage without telling anyone (a test that faked one)."""
    with _lock:
        _down_since.clear()


def is_down(part: str) -> bool:
    return part in _down_since


def _probe_redis() -> None:
    timeout = getattr(settings, "REDIS_TIMEOUT", 2.0)
    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=timeout,
                                  socket_timeout=timeout)
    try:
        while is_down(REDIS):
            time.sleep(PROBE_EVERY_SECONDS)
            try:
                client.ping()
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError):
                continue
            up(REDIS)
    finally:
        client.close()
        with _lock:
            _probes.pop(REDIS, None)


CLOSE_UNAVAILABLE = 1013  # "try again later" (docs/realtime.md)


class WebsocketGuard:
    """ASGI middleware: a websocket whose handshake meets a dependency outage before its consumer
    runs (the auth middleware reads the login session and the user from the database) is refused
    as the consumer refuses one (accepted, one `unavailable` error frame, close 1013, so the
    browser sees the code and reconnects with backoff) and logged once per outage, instead of an
    HTTP 500 and a traceback per attempt."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        state = {"connected": False, "accepted": False, "closed": False}

        async def tracked_receive():
            message = await receive()
            if message["type"] == "websocket.connect":
                state["connected"] = True
            return message

        async def tracked_send(message):
            if message["type"] == "websocket.accept":
                state["accepted"] = True
            elif message["type"] == "websocket.close":
                state["closed"] = True
            await send(message)

        try:
            await self.app(scope, tracked_receive, tracked_send)
        except Exception as exc:
            part = part_of(exc)
            if part is None or state["closed"]:
                raise
            down(part, exc)
            await refuse_unavailable(receive, send, connected=state["connected"],
                                     accepted=state["accepted"])


async def refuse_unavailable(receive, send, *, connected: bool, accepted: bool) -> None:
    from django.utils.translation import gettext

    if not connected:
        await receive()  # the websocket.connect the app never read
    if not accepted:
        await send({"type": "websocket.accept"})
    frame = {"type": "error", "code": "unavailable",
             "detail": gettext("The chat is briefly unavailable. Reconnecting; your messages "
                               "are kept."), "retry_after": 2}
    await send({"type": "websocket.send",
                "text": json.dumps(frame, ensure_ascii=False, separators=(",", ":"))})
    await send({"type": "websocket.close", "code": CLOSE_UNAVAILABLE})


class OutageLogFilter(logging.Filter):
    """On `django.request`: a request that failed because a dependency is down is logged once
    per outage (by `down()`), not as a traceback per request."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is None:
            return True
        part = part_of(exc)
        if part is None:
            return True
        down(part, exc)
        return False
