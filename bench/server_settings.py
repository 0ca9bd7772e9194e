"""Settings for the chat server under bench/chat.py: production settings, rate limits raised.

The per-member limits (6 per 10 s, 30 per minute) would refuse a benchmark's deliberate flood;
they are still checked on every message (same cost), just with room to spare.
"""

from peersupport.settings import *  # noqa: F403

CHAT_RATE_BURST = (1_000_000, 10)
CHAT_RATE_SUSTAINED = (10_000_000, 60)

# The channel layer's Redis pool options (no socket timeout, a large pool) are production's own
# (peersupport/settings.py), so the bench no longer repeats them here.

if env.bool("BENCH_MEMPROBE", default=False):  # noqa: F405 (what holds memory: bench/memprobe.py)
    from bench import memprobe

    memprobe.install()
