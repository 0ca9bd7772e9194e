"""Who may open a room's websocket, and what arrives on connect."""

import asyncio

import pytest
from channels.db import database_sync_to_async

from groups.services import group_rules_update, membership_leave
from sessions.models import Session
from tests.chat.conftest import accept_rules, join_group, make_session, open_chat

pytestmark = pytest.mark.django_db(transaction=True)


async def test_member_gets_history_then_state_on_connect(room):
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused is None
        assert client.history == []
        state = client.state
        membership = await database_sync_to_async(room.membership)(room.member)
        assert state["you"] == {"id": membership.pk, "name": "Morgan Member",
                                "pronouns": "", "facilitator": False}
        assert state["room"]["phase"] == "open"
        assert state["room"]["locked"] is False
        assert [r["key"] for r in state["rules"]][:2] == ["confidentiality",
                                                         "listen_without_judgement"]
        assert state["rules"][0]["index"] == 0
        assert state["sanction"] is None
        assert state["limits"] == {"max_length": 2000}
        assert {p["name"] for p in state["presence"]} == {"Morgan Member"}
    finally:
        await client.disconnect()


async def test_anonymous_visitor_is_refused_with_4401(room):
    client = await open_chat(None, room.session)
    try:
        code, frames = client.refused
        assert code == 4401
        assert frames[0]["code"] == "signed_out"
    finally:
        await client.disconnect()


async def test_outsider_is_refused_with_4403(room, outsider):
    client = await open_chat(outsider, room.session)
    try:
        assert client.refused[0] == 4403
        assert client.refused[1][0] == {"type": "error", "code": "forbidden",
                                        "detail": "Only members of this group can join its chat."}
    finally:
        await client.disconnect()


async def test_unknown_session_is_refused_with_4404(room):
    client = await open_chat(room.member, 999_999)
    try:
        assert client.refused[0] == 4404
    finally:
        await client.disconnect()


async def test_outsider_of_a_private_group_cannot_learn_the_session_exists(room, outsider):
    await database_sync_to_async(
        Session.objects.filter(pk=room.session.pk).update)(title="x")
    from groups.models import Group

    await database_sync_to_async(Group.objects.filter(pk=room.group.pk).update)(
        visibility=Group.Visibility.PRIVATE)
    client = await open_chat(outsider, room.session)
    try:
        assert client.refused[0] == 4404
    finally:
        await client.disconnect()


async def test_member_without_session_rules_accepted_is_refused_with_4409(room, other_user):
    await database_sync_to_async(join_group)(room.group, other_user)
    client = await open_chat(other_user, room.session)
    try:
        code, frames = client.refused
        assert code == 4409
        assert frames[0]["code"] == "rules_not_accepted"
        assert frames[0]["accept_url"] == (
            f"/sessions/{room.session.pk}/rules/?next=%2Fsessions%2F{room.session.pk}%2Fchat%2F")
    finally:
        await client.disconnect()


async def test_member_who_has_not_accepted_new_group_rules_is_refused_with_4409(room):
    rules = [{"key": "respect", "text": "Be kind."}]
    await database_sync_to_async(group_rules_update)(group=room.group, by=room.facilitator,
                                                     rules=rules)
    await database_sync_to_async(accept_rules)(room.session, room.member)
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused[0] == 4409
    finally:
        await client.disconnect()


async def test_facilitator_needs_no_rules_acceptance(room):
    client = await open_chat(room.facilitator, room.session)
    try:
        assert client.refused is None
        assert client.state["you"]["facilitator"] is True
    finally:
        await client.disconnect()


async def test_member_who_left_the_group_is_refused_with_4403(room):
    await database_sync_to_async(membership_leave)(group=room.group, user=room.member)
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused[0] == 4403
    finally:
        await client.disconnect()


async def test_cancelled_session_is_refused_with_4410(room):
    await database_sync_to_async(Session.objects.filter(pk=room.session.pk).update)(
        status=Session.Status.CANCELLED)
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused[0] == 4410
    finally:
        await client.disconnect()


async def test_in_person_session_has_no_chat(room):
    await database_sync_to_async(Session.objects.filter(pk=room.session.pk).update)(
        format=Session.Format.IN_PERSON)
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused[0] == 4410
    finally:
        await client.disconnect()


async def test_deactivated_account_is_refused(room):
    from accounts.models import User

    await database_sync_to_async(User.objects.filter(pk=room.member.pk).update)(is_active=False)
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused[0] == 4401
    finally:
        await client.disconnect()


async def test_wrong_origin_is_refused_at_the_handshake(room):
    client = await open_chat(room.member, room.session, origin="https://evil.example")
    try:
        assert client.connected is False
    finally:
        await client.disconnect()


async def test_missing_origin_is_refused_at_the_handshake(room):
    from channels.testing import WebsocketCommunicator

    from peersupport.asgi import application

    communicator = WebsocketCommunicator(application, f"/ws/sessions/{room.session.pk}/chat/")
    connected, _ = await communicator.connect()
    assert connected is False
    await communicator.disconnect()


async def test_members_wait_in_the_lobby_until_a_facilitator_arrives(room):
    session = await database_sync_to_async(make_session)(room.group, room.facilitator,
                                                          opened=False)
    await database_sync_to_async(accept_rules)(session, room.member)
    member = await open_chat(room.member, session)
    try:
        assert member.state["room"]["phase"] == "lobby"
        assert member.lobby["type"] == "lobby"
        cid = await member.say("Hello?")
        error = await member.receive_type("error")
        assert error["code"] == "lobby" and error["client_id"] == cid

        facilitator = await open_chat(room.facilitator, session)
        try:
            assert facilitator.state["room"]["phase"] == "open"
            assert await member.receive_type("room.opened") == {"type": "room.opened"}
            await member.say("Hello again")
            assert (await member.receive_type("message"))["body"] == "Hello again"
        finally:
            await facilitator.disconnect()
        await database_sync_to_async(session.refresh_from_db)()
        assert session.facilitator_joined_at is not None
    finally:
        await member.disconnect()


