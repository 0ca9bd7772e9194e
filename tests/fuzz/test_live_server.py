"""The same hostile requests against a real uvicorn process: refused with a 4xx, and nothing in
the server's log (uvicorn logs an ASGI app's exception as "Exception in ASGI application" with
its traceback, which the in-process tests cannot see)."""

import asyncio
import urllib.error
import urllib.request

import pytest
import websockets

from tests.chat.live_servers import AsgiServer, SharedDatabase

HOSTILE_SOCKET_PATHS = ["/ws/nope/", "/ws/sessions/abc/chat/",
                        "/ws/sessions/9223372036854775808/chat/", "/ws/sessions/1/chat/x/"]


@pytest.mark.django_db(transaction=True)
def test_a_real_server_refuses_hostile_paths_without_a_traceback(tmp_path):
    database_url = SharedDatabase(tmp_path).publish()
    server = AsgiServer(database_url=database_url, prefix=f"hostile-{tmp_path.name}",
                        settings="tests.chat.live_settings",
                        log_path=tmp_path / "server.log").start()
    try:
        async def handshakes() -> list[int | None]:
            statuses = []
            for path in HOSTILE_SOCKET_PATHS:
                try:
                    async with websockets.connect(server.ws_url + path, origin=server.url):
                        statuses.append(101)
                except websockets.InvalidStatus as refused:
                    statuses.append(refused.response.status_code)
            return statuses

        assert asyncio.run(handshakes()) == [403] * len(HOSTILE_SOCKET_PATHS)
        for path in ["/groups/?q=a%00b", "/sessions/9223372036854775808/chat/"]:
            with pytest.raises(urllib.error.HTTPError) as answered:
                urllib.request.urlopen(server.url + path, timeout=10)  # noqa: S310
            assert answered.value.code in (400, 404), path
    finally:
        server.stop()
    log = server.log()
    assert "Traceback" not in log and "Exception in ASGI application" not in log, log
