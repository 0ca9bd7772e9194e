"""Every chat frame type (docs/realtime.md, chat/handlers.py) with hostile fields, and hostile
websocket paths: never a 1011 close, never an uncaught exception, never a logged traceback; the
socket answers the next ping (issue 14, section 3)."""

import json

import pytest
from channels.testing import WebsocketCommunicator
from hypothesis import given
from hypothesis import strategies as st

from chat.handlers import FRAME_TYPES
from chat.models import Message
from peersupport.asgi import application
from tests.chat.conftest import ORIGIN, open_chat
from tests.fuzz import hostile

# The fields each frame type reads. A new frame type fails the first test until it is listed
# here, and so is fuzzed.
FRAME_FIELDS = {
    "message": ["body", "client_id"], "typing": [], "check": ["body", "ref"],
    "flag": ["message_id", "rule", "reason"], "state": [], "ping": [],
    "hand.raise": [], "hand.lower": [], "turn.release": [],
    "mod.hide": ["message_id", "reason"], "mod.mute": ["member_id", "minutes", "reason"],
    "mod.unmute": ["member_id"], "mod.remove": ["member_id", "reason"],
    "mod.ban": ["member_id", "reason", "days"], "mod.lock": ["reason"], "mod.unlock": [],
    "mod.slow_mode": ["seconds"], "mod.circle": ["enabled"], "mod.pass_turn": ["member_id"],
    # Activities run live (activities/live.py).
    "activity.start": ["activity"], "activity.next": ["version"], "activity.back": ["version"],
    "activity.pause": ["version"], "activity.resume": ["version"], "activity.end": ["version"],
    "activity.rate": ["run", "answer"],
    # Listening practice in triads (training/realtime.py).
    "practice.state": [], "practice.start": ["minutes"], "practice.end": [],
    "practice.message": ["body", "client_id", "breakout"],
    "practice.checklist": ["did_well", "try_next"],
}
RAW_EDGES = [
    "", "null", "[]", "{}", '{"type": 5}', '{"type": null}', '{"type": "nope"}',
    '{"type": "ping", "x": NaN}', '{"type": "ping", "x": Infinity}',
    '{"type": "ping", "x": 1e999}', '{"type": "message", "body": "\\ud800"}',
    '{"type":"ping","x":' + "[" * 4000 + "]" * 4000 + "}",
    '{"type":"ping","x":' + "[" * 900 + "]" * 900 + "}",
    '{"type":"ping","x":' + '{"a":' * 900 + "1" + "}" * 900 + "}",
    '{"type": "ping", "x": "' + "a" * 20_000 + '"}', "\x00", '{"type":"ping"',
]
FRAME_LIMIT_OFF = (10_000, 1)
UNACCEPTABLE_CLOSES = {1011, 1006, None}


def test_every_frame_type_is_fuzzed():
    assert set(FRAME_FIELDS) == set(FRAME_TYPES)


def frames(real_ids: list[int], kind: str) -> st.SearchStrategy:
    """One frame as sent on the wire: mostly of type `kind` with each field real, hostile or
    missing (and sometimes fields nobody reads), else text that is not a frame at all."""
    ids = st.one_of(st.sampled_from(real_ids), hostile.json_values) if real_ids else (
        hostile.json_values)

    @st.composite
    def structured(draw) -> str:
        frame: dict = {"type": kind}
        for name in FRAME_FIELDS[kind]:
            how = draw(st.sampled_from(["real", "hostile", "missing"]))
            if how == "missing":
                continue
            if how == "real" and name.endswith("_id"):
                frame[name] = draw(ids)
            elif how == "real" and name in ("minutes", "seconds", "days", "version", "run",
                                            "breakout"):
                frame[name] = draw(st.integers(min_value=-5, max_value=5000))
            else:
                frame[name] = draw(hostile.json_values)
        if draw(st.booleans()):
            frame.update(draw(st.dictionaries(hostile.any_text, hostile.json_values,
                                              max_size=3)))
            frame["type"] = kind
        return json.dumps(frame)

    raw = st.one_of(
        st.sampled_from(RAW_EDGES),
        hostile.any_text,
        st.binary(max_size=64),  # a binary frame
    )
    return st.one_of(structured(), structured(), structured(), raw)