async def test_attendance_is_recorded_when_a_member_enters_the_open_room(room):
    from sessions.models import Attendance

    client = await open_chat(room.member, room.session)
    await client.disconnect()
    attendance = await database_sync_to_async(Attendance.objects.get)(session=room.session,
                                                                      user=room.member)
    assert attendance.source == "chat"


async def test_attendance_is_recorded_for_lobby_members_when_the_room_opens(room):
    from sessions.models import Attendance

    session = await database_sync_to_async(make_session)(room.group, room.facilitator,
                                                          opened=False)
    await database_sync_to_async(accept_rules)(session, room.member)
    member = await open_chat(room.member, session)
    count = database_sync_to_async(
        lambda: Attendance.objects.filter(session=session, user=room.member).count())
    try:
        assert await count() == 0
        facilitator = await open_chat(room.facilitator, session)
        await member.receive_type("room.opened")
        await member.send({"type": "ping"})
        await member.receive_type("pong")
        assert await count() == 1
        await facilitator.disconnect()
    finally:
        await member.disconnect()


async def test_before_the_window_the_room_is_not_open_and_posting_is_refused(room):
    import datetime as dt

    session = await database_sync_to_async(make_session)(
        room.group, room.facilitator, starts_in=dt.timedelta(hours=3), opened=False)
    await database_sync_to_async(accept_rules)(session, room.member)
    client = await open_chat(room.member, session)
    try:
        assert client.state["room"]["phase"] == "not_open"
        await client.say("Early")
        assert (await client.receive_type("error"))["code"] == "room_closed"
    finally:
        await client.disconnect()


async def test_after_the_session_the_room_is_read_only(room):
    import datetime as dt

    session = await database_sync_to_async(make_session)(
        room.group, room.facilitator, starts_in=dt.timedelta(hours=-5), minutes=60)
    await database_sync_to_async(accept_rules)(session, room.member)
    client = await open_chat(room.member, session)
    try:
        assert client.state["room"]["phase"] == "ended"
        await client.say("Late")
        assert (await client.receive_type("error"))["code"] == "room_closed"
    finally:
        await client.disconnect()


async def test_presence_shows_arrivals_and_departures_by_name(room):
    first = await open_chat(room.member, room.session)
    try:
        second = await open_chat(room.member2, room.session)
        joined = await first.receive_type("presence.join")
        assert joined["person"]["name"] == "Erin Employee"
        assert {p["name"] for p in second.state["presence"]} == {"Morgan Member",
                                                                 "Erin Employee"}
        await second.disconnect()
        left = await first.receive_type("presence.leave")
        assert left["person"]["name"] == "Erin Employee"
    finally:
        await first.disconnect()


async def test_a_second_tab_of_the_same_person_is_no_new_arrival(room):
    first = await open_chat(room.member, room.session)
    second = await open_chat(room.member2, room.session)
    try:
        await first.receive_type("presence.join")
        tab = await open_chat(room.member2, room.session)
        assert await first.nothing_more()
        await tab.disconnect()
        assert await first.nothing_more()
    finally:
        await second.disconnect()
        await first.disconnect()


async def test_pseudonyms_hold_in_presence_and_state(room, other_user):
    from groups.models import Group

    await database_sync_to_async(Group.objects.filter(pk=room.group.pk).update)(
        allow_pseudonyms=True)
    await database_sync_to_async(room.group.refresh_from_db)()
    await database_sync_to_async(join_group)(room.group, other_user, pseudonym="Wren")
    await database_sync_to_async(accept_rules)(room.session, other_user)
    watcher = await open_chat(room.member, room.session)
    client = await open_chat(other_user, room.session)
    try:
        assert client.state["you"]["name"] == "Wren"
        joined = await watcher.receive_type("presence.join")
        assert joined["person"]["name"] == "Wren"
        assert "Quinn" not in str(client.state)
        membership = await database_sync_to_async(room.membership)(other_user)
        assert joined["person"]["id"] == membership.pk  # the member id, never the account id
    finally:
        await client.disconnect()
        await watcher.disconnect()


async def test_malformed_after_gets_an_error_and_the_latest_messages(room):
    client = await open_chat(room.member, room.session, after="abc")
    try:
        assert client.history == []
        assert (await client.receive_type("error"))["code"] == "invalid"
    finally:
        await client.disconnect()


async def test_a_large_room_gets_one_coalesced_presence_list_instead_of_each_arrival(
        room, settings, other_user):
    settings.CHAT_PRESENCE_DELTA_LIMIT = 1
    settings.CHAT_PRESENCE_COALESCE_SECONDS = 1
    await database_sync_to_async(join_group)(room.group, other_user)
    await database_sync_to_async(accept_rules)(room.session, other_user)
    first = await open_chat(room.member, room.session)
    second = await open_chat(room.member2, room.session)
    third = await open_chat(other_user, room.session)
    try:
        presence = await first.receive_type("presence")
        assert {p["name"] for p in presence["people"]} == {
            "Morgan Member", "Erin Employee", "Quinn Quiet"}
        # One list for both arrivals (the second one fell in the same pause), no deltas.
        assert await first.nothing_more(0.5)
    finally:
        for client in (third, second, first):
            await client.disconnect()
        # The departures' list goes out after the pause: let it, before this loop ends.
        await asyncio.sleep(1.5)
