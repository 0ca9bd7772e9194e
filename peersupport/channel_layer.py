"""The Redis channel layer, with a blocking read short enough for a bounded socket timeout.

channels_redis waits for a process's next event with a blocking pop of `brpop_timeout` seconds
(5 by default) in a loop, so the Redis client's socket timeout had to be longer than that, and was
left unset: a Redis that froze or vanished without closing its connections then held every
waiting read (and every send) until TCP gave up, about 15 minutes. With a one-second blocking pop
the socket timeout (settings.REDIS_TIMEOUT + 2 s) is never reached by an idle room, and a Redis
that stops answering is noticed within that timeout.
"""

from channels_redis.core import RedisChannelLayer as BaseRedisChannelLayer


class RedisChannelLayer(BaseRedisChannelLayer):
    brpop_timeout = 1
