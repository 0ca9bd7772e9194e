"""Two ASGI server processes sharing Redis serve one room: members on either see each other."""

import asyncio
import os

import pytest

from tests.chat.live_servers import (
    AsgiServer,
    ChatClient,
    SharedDatabase,
    make_room,
    room_open_now,
    session_cookie,
)

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="needs REDIS_URL: two server processes can only share a room through the Redis "
           "channel layer (CI sets it)",
)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_members_on_two_server_processes_see_each_others_messages(tmp_path):
    room = make_room(members=2)
    room_open_now(room.session)
    ana, ben = room.members
    cookies = {ana.pk: session_cookie(ana), ben.pk: session_cookie(ben)}
    database_url = SharedDatabase(tmp_path).publish()
    prefix = f"multiprocess-{tmp_path.name}"
    first = AsgiServer(database_url=database_url, prefix=prefix,
                       log_path=tmp_path / "first.log").start()
    second = AsgiServer(database_url=database_url, prefix=prefix,
                        log_path=tmp_path / "second.log").start()

    async def conversation() -> tuple[ChatClient, ChatClient]:
        on_first = await ChatClient(first, room.session.pk, cookies[ana.pk]).connect()
        on_second = await ChatClient(second, room.session.pk, cookies[ben.pk]).connect()
        for client in (on_first, on_second):
            await client.read(lambda c: c.history_done.is_set())
        hello = await on_first.send("Hello from the first process")
        await on_second.read(lambda c: hello in c.acked)
        reply = await on_second.send("And hello back from the second")
        await on_first.read(lambda c: reply in c.acked)
        await on_first.read(lambda c: hello in c.acked)
        await on_second.read(lambda c: reply in c.acked)
        for client in (on_first, on_second):
            await client.close()
        return on_first, on_second

    try:
        on_first, on_second = asyncio.run(conversation())
    finally:
        first.stop()
        second.stop()

    for client in (on_first, on_second):
        seen = [(m["author"]["name"], m["body"])
                for m in sorted(client.messages.values(), key=lambda m: m["id"])]
        assert seen == [("Member A", "Hello from the first process"),
                        ("Member B", "And hello back from the second")]
        assert len(client.received_ids) == len(set(client.received_ids)) == 2


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_an_idle_member_stays_connected_longer_than_the_redis_read_timeout(tmp_path):
    """A quiet room is normal: nobody's socket may drop because the channel layer's blocking
    read outlived a Redis client timeout (redis-py 8 sets 5 s by default)."""
    room = make_room(members=1)
    room_open_now(room.session)
    cookie = session_cookie(room.members[0])
    server = AsgiServer(database_url=SharedDatabase(tmp_path).publish(),
                        prefix=f"idle-{tmp_path.name}", log_path=tmp_path / "idle.log").start()

    async def sit_quietly() -> ChatClient:
        client = await ChatClient(server, room.session.pk, cookie).connect()
        await client.read(lambda c: c.history_done.is_set())
        await asyncio.sleep(12)
        said = await client.send("Still here after a quiet moment.")
        await client.read(lambda c: said in c.acked)
        await client.close()
        return client

    try:
        client = asyncio.run(sit_quietly())
    finally:
        server.stop()
    assert [m["body"] for m in client.messages.values()] == ["Still here after a quiet moment."]
    assert "TimeoutError" not in server.log()
