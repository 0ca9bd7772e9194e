"""A chat socket meeting a dependency failure: refused or closed with 1013 after an
`unavailable` frame, logged once per outage, and leaving the room properly all the same."""

import logging

import pytest
import redis.exceptions
from django.db import OperationalError

from chat.models import Presence
from peersupport import outages
from tests.chat.conftest import eventually, open_chat

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_outage_left_behind():
    outages.forget()
    yield
    outages.forget()


async def test_a_database_outage_at_arrival_refuses_with_1013_and_logs_once(room, monkeypatch,
                                                                           caplog):
    from chat import consumers

    def database_gone(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(consumers, "_arrive", database_gone)
    caplog.set_level(logging.WARNING)
    for _ in range(3):
        client = await open_chat(room.member, room.session)
        code, frames = client.refused
        assert code == 1013
        assert [f["code"] for f in frames] == ["unavailable"]
        assert frames[0]["retry_after"] > 0

    assert [r.getMessage() for r in caplog.records if "unavailable" in r.getMessage()
            ] == ["database unavailable (OperationalError: connection to server failed: "
                  "Connection refused); degrading until it answers again"]
    assert not any(r.exc_info for r in caplog.records)  # no traceback
    assert not await Presence.objects.aexists()


async def test_a_channel_layer_failing_at_the_handshake_refuses_with_1013(room, monkeypatch):
    from channels.layers import get_channel_layer

    layer = get_channel_layer()

    async def layer_gone(group, channel):
        raise redis.exceptions.ConnectionError("Error 111 connecting. Connection refused.")

    monkeypatch.setattr(layer, "group_add", layer_gone)
    client = await open_chat(room.member, room.session)

    code, frames = client.refused
    assert code == 1013 and [f["code"] for f in frames] == ["unavailable"]
    assert not await Presence.objects.aexists()


async def test_a_frame_meeting_a_database_outage_closes_its_socket_with_1013(room, monkeypatch):
    from chat import consumers

    async with await open_chat(room.member, room.session) as client:
        def database_gone(**kwargs):
            raise OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(consumers, "handle_frame", database_gone)
        await client.send({"type": "ping"})
        code, frames = await client.expect_close()

    assert code == 1013 and [f["code"] for f in frames] == ["unavailable"]


async def test_leaving_when_the_channel_layer_fails_still_deletes_presence_and_says_so(
        room, monkeypatch):
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    async with await open_chat(room.member2, room.session) as staying:
        leaving = await open_chat(room.member, room.session)
        await staying.receive_type("presence.join")

        async def layer_gone(group, channel):
            raise redis.exceptions.TimeoutError("Timeout reading from socket")

        monkeypatch.setattr(layer, "group_discard", layer_gone)
        await leaving.disconnect()

        left = await staying.receive_type("presence.leave")
        assert left["person"]["name"] == room.member.display_name
        assert not await Presence.objects.filter(user=room.member).aexists()


async def test_a_presence_row_the_database_could_not_delete_is_deleted_once_it_answers(
        room, monkeypatch):
    from chat import consumers

    real_leave = consumers._leave_room
    attempts = []

    def first_attempt_fails(*args):
        attempts.append(args)
        if len(attempts) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_leave(*args)

    monkeypatch.setattr(consumers, "_leave_room", first_attempt_fails)
    async with await open_chat(room.member2, room.session) as staying:
        leaving = await open_chat(room.member, room.session)
        await staying.receive_type("presence.join")
        await leaving.disconnect()

        left = await staying.receive_type("presence.leave", timeout=5)  # retried after 1 s
        assert left["person"]["name"] == room.member.display_name
        assert len(attempts) == 2
        await eventually(lambda: True)
        assert not await Presence.objects.filter(user=room.member).aexists()
