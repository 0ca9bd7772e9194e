"""Many sockets arriving or leaving at once: bounded channel-layer and Redis use."""

import asyncio

import pytest
from channels.layers import get_channel_layer

from tests.chat.conftest import open_chat

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def layer_calls(monkeypatch) -> dict[str, int]:
    """How many group_add/group_discard calls run at once, at most (each takes a moment)."""
    seen = {"now": 0, "most": 0, "discards": 0}
    layer = get_channel_layer()

    def slowed(call, name):
        async def run(group, channel):
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])
            try:
                await asyncio.sleep(0.01)
                return await call(group, channel)
            finally:
                seen["now"] -= 1
                if name == "discard":
                    seen["discards"] += 1
        return run

    monkeypatch.setattr(layer, "group_add", slowed(layer.group_add, "add"))
    monkeypatch.setattr(layer, "group_discard", slowed(layer.group_discard, "discard"))
    return seen


async def test_sockets_leaving_together_take_turns_with_the_channel_layer(
        room, settings, layer_calls):
    settings.CHAT_LAYER_CALLS_AT_ONCE = 2
    people = [room.member, room.member2, room.member, room.member2, room.member]
    clients = [await open_chat(person, room.session) for person in people]
    assert all(client.refused is None for client in clients)
    layer_calls["most"] = 0
    await asyncio.gather(*(client.disconnect() for client in clients))
    for _ in range(200):  # the consumers finish leaving after the sockets closed
        if layer_calls["discards"] == 2 * len(clients):
            break
        await asyncio.sleep(0.01)
    # The groups each joined: room and person (members never join the moderators group).
    assert layer_calls["discards"] == 2 * len(clients)
    assert layer_calls["most"] == 2


async def test_sockets_arriving_together_take_turns_too(room, settings, layer_calls):
    settings.CHAT_LAYER_CALLS_AT_ONCE = 1
    clients = await asyncio.gather(*(open_chat(person, room.session)
                                     for person in (room.member, room.member2, room.member)))
    try:
        assert all(client.refused is None for client in clients)
        assert layer_calls["most"] == 1
    finally:
        await asyncio.gather(*(client.disconnect() for client in clients))


async def test_every_socket_of_a_process_shares_one_cache_client(room, monkeypatch):
    """Django makes a cache instance (and Redis pool) per asyncio context: per socket."""
    from django.core.cache import caches

    from chat import shared_cache

    made: list[object] = []
    create = caches.create_connection
    monkeypatch.setattr(caches, "create_connection",
                        lambda alias: made.append(alias) or create(alias))
    monkeypatch.setattr(shared_cache, "_shared", {})
    clients = [await open_chat(person, room.session)
               for person in (room.member, room.member2, room.facilitator)]
    try:
        for client in clients:
            await client.say("Hello from this socket.")  # spends a rate limit in the cache
        for client in clients:
            for _ in clients:
                await client.receive_type("message")
        assert made == ["default"]
    finally:
        await asyncio.gather(*(client.disconnect() for client in clients))
