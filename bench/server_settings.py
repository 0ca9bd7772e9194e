"""Settings for the chat server under bench/chat.py: production settings, rate limits raised.

The per-member limits (6 per 10 s, 30 per minute) would refuse a benchmark's deliberate flood;
they are still checked on every message (same cost), just with room to spare.
"""

from peersupport.settings import *  # noqa: F403

CHAT_RATE_BURST = (1_000_000, 10)
CHAT_RATE_SUSTAINED = (10_000_000, 60)

# redis-py 8 (installed, although requirements.txt says <7) changed two pool defaults that break
# channels_redis: a 5 s socket_timeout cuts its blocking BZPOPMIN (also 5 s) and tears idle
# consumers down (django/channels_redis#422), and asyncio pools now stop at 100 connections and
# raise MaxConnectionsError instead of waiting, which 500 sockets leaving at once exceed
# (their group_discard fails). The same change is proposed for peersupport/settings.py; until then
# the bench carries it, so it measures the chat rather than those crashes.
CHANNEL_LAYERS["default"]["CONFIG"]["hosts"] = [  # noqa: F405
    {"address": REDIS_URL, "socket_timeout": None, "max_connections": 10_000}  # noqa: F405
]
