"""The default cache as one instance per server process, for what websocket consumers keep there.

Django gives every asyncio context its own cache instance (`django.core.cache.caches` is
context-local), and with it its own Redis connection pool. Each chat socket is a long-lived
context, so every socket that touched the cache (rate limits, the presence coalescing key) kept
a Redis connection open of its own: 500 sockets, ~460 connections and tens of MB that stayed
after they closed. Redis's client pool is thread-safe, and LocMemCache locks, so one shared
instance serves every socket; the data (and so every limit) is exactly the same as before.
"""

from django.core.cache import BaseCache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver

_shared: dict[str, BaseCache] = {}


def chat_cache() -> BaseCache:
    backend = _shared.get("default")
    if backend is None:
        backend = _shared["default"] = caches.create_connection("default")
    return backend


@receiver(setting_changed)
def _forget_on_settings_change(*, setting: str, **kwargs) -> None:
    if setting == "CACHES":
        _shared.clear()
