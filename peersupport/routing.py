"""Every websocket route of the product, gathered from the apps that own them."""

from chat.routing import websocket_urlpatterns as chat_patterns

websocket_urlpatterns = [*chat_patterns]
