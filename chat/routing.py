"""Websocket routes of the chat (gathered by peersupport/routing.py)."""

from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from chat.consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/sessions/<id:session_id>/chat/", ChatConsumer.as_asgi()),
]
