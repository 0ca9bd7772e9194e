"""A bare Channels broadcast consumer: the baseline bench/chat.py compares the real chat with.

No database, no access checks, no rate limit, no storage: every text frame received is given an
id and `group_send` to one room over the same channel layer the product uses (Redis, same
capacity and expiry), and every member gets it. It speaks just enough of docs/realtime.md
(`history` on connect, `message` frames with `id`/`client_id`) for the same load generator.

Run: `uvicorn bench.bare_consumer:application` with REDIS_URL (and CHANNELS_PREFIX) set.
"""

import itertools
import json
import os

import django
from django.conf import settings

if not settings.configured:
    settings.configure(
        INSTALLED_APPS=["channels"],
        CHANNEL_LAYERS={
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {
                    "hosts": [os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/9")],
                    "prefix": os.environ.get("CHANNELS_PREFIX", "bench-bare"),
                    "capacity": 1500,
                    "expiry": 10,
                },
            }
        },
    )
    django.setup()

from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

ROOM = "bare_room"
_ids = itertools.count(1)


class BareBroadcast(AsyncWebsocketConsumer):
    async def connect(self) -> None:
        await self.channel_layer.group_add(ROOM, self.channel_name)
        await self.accept()
        await self.send(text_data='{"type": "history", "messages": [], "more": false}')

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(ROOM, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        frame = json.loads(text_data or "{}")
        if frame.get("type") != "message":
            return
        text = json.dumps({"type": "message", "id": next(_ids), "client_id": frame["client_id"],
                           "author": {"id": 0, "name": "bench", "facilitator": False},
                           "body": frame["body"], "sent_at": ""})
        await self.channel_layer.group_send(ROOM, {"type": "room.message", "text": text})

    async def room_message(self, event: dict) -> None:
        await self.send(text_data=event["text"])


application = ProtocolTypeRouter({
    "websocket": URLRouter([
        path("ws/sessions/<int:session_id>/chat/", BareBroadcast.as_asgi()),
    ]),
})
