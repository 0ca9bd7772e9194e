"""Per-member message limits, kept in the cache so every server process shares them.

Two fixed-window counters (a burst window and a sustained one) built on `cache.add` + `cache.incr`,
which are atomic on Redis and on the local-memory cache: unlike a token bucket stored as one
value, two processes (two tabs) can never both spend the last token.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache

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
    for name, limit, window in _windows():
        slot = int(now // window)
        key = f"chat:rate:{session_id}:{user_id}:{name}:{slot}"
        cache.add(key, 0, timeout=window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window + 1)
            count = 1
        if count > limit:
            return max(1.0, math.ceil((slot + 1) * window - now))
    return None


def slow_mode_wait(*, session_id: int, user_id: int, seconds: int) -> float | None:
    """Slow mode: one message per `seconds` per member. None when this one may go."""
    if seconds <= 0:
        return None
    now = time.time()
    key = f"chat:slow:{session_id}:{user_id}"
    if cache.add(key, now, timeout=seconds):
        return None
    last = cache.get(key)
    if last is None or now - float(last) >= seconds:  # expired, or slow mode was shortened
        cache.set(key, now, timeout=seconds)
        return None
    return max(1.0, math.ceil(seconds - (now - float(last))))
