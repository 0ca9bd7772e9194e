"""Posting messages over the websocket: stored first, broadcast to all, never twice."""

import pytest
from channels.db import database_sync_to_async

from chat.models import Message
from tests.chat.conftest import accept_rules, join_group, new_client_id, open_chat

pytestmark = pytest.mark.django_db(transaction=True)


async def test_message_is_stored_then_broadcast_to_everyone_sender_included(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        cid = await alice.say("  Hello, circle  ")
        for client in (alice, bob):
            frame = await client.receive_type("message")
            stored = await database_sync_to_async(Message.objects.get)(pk=frame["id"])
            assert stored.body == "Hello, circle"
            membership = await database_sync_to_async(room.membership)(room.member)
            assert frame == {
                "type": "message", "id": stored.pk, "client_id": cid,
                "author": {"id": membership.pk, "name": "Morgan Member", "pronouns": "",
                           "facilitator": False},
                "body": "Hello, circle", "sent_at": stored.created_at.isoformat(),
            }
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def test_retrying_a_client_id_returns_the_original_and_stores_nothing_new(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        cid = await alice.say("Only once")
        original = await alice.receive_type("message")
        await bob.receive_type("message")
        await alice.say("Only once (edited by a buggy client)", client_id=cid)
        again = await alice.receive_type("message")
        assert again == original
        assert await bob.nothing_more()
        count = await database_sync_to_async(Message.objects.filter(client_id=cid).count)()
        assert count == 1
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def test_a_retry_after_reconnecting_returns_the_original(room):
    alice = await open_chat(room.member, room.session)
    cid = await alice.say("Sent just before the drop")
    original = await alice.receive_type("message")
    await alice.disconnect()
    alice = await open_chat(room.member, room.session, after=original["id"])
    try:
        await alice.say("Sent just before the drop", client_id=cid)
        assert await alice.receive_type("message") == original
    finally:
        await alice.disconnect()


async def test_the_same_client_id_from_another_person_is_their_own_message(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        cid = new_client_id()
        await alice.say("From Alice", client_id=cid)
        first = await alice.receive_type("message")
        await bob.say("From Bob", client_id=cid)
        second = await bob.receive_type("message")
        while second["id"] == first["id"]:
            second = await bob.receive_type("message")
        assert second["body"] == "From Bob"
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def _post(session, user, *bodies):
    from chat.policies import room_access
    from chat.services import message_post

    def post():
        access = room_access(session_id=session.pk, user=user)
        return [message_post(access=access, body=b, client_id=new_client_id())[0]["id"]
                for b in bodies]

    return await database_sync_to_async(post)()


async def test_history_has_the_latest_hundred_oldest_first(room, settings):
    settings.CHAT_RATE_BURST = (1000, 10)
    settings.CHAT_RATE_SUSTAINED = (1000, 60)
    ids = await _post(room.session, room.member, *[f"m{i}" for i in range(105)])
    client = await open_chat(room.member2, room.session)
    try:
        assert [m["id"] for m in client.history] == ids[5:]
        assert client.history[0]["body"] == "m5"
        assert client.history_pages[0]["more"] is False
    finally:
        await client.disconnect()


async def test_after_backfills_everything_since_that_message_without_a_gap(room, settings):
    settings.CHAT_RATE_BURST = (2000, 10)
    settings.CHAT_RATE_SUSTAINED = (2000, 60)
    ids = await _post(room.session, room.member, *[f"m{i}" for i in range(1203)])
    client = await open_chat(room.member2, room.session, after=ids[1])
    try:
        assert [m["id"] for m in client.history] == ids[2:]
        assert [p["more"] for p in client.history_pages] == [True, True, False]
        assert [len(p["messages"]) for p in client.history_pages] == [500, 500, 201]
    finally:
        await client.disconnect()


async def test_after_the_last_message_gives_an_empty_history_then_live_frames(room):
    ids = await _post(room.session, room.member, "one", "two")
    client = await open_chat(room.member2, room.session, after=ids[-1])
    try:
        assert client.history == []
        await _post(room.session, room.member, "three")
        assert (await client.receive_type("message"))["body"] == "three"
    finally:
        await client.disconnect()


async def test_history_leaves_out_hidden_messages(room):
    from chat.services import message_hide

    ids = await _post(room.session, room.member, "kept", "hidden")
    await database_sync_to_async(message_hide)(session=room.session, by=room.facilitator,
                                               message_id=ids[1], reason="Off topic")
    client = await open_chat(room.member2, room.session)
    try:
        assert [m["body"] for m in client.history] == ["kept"]
    finally:
        await client.disconnect()


async def test_history_shows_pseudonyms_not_names(room, other_user):
    from groups.models import Group

    await database_sync_to_async(Group.objects.filter(pk=room.group.pk).update)(
        allow_pseudonyms=True)
    await database_sync_to_async(room.group.refresh_from_db)()
    membership = await database_sync_to_async(join_group)(room.group, other_user,
                                                          pseudonym="Wren")
    await database_sync_to_async(accept_rules)(room.session, other_user)
    await _post(room.session, other_user, "Hi, I'm new")
    client = await open_chat(room.member, room.session)
    try:
        author = client.history[0]["author"]
        assert author == {"id": membership.pk, "name": "Wren", "pronouns": "",
                          "facilitator": False}
    finally:
        await client.disconnect()


async def test_a_script_body_is_stored_and_sent_verbatim_as_text(room):
    body = '<script>alert("x")</script><img src=x onerror=alert(1)> & &amp;'
    alice = await open_chat(room.member, room.session)
    try:
        await alice.say(body)
        frame = await alice.receive_type("message")
        assert frame["body"] == body
        stored = await database_sync_to_async(Message.objects.get)(pk=frame["id"])
        assert stored.body == body
    finally:
        await alice.disconnect()
    again = await open_chat(room.member2, room.session)
    try:
        assert again.history[0]["body"] == body
    finally:
        await again.disconnect()


@pytest.mark.parametrize("frame, detail_part", [
    ("not json", "JSON"),
    ('["a list"]', "object"),
    ('{"type": "dance"}', "Unknown frame type"),
    ('{"type": "message", "body": "   ", "client_id": "abc"}', "Write something"),
    ('{"type": "message", "body": 42, "client_id": "abc"}', "text"),
    ('{"type": "message", "body": "hi"}', "client_id"),
    ('{"type": "message", "body": "hi", "client_id": "has spaces"}', "client_id"),
    ('{"type": "message", "body": "hi", "client_id": "' + "x" * 65 + '"}', "client_id"),
])
async def test_bad_frames_get_an_invalid_error_and_the_socket_stays_open(room, frame,
                                                                        detail_part):
    client = await open_chat(room.member, room.session)
    try:
        await client.send(frame)
        error = await client.receive_type("error")
        assert error["code"] == "invalid"
        assert detail_part in error["detail"]
        await client.say("Still here")
        assert (await client.receive_type("message"))["body"] == "Still here"
    finally:
        await client.disconnect()


async def test_a_body_over_2000_characters_is_too_long(room):
    client = await open_chat(room.member, room.session)
    try:
        cid = await client.say("a" * 2001)
        error = await client.receive_type("error")
        assert error["code"] == "too_long" and error["client_id"] == cid
        await client.say(" " + "a" * 2000 + "\n")
        assert len((await client.receive_type("message"))["body"]) == 2000
        assert await database_sync_to_async(Message.objects.count)() == 1
    finally:
        await client.disconnect()


async def test_control_characters_are_dropped_from_a_body(room):
    client = await open_chat(room.member, room.session)
    try:
        await client.say("nul\x00 here\r\nnext line\ttab")
        assert (await client.receive_type("message"))["body"] == "nul here\nnext line\ttab"
    finally:
        await client.disconnect()


async def test_sending_too_fast_is_rate_limited_with_a_retry_time(room):
    client = await open_chat(room.member, room.session)
    try:
        for i in range(6):
            await client.say(f"quick {i}")
            await client.receive_type("message")
        cid = await client.say("one too many")
        error = await client.receive_type("error")
        assert error["code"] == "rate_limited"
        assert error["client_id"] == cid
        assert 1 <= error["retry_after"] <= 10
        assert await database_sync_to_async(Message.objects.count)() == 6
    finally:
        await client.disconnect()


async def test_the_sustained_limit_holds_across_bursts(room, settings):
    settings.CHAT_RATE_BURST = (100, 10)
    settings.CHAT_RATE_SUSTAINED = (4, 60)
    client = await open_chat(room.member, room.session)
    try:
        for i in range(4):
            await client.say(f"steady {i}")
            await client.receive_type("message")
        await client.say("fifth")
        assert (await client.receive_type("error"))["code"] == "rate_limited"
    finally:
        await client.disconnect()


async def test_the_rate_limit_is_per_person(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        for i in range(6):
            await alice.say(f"alice {i}")
            await alice.receive_type("message")
        await bob.say("bob is fine")
        frame = await bob.receive_type("message")
        while frame["body"] != "bob is fine":
            frame = await bob.receive_type("message")
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def test_a_blocked_word_refuses_the_message(room, word_lists):
    client = await open_chat(room.member, room.session)
    try:
        cid = await client.say("You should just GO   DIE.")
        error = await client.receive_type("error")
        assert error["code"] == "blocked" and error["client_id"] == cid
        assert await database_sync_to_async(Message.objects.count)() == 0
        await client.say("Gordie is my colleague")  # whole words only
        assert (await client.receive_type("message"))["body"] == "Gordie is my colleague"
    finally:
        await client.disconnect()


async def test_distress_is_sent_with_private_support_and_a_facilitator_alert(room, word_lists):
    from support.models import Resource

    await database_sync_to_async(Resource.objects.create)(
        title="Samaritans", kind=Resource.Kind.CRISIS_LINE, phone="116 123")
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await alice.say("Some days I want to die")
        assert (await alice.receive_type("message"))["body"] == "Some days I want to die"
        support = await alice.receive_type("support")
        assert support["resources"][0]["title"] == "Samaritans"
        assert support["resources"][0]["phone_href"] == "tel:116123"
        assert support["support_url"] == "/support/"
        alert = await facilitator.receive_type("alert")
        assert alert["kind"] == "distress" and alert["person"]["name"] == "Morgan Member"
        await bob.receive_type("message")
        assert await bob.nothing_more()  # no support frame, no alert for other members
    finally:
        await bob.disconnect()
        await alice.disconnect()
        await facilitator.disconnect()


async def test_check_nudges_about_advice_and_the_member_may_still_send(room, word_lists):
    client = await open_chat(room.member, room.session)
    try:
        await client.send({"type": "check", "body": "You  should talk to HR", "ref": 7})
        check = await client.receive_type("check")
        assert check["ref"] == 7
        assert check["nudge"]["rule"]["key"] == "no_unsolicited_advice"
        assert check["nudge"]["rule"]["index"] == 2
        await client.send({"type": "check", "body": "I felt heard today", "ref": 8})
        assert (await client.receive_type("check")) == {"type": "check", "ref": 8,
                                                        "nudge": None}
        await client.say("You should talk to HR")
        assert (await client.receive_type("message"))["body"] == "You should talk to HR"
    finally:
        await client.disconnect()


async def test_typing_reaches_the_others_but_not_the_typist_and_is_throttled(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await alice.receive_type("presence.join")
        await alice.send({"type": "typing"})
        typing = await bob.receive_type("typing")
        assert typing["person"]["name"] == "Morgan Member"
        await alice.send({"type": "typing"})
        assert await bob.nothing_more()
        assert await alice.nothing_more()
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def test_ping_gets_pong_and_state_can_be_asked_again(room):
    client = await open_chat(room.member, room.session)
    try:
        await client.send({"type": "ping"})
        assert await client.receive() == {"type": "pong"}
        await client.send({"type": "state"})
        assert (await client.receive())["type"] == "state"
    finally:
        await client.disconnect()


async def test_a_socket_flooding_frames_is_slowed_down(room):
    client = await open_chat(room.member, room.session)
    try:
        for _ in range(41):
            await client.send({"type": "typing"})
        error = await client.receive_type("error")
        assert error["code"] == "rate_limited" and error["retry_after"] == 5
    finally:
        await client.disconnect()
