"""Websocket routes of the chat (gathered by peersupport/routing.py)."""

from django.urls import path

from chat.consumers import ChatConsumer

websocket_urlpatterns = [
    path("ws/sessions/<int:session_id>/chat/", ChatConsumer.as_asgi()),
]
