"""Settings for server processes in the durability and multi-process tests: the test settings
with the per-member rate limits raised, because those tests stream on purpose (the limits have
their own consumer tests). Everything else is the production stack."""

from peersupport.test_settings import *  # noqa: F403

CHAT_RATE_BURST = (100_000, 10)
CHAT_RATE_SUSTAINED = (1_000_000, 60)
