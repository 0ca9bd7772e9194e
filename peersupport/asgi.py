"""ASGI entry point: HTTP through Django, websockets through Channels (origin- and auth-checked)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peersupport.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.layers import get_channel_layer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from peersupport.middleware import RejectNulCookiesOnSockets  # noqa: E402
from peersupport.outages import WebsocketGuard  # noqa: E402
from peersupport.routing import websocket_urlpatterns  # noqa: E402

# Build the channel layer now rather than on the first socket: its client library (channels_redis,
# redis: about 50 modules) is then loaded at start, with the rest of the code, and not in the
# middle of the first crowd, where its objects would sit among the sockets' memory and keep it
# from going back when they leave. A misconfigured layer also fails at start, not on a socket.
get_channel_layer()

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": WebsocketGuard(AllowedHostsOriginValidator(
            RejectNulCookiesOnSockets(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        )),
    }
)
