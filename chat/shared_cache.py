"""The default cache as one instance per server process, for what websocket consumers keep there.

Django gives every asyncio context its own cache instance (`django.core.cache.caches` is
context-local), and with it its own Redis connection pool. Each chat socket is a long-lived
context, so every socket that touched the cache (rate limits, the presence coalescing key) kept
a Redis connection open of its own: 500 sockets, ~460 connections and tens of MB that stayed
after they closed. Redis's client pool is thread-safe, and LocMemCache locks, so one shared
instance serves every socket; the data (and so every limit) is exactly the same as before.

These calls run in the database thread every chat socket shares, so a Redis that hangs must not
hold it: on Redis the chat's cache has its own short timeouts (`CHAT_CACHE_TIMEOUT`, 1 s; a
healthy Redis answers in well under a millisecond), and after one failure `redis_available()`
says no at once, without a network wait, until a background probe gets an answer again
(peersupport.outages). So a
frozen Redis holds the database thread for at most one timeout per outage, and the callers take
their local fallback meanwhile (chat.ratelimit).
"""

import redis
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.signals import setting_changed
from django.dispatch import receiver

from peersupport import outages

DEFAULT_CHAT_CACHE_TIMEOUT = 1.0

_shared: dict[str, object] = {}


def _timeout() -> float:
    return getattr(settings, "CHAT_CACHE_TIMEOUT", DEFAULT_CHAT_CACHE_TIMEOUT)


def chat_cache() -> BaseCache:
    backend = _shared.get("default")
    if backend is None:
        backend = caches.create_connection("default")
        if isinstance(backend, RedisCache):
            params = dict(settings.CACHES["default"])
            params["OPTIONS"] = {**params.get("OPTIONS", {}),
                                 "socket_connect_timeout": _timeout(),
                                 "socket_timeout": _timeout()}
            backend = RedisCache(params["LOCATION"], params)
        _shared["default"] = backend
    return backend


def redis_client() -> redis.Redis:
    """A plain client of the cache's Redis (same short timeouts), for pipelined round trips."""
    client = _shared.get("client")
    if client is None:
        location = settings.CACHES["default"]["LOCATION"]
        client = _shared["client"] = redis.Redis.from_url(
            location if isinstance(location, str) else location[0],
            socket_connect_timeout=_timeout(), socket_timeout=_timeout())
    return client


def redis_available() -> bool:
    """False while Redis is known to be down (no network wait to learn it)."""
    return not outages.is_down(outages.REDIS)


def redis_failed(exc: BaseException) -> None:
    """A chat cache call failed: callers fall back until the outage probe gets an answer."""
    outages.down(outages.REDIS, exc)


REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


@receiver(setting_changed)
def _forget_on_settings_change(*, setting: str, **kwargs) -> None:
    if setting in ("CACHES", "CHAT_CACHE_TIMEOUT"):
        _shared.clear()
