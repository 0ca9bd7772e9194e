"""Per-member message limits, kept in the cache so every server process shares them.

Two fixed-window counters (a burst window and a sustained one) built on atomic increments (on
Redis both windows are spent in one pipelined round trip of SET NX + INCR; elsewhere with
`cache.incr` + `cache.add`): unlike a token bucket stored as one
value, two processes (two tabs) can never both spend the last token.

When Redis fails (down, or not answering within `CHAT_CACHE_TIMEOUT`), the limits fail safe with
a bounded local budget: the same windows, counted in this server process only, until Redis
answers again (chat.shared_cache). Refusing every message instead would stop the conversation
over a dependency that stores none of it (messages are in the database); the local budget keeps
the room talking and still caps each person at the same rate per process (with the person's
sockets on k processes, k times the rate at most, for the length of the outage).
"""

import contextlib
import math
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache

from chat.shared_cache import (
    REDIS_ERRORS,
    chat_cache,
    redis_available,
    redis_client,
    redis_failed,
)

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
    counts = None
    if isinstance(backend, RedisCache) and redis_available():
        try:
            counts = _spend_on_redis(backend, windows)
        except REDIS_ERRORS as exc:
            redis_failed(exc)
    if isinstance(backend, RedisCache) and counts is None:
        counts = [_local.spend(key, window) for key, _, window in windows]
    elif counts is None:
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
    pipe = redis_client().pipeline(transaction=False)
    for key, (_, _, window) in zip(keys, windows, strict=True):
        pipe.set(key, 0, ex=window + 1, nx=True)
        pipe.incr(key)
    results = pipe.execute()
    return [int(count) for count in results[1::2]]


def _give_back(keys: list[str]) -> None:
    """A refused message does not count against the later windows it was spent in."""
    cache = chat_cache()
    if isinstance(cache, RedisCache) and not redis_available():
        for key in keys:
            _local.give_back(key)
        return
    for key in keys:
        with contextlib.suppress(ValueError):  # expired meanwhile: nothing to give back
            try:
                cache.decr(key)
            except REDIS_ERRORS as exc:  # a count not given back costs one message at most
                redis_failed(exc)
                return


class _LocalWindows:
    """The fallback while Redis is down: fixed-window counters in this process's memory."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts: dict[str, tuple[int, float]] = {}

    def spend(self, key: str, window: int) -> int:
        now = time.monotonic()
        with self.lock:
            if len(self.counts) > 10_000:  # keys name their window: old ones are dead
                self.counts = {k: v for k, v in self.counts.items() if v[1] > now}
            count, expires = self.counts.get(key, (0, 0.0))
            if expires <= now:
                count, expires = 0, now + window + 1
            self.counts[key] = (count + 1, expires)
            return count + 1

    def give_back(self, key: str) -> None:
        with self.lock:
            if key in self.counts:
                count, expires = self.counts[key]
                self.counts[key] = (max(0, count - 1), expires)

    def seen_at(self, key: str, now: float, seconds: int) -> float | None:
        """Slow mode's last message time, set to `now` when none is kept (or it expired)."""
        with self.lock:
            last, expires = self.counts.get(key, (0, 0.0))
            if expires > time.monotonic():
                return float(last)
            self.counts[key] = (now, time.monotonic() + seconds)
            return None

    def set(self, key: str, value: float, seconds: int) -> None:
        with self.lock:
            self.counts[key] = (value, time.monotonic() + seconds)


_local = _LocalWindows()


def slow_mode_wait(*, session_id: int, user_id: int, seconds: int) -> float | None:
    """Slow mode: one message per `seconds` per member. None when this one may go."""
    if seconds <= 0:
        return None
    now = time.time()
    key = f"chat:slow:{session_id}:{user_id}"
    cache = chat_cache()
    shared = not isinstance(cache, RedisCache) or redis_available()
    if shared:
        try:
            if cache.add(key, now, timeout=seconds):
                return None
            last = cache.get(key)
            if last is None or now - float(last) >= seconds:  # expired, or slow mode shortened
                cache.set(key, now, timeout=seconds)
                return None
        except REDIS_ERRORS as exc:
            redis_failed(exc)
            shared = False
    if not shared:  # Redis is down: slow mode holds per process (as the rate limits do)
        last = _local.seen_at(key, now, seconds)
        if last is None:
            return None
        if now - last >= seconds:
            _local.set(key, now, seconds)
            return None
    return max(1.0, math.ceil(seconds - (now - float(last))))
