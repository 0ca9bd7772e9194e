"""Every websocket route of the product, gathered from the apps that own them."""

from channels.generic.websocket import AsyncWebsocketConsumer
from django.urls import re_path

from chat.routing import websocket_urlpatterns as chat_patterns


class UnroutedSocket(AsyncWebsocketConsumer):
    """Any other path (`/ws/nope/`, `/ws/sessions/abc/chat/`, an id beyond 64 bits): refused at
    the handshake (HTTP 403), where Channels' router would raise and the server answer 500
    with a logged traceback."""

    async def connect(self) -> None:
        await self.close()


websocket_urlpatterns = [*chat_patterns, re_path(r"", UnroutedSocket.as_asgi())]
