"""Per-member message limits, kept in the cache so every server process shares them.

Two fixed-window counters (a burst window and a sustained one) built on atomic increments (on
Redis both windows are spent in one pipelined round trip of SET NX + INCR; elsewhere with
`cache.incr` + `cache.add`): unlike a token bucket stored as one
value, two processes (two tabs) can never both spend the last token.
"""

import contextlib
import math
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache

from chat.shared_cache import chat_cache

DEFAULT_BURST = (6, 10)  # 6 messages per 10 seconds
DEFAULT_SUSTAINED = (30, 60)  # 30 messages per minute


def _windows() -> list[tuple[str, int, int]]:
    burst = getattr(settings, "CHAT_RATE_BURST", DEFAULT_BURST)
    sustained = getattr(settings, "CHAT_RATE_SUSTAINED", DEFAULT_SUSTAINED)
    return [("b", *burst), ("s", *sustained)]


def message_allowance(*, session_id: int, user_id: int) -> float | None:
    """Spends one message of the person's allowance in this room.

    Returns None when allowed, else the seconds to wait (nothing is spent then beyond the count
    that already showed the limit).
    """
    now = time.time()
    windows = [(f"chat:rate:{session_id}:{user_id}:{name}:{int(now // window)}", limit, window)
               for name, limit, window in _windows()]
    backend = chat_cache()
    if isinstance(backend, RedisCache):
        counts = _spend_on_redis(backend, windows)
    else:
        counts = []
        for key, limit, window in windows:
            counts.append(_spend(key, window))
            if counts[-1] > limit:
                break
    for index, (count, (key, limit, window)) in enumerate(zip(counts, windows, strict=False)):
        if count > limit:
            _give_back([key for key, _, _ in windows[index + 1:len(counts)]])
            slot = int(now // window)
            return max(1.0, math.ceil((slot + 1) * window - now))
    return None


def _spend(key: str, window: int) -> int:
    """One atomic increment of a window's counter (created on first use)."""
    cache = chat_cache()
    try:
        return cache.incr(key)
    except ValueError:  # no counter yet in this window (or it just expired)
        if cache.add(key, 1, timeout=window + 1):
            return 1
        return cache.incr(key)  # another process created it meanwhile


def _spend_on_redis(backend: RedisCache, windows: list[tuple[str, int, int]]) -> list[int]:
    """All windows in one round trip: create-if-missing with its expiry, then INCR (atomic).

    The values stay plain integers, as Django's Redis cache stores them, so `cache.get`,
    `cache.incr` and `cache.decr` keep working on these keys."""
    keys = [backend.make_and_validate_key(key) for key, _, _ in windows]
    client = backend._cache.get_client(keys[0], write=True)
    pipe = client.pipeline(transaction=False)
    for key, (_, _, window) in zip(keys, windows, strict=True):
        pipe.set(key, 0, ex=window + 1, nx=True)
        pipe.incr(key)
    results = pipe.execute()
    return [int(count) for count in results[1::2]]


def _give_back(keys: list[str]) -> None:
    """A refused message does not count against the later windows it was spent in."""
    cache = chat_cache()
    for key in keys:
        with contextlib.suppress(ValueError):  # expired meanwhile: nothing to give back
            cache.decr(key)


def slow_mode_wait(*, session_id: int, user_id: int, seconds: int) -> float | None:
    """Slow mode: one message per `seconds` per member. None when this one may go."""
    if seconds <= 0:
        return None
    now = time.time()
    key = f"chat:slow:{session_id}:{user_id}"
    cache = chat_cache()
    if cache.add(key, now, timeout=seconds):
        return None
    last = cache.get(key)
    if last is None or now - float(last) >= seconds:  # expired, or slow mode was shortened
        cache.set(key, now, timeout=seconds)
        return None
    return max(1.0, math.ceil(seconds - (now - float(last))))
