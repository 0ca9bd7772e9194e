"""Settings of the fault suite's server processes: the chat's live-test settings (rate limits
raised, since the suite streams on purpose), with the periodic re-check (which also refreshes a
socket's channel-layer groups and touches its presence row) every 2 s instead of 30, so that
the suite can watch a dead process's channels expire from the groups (CHANNELS_GROUP_EXPIRY is
set short by the suite) in seconds."""

from tests.chat.live_settings import *  # noqa: F403

CHAT_ACCESS_RECHECK_SECONDS = 2
