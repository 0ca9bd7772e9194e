"""Moderating from a socket needs the second factor answered in *this* login, as pages do
(issue 14: two-factor on every door). A facilitator whose login skipped the code (a door that
asked only for the password, or a session from before the check) must not moderate through the
websocket, which no HTTP middleware guards."""

import pytest
from channels.db import database_sync_to_async

from chat.models import Message
from tests.chat.conftest import open_chat, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_login_that_skipped_the_code_cannot_moderate_over_the_socket(room):
    cookie = await database_sync_to_async(session_cookie)(room.facilitator, second_factor=False)
    member = await open_chat(room.member, room.session)
    facilitator = await open_chat(room.facilitator, room.session, cookie=cookie)
    try:
        assert facilitator.refused is None
        await member.say("Something a facilitator might want to hide.")
        message_id = (await facilitator.receive_type("message"))["id"]
        await facilitator.send({"type": "mod.hide", "message_id": message_id,
                                "reason": "Testing the door."})
        error = await facilitator.receive_type("error")
        assert error["code"] == "forbidden"
        await facilitator.send({"type": "mod.lock"})
        assert (await facilitator.receive_type("error"))["code"] == "forbidden"
        hidden = await database_sync_to_async(
            lambda: Message.objects.get(pk=message_id).hidden_at)()
        assert hidden is None
    finally:
        await facilitator.disconnect()
        await member.disconnect()


async def test_the_same_facilitator_with_the_code_answered_moderates(room):
    member = await open_chat(room.member, room.session)
    facilitator = await open_chat(room.facilitator, room.session)  # answered in this login
    try:
        await member.say("Something to hide.")
        message_id = (await facilitator.receive_type("message"))["id"]
        await facilitator.send({"type": "mod.hide", "message_id": message_id,
                                "reason": "Named a colleague."})
        hidden = await facilitator.receive_type("message.hidden")
        assert hidden["message_id"] == message_id
    finally:
        await facilitator.disconnect()
        await member.disconnect()
