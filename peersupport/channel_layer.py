"""The Redis channel layer, with a blocking read short enough for a bounded socket timeout.

channels_redis waits for a process's next event with a blocking pop of `brpop_timeout` seconds
(5 by default) in a loop, so the Redis client's socket timeout had to be longer than that, and was
left unset: a Redis that froze or vanished without closing its connections then held every
waiting read (and every send) until TCP gave up, about 15 minutes. With a one-second blocking pop
the socket timeout (settings.REDIS_TIMEOUT + 2 s) is never reached by an idle room, and a Redis
that stops answering is noticed within that timeout.


While Redis is down, `receive()` does not raise into the consumer that happened to be waiting
(Channels would end that socket with a traceback): it waits for Redis to answer again
(peersupport.outages probes it) and then tells its listeners that this process's queue may have
lost events (a killed Redis keeps nothing), before it receives again. The chat closes its
sockets with 1013 then, so each client reconnects and catches up from the database, while
during the outage every socket stays up (pings, messages stored).
"""

import asyncio
import logging

import redis.exceptions
from channels_redis.core import RedisChannelLayer as BaseRedisChannelLayer

from peersupport import outages

logger = logging.getLogger(__name__)

_restored_listeners: list = []


def on_receive_restored(listener) -> None:
    """`listener()` runs on the event loop when a process's receiving works again after it
    failed: events meant for this process's sockets may have been lost meanwhile."""
    if listener not in _restored_listeners:
        _restored_listeners.append(listener)


class RedisChannelLayer(BaseRedisChannelLayer):
    brpop_timeout = 1

    async def receive(self, channel):
        while True:
            try:
                return await super().receive(channel)
            except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError,
                    OSError) as exc:
                outages.down(outages.REDIS, exc)
                while outages.is_down(outages.REDIS):
                    await asyncio.sleep(0.25)
                for listener in _restored_listeners:
                    try:
                        listener()
                    except Exception:
                        logger.exception("receive-restored listener failed")
