"""A socket leaves the room however its consumer ends, not only through websocket.disconnect."""

import asyncio

import pytest
from uvicorn.protocols.utils import ClientDisconnected

from chat.models import Presence
from peersupport.asgi import application
from tests.chat import conftest
from tests.chat.conftest import eventually, open_chat

pytestmark = pytest.mark.django_db(transaction=True)


def recheck_loops() -> list[asyncio.Task]:
    return [task for task in asyncio.all_tasks()
            if getattr(task.get_coro(), "__qualname__", "") == "ChatConsumer._recheck_loop"]


async def test_a_socket_whose_client_left_mid_send_still_leaves_the_room(room, monkeypatch):
    """uvicorn raises ClientDisconnected for a frame sent after the client's close frame (and
    swallows it silently): a broadcast landing in that gap ends the consumer by exception."""
    client_left = asyncio.Event()

    async def server_after_the_client_left(scope, receive, send):
        async def send_or_fail(message):
            if client_left.is_set() and message["type"] == "websocket.send":
                raise ClientDisconnected()
            await send(message)

        await application(scope, receive, send_or_fail)

    monkeypatch.setattr(conftest, "application", server_after_the_client_left)
    leaving = await open_chat(room.member, room.session)
    monkeypatch.setattr(conftest, "application", application)
    async with await open_chat(room.member2, room.session) as staying:
        client_left.set()
        await staying.say("Is anyone still here?")
        with pytest.raises(ClientDisconnected):
            await leaving.communicator.wait(timeout=3)

        assert not await Presence.objects.filter(user=room.member).aexists()
        assert len(recheck_loops()) == 1  # the staying socket's only


async def test_a_connect_that_fails_halfway_leaves_the_groups_it_joined(room, monkeypatch):
    """The socket joined the room's and the person's groups, then its arrival failed (a
    database error): it must not stay in them, buffering every broadcast for nobody."""
    from channels.layers import get_channel_layer

    from chat import consumers

    def arrival_fails(*args, **kwargs):
        raise RuntimeError("the database went away")

    layer = get_channel_layer()
    joined: dict[str, set[str]] = {}
    add, discard = layer.group_add, layer.group_discard

    async def tracking_add(group, channel):
        joined.setdefault(channel, set()).add(group)
        await add(group, channel)

    async def tracking_discard(group, channel):
        joined.get(channel, set()).discard(group)
        await discard(group, channel)

    monkeypatch.setattr(layer, "group_add", tracking_add)
    monkeypatch.setattr(layer, "group_discard", tracking_discard)
    monkeypatch.setattr(consumers, "_arrive", arrival_fails)
    failing = await open_chat(room.member, room.session, arrival=False)
    with pytest.raises(RuntimeError):
        await failing.communicator.wait(timeout=3)

    assert joined and all(groups == set() for groups in joined.values())


async def test_the_process_counts_the_sockets_of_each_room_until_they_close(room):
    from chat import consumers

    group = f"chat_{room.session.pk}"
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    assert consumers._room_sockets[group] == 2
    await alice.disconnect()
    await bob.disconnect()
    await eventually(lambda: group not in consumers._room_sockets)  # the consumers finish
    assert group not in consumers._room_sockets


async def test_a_closed_socket_is_freed_at_once_not_left_to_the_cyclic_collector(room, monkeypatch):
    """A consumer that closed must go by reference counting alone. The cancelled re-check task
    kept it in a cycle (task -> CancelledError -> traceback -> _recheck_loop's frame -> the
    consumer -> the task), so 500 closed sockets waited as ~45,000 objects for a full collection
    that a quiet server may not run for hours: their memory never went back."""
    import gc
    import weakref

    from chat import consumers

    made: list[weakref.ref] = []
    original_init = consumers.ChatConsumer.__init__

    def recording_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        made.append(weakref.ref(self))

    monkeypatch.setattr(consumers.ChatConsumer, "__init__", recording_init)
    gc.collect()
    gc.disable()  # only reference counting may free it now
    try:
        client = await open_chat(room.member, room.session)
        await client.disconnect()
        await eventually(lambda: not consumers._room_sockets)  # it leaves the room, then ends
        del client
        await asyncio.sleep(0.05)  # the cancelled re-check task runs to its end
        assert len(made) == 1
        assert made[0]() is None, "the closed consumer is still alive: a reference cycle holds it"
    finally:
        gc.enable()