async def _still_answers(chat, sent: str) -> bool:
    """After a frame: the socket answers a ping, or was closed on purpose (a 4xxx code, e.g.
    a facilitator removed themself... never 1011). False when it closed."""
    await chat.send({"type": "ping"})
    while True:
        output = await chat.communicator.receive_output(5)
        if output["type"] == "websocket.close":
            code = output.get("code")
            assert code not in UNACCEPTABLE_CLOSES and code >= 4000, (
                f"closed with {code} after {sent[:300]!r}")
            return False
        if json.loads(output["text"])["type"] == "pong":
            return True


@pytest.mark.django_db(transaction=True)
async def test_every_malformed_frame_gets_an_error_frame_and_the_socket_stays(room, settings,
                                                                             errors):
    settings.CHAT_SOCKET_FRAME_LIMIT = FRAME_LIMIT_OFF
    async with await open_chat(room.member, room.session) as chat:
        for text in RAW_EDGES:
            await chat.communicator.send_input({"type": "websocket.receive", "text": text})
            assert await _still_answers(chat, text)
    assert not errors.records, [r.getMessage() for r in errors.records]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind", sorted(FRAME_FIELDS))
@given(data=st.data())
async def test_every_frame_type_survives_hostile_fields(room, settings, errors, kind, data):
    settings.CHAT_SOCKET_FRAME_LIMIT = FRAME_LIMIT_OFF
    person = data.draw(st.sampled_from([room.facilitator, room.member, room.member2]))
    real_ids = await _real_ids(room)
    script = data.draw(st.lists(frames(real_ids, kind), min_size=1, max_size=4))
    chat = await open_chat(person, room.session)
    try:
        if chat.refused is not None:  # removed or banned by an earlier example: refused cleanly
            assert chat.refused[0] not in UNACCEPTABLE_CLOSES
            return
        for text in script:
            # As the server gets it (the communicator's send_to refuses an empty text).
            message = {"type": "websocket.receive"}
            message.update({"bytes": text} if isinstance(text, bytes) else {"text": text})
            await chat.communicator.send_input(message)
            if not await _still_answers(chat, repr(text)):
                break
    finally:
        await chat.disconnect()
    logged = errors.take()
    assert not logged, logged


async def _real_ids(room) -> list[int]:
    from channels.db import database_sync_to_async

    def read() -> list[int]:
        memberships = list(room.group.memberships.values_list("pk", flat=True))
        messages = list(Message.objects.filter(session=room.session)
                        .values_list("pk", flat=True)[:5])
        return memberships + messages

    return await database_sync_to_async(read)()


@pytest.mark.django_db(transaction=True)
@given(tail=st.one_of(hostile.hostile_strings, st.sampled_from([
    "sessions/abc/chat/", f"sessions/{hostile.HUGE}/chat/", "sessions/-1/chat/",
    "sessions/1/chat/extra/", "sessions/１/chat/", "sessions/1/chat", "nope/", ""])))
async def test_a_hostile_websocket_path_is_refused_cleanly(room, errors, tail):
    communicator = WebsocketCommunicator(application, f"/ws/{tail}",
                                         headers=[(b"origin", ORIGIN.encode())])
    try:
        connected, code = await communicator.connect(timeout=3)
        if connected:  # a real room path: the consumer refuses with an error frame and a code
            while (output := await communicator.receive_output(3))["type"] != "websocket.close":
                pass
            code = output.get("code")
        assert code not in UNACCEPTABLE_CLOSES, code
    finally:
        await communicator.disconnect()
    logged = errors.take()
    assert not logged, logged
