"""The message limits when Redis fails: a bounded local budget, and no wait on a Redis known to
be down (the limits run in the database thread every chat socket of a process shares)."""

import time

import pytest

from chat import ratelimit
from chat.ratelimit import message_allowance, slow_mode_wait
from peersupport import outages

NOTHING_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: connections are refused


@pytest.fixture
def redis_gone(settings, monkeypatch):
    outages.forget()
    monkeypatch.setattr(ratelimit, "_local", ratelimit._LocalWindows())
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": NOTHING_LISTENS, "KEY_PREFIX": "faults"}}
    settings.REDIS_URL = NOTHING_LISTENS
    yield
    outages.forget()


def test_with_redis_down_the_limits_hold_on_a_local_budget(settings, redis_gone):
    settings.CHAT_RATE_BURST = (3, 10)
    started = time.monotonic()

    spent = [message_allowance(session_id=1, user_id=1) for _ in range(4)]

    assert spent[:3] == [None] * 3 and spent[3] >= 1  # the same limit, counted here
    assert message_allowance(session_id=1, user_id=2) is None  # per person, as on Redis
    assert outages.is_down(outages.REDIS)
    assert time.monotonic() - started < 2


def test_with_redis_down_slow_mode_still_holds(redis_gone):
    assert slow_mode_wait(session_id=1, user_id=1, seconds=20) is None
    assert 19 <= slow_mode_wait(session_id=1, user_id=1, seconds=20) <= 20


def test_a_redis_known_to_be_down_is_not_waited_for(settings, redis_gone, monkeypatch):
    """After one failure, calls take the local budget at once, without touching the network,
    until the outage probe hears Redis again."""
    message_allowance(session_id=1, user_id=1)
    assert outages.is_down(outages.REDIS)

    def no_network(*args, **kwargs):
        raise AssertionError("Redis was called while known to be down")

    monkeypatch.setattr(ratelimit, "_spend_on_redis", no_network)
    assert message_allowance(session_id=1, user_id=1) is None
