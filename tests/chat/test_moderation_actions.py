"""Moderator frames: each is broadcast, audited, and binds the member at once."""

import pytest
from channels.db import database_sync_to_async

from chat.models import Flag, Message, ModerationAction, RoomSanction
from groups.models import Membership
from tests.chat.conftest import open_chat

pytestmark = pytest.mark.django_db(transaction=True)


async def member_id(room, user) -> int:
    return (await database_sync_to_async(room.membership)(user)).pk


async def last_action(**filters) -> ModerationAction:
    return await database_sync_to_async(
        lambda: ModerationAction.objects.filter(**filters).latest("created_at"))()


async def test_hiding_a_message_removes_it_for_everyone_and_tells_the_author_why(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await alice.say("Something unkind")
        message = await alice.receive_type("message")
        await facilitator.send({"type": "mod.hide", "message_id": message["id"],
                                "reason": "That broke our respect rule."})
        for client in (facilitator, alice, bob):
            hidden = await client.receive_type("message.hidden")
            assert hidden == {"type": "message.hidden", "message_id": message["id"]}
        sanction = await alice.receive_type("sanction")
        assert sanction["kind"] == "message_hidden"
        assert sanction["reason"] == "That broke our respect rule."
        assert await bob.nothing_more()
        stored = await database_sync_to_async(Message.objects.get)(pk=message["id"])
        assert stored.hidden_at is not None and stored.body == "Something unkind"
        action = await last_action(action="hide")
        assert action.actor_id == room.facilitator.pk
        assert action.target_user_id == room.member.pk
        assert action.message_id_ref == message["id"]
        assert action.reason == "That broke our respect rule."
    finally:
        for client in (bob, alice, facilitator):
            await client.disconnect()


async def test_a_member_cannot_use_moderator_frames(room):
    alice = await open_chat(room.member, room.session)
    try:
        for frame in ({"type": "mod.lock"}, {"type": "mod.hide", "message_id": 1, "reason": "x"},
                      {"type": "mod.mute", "member_id": 1, "minutes": 5, "reason": "x"}):
            await alice.send(frame)
            assert (await alice.receive_type("error"))["code"] == "forbidden"
        assert await database_sync_to_async(ModerationAction.objects.count)() == 0
    finally:
        await alice.disconnect()


async def test_moderator_frames_need_a_reason_and_a_known_target(room):
    facilitator = await open_chat(room.facilitator, room.session)
    try:
        target = await member_id(room, room.member)
        await facilitator.send({"type": "mod.mute", "member_id": target, "minutes": 5})
        assert (await facilitator.receive_type("error"))["code"] == "invalid"
        await facilitator.send({"type": "mod.mute", "member_id": target, "minutes": 0,
                                "reason": "x"})
        assert (await facilitator.receive_type("error"))["code"] == "invalid"
        await facilitator.send({"type": "mod.mute", "member_id": 999_999, "minutes": 5,
                                "reason": "x"})
        assert (await facilitator.receive_type("error"))["code"] == "not_found"
        await facilitator.send({"type": "mod.hide", "message_id": 999_999, "reason": "x"})
        assert (await facilitator.receive_type("error"))["code"] == "not_found"
        own = await member_id(room, room.facilitator)
        await facilitator.send({"type": "mod.remove", "member_id": own, "reason": "x"})
        assert (await facilitator.receive_type("error"))["code"] == "forbidden"
    finally:
        await facilitator.disconnect()


async def test_muting_binds_at_once_tells_the_member_why_and_everyone_sees_it(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        target = await member_id(room, room.member)
        await facilitator.send({"type": "mod.mute", "member_id": target, "minutes": 10,
                                "reason": "Let's give others room to speak."})
        muted = await bob.receive_type("member.muted")
        assert muted["person"]["name"] == "Morgan Member" and muted["until"]
        assert "reason" not in muted
        sanction = await alice.receive_type("sanction")
        assert sanction["kind"] == "muted"
        assert sanction["reason"] == "Let's give others room to speak."
        cid = await alice.say("But wait")
        error = await alice.receive_type("error")
        assert error["code"] == "muted" and error["client_id"] == cid
        assert error["reason"] == "Let's give others room to speak." and error["until"]
        reconnected = await open_chat(room.member, room.session)
        assert reconnected.state["sanction"]["kind"] == "muted"
        await reconnected.disconnect()

        await facilitator.send({"type": "mod.unmute", "member_id": target})
        assert (await bob.receive_type("member.unmuted"))["person"]["id"] == target
        assert (await alice.receive_type("sanction"))["kind"] == "unmuted"
        await alice.say("Thank you")
        assert (await alice.receive_type("message"))["body"] == "Thank you"
        assert [a.action for a in await database_sync_to_async(list)(
            ModerationAction.objects.order_by("created_at"))] == ["mute", "unmute"]
    finally:
        for client in (bob, alice, facilitator):
            await client.disconnect()


async def test_a_timed_mute_lifts_by_itself(room):
    import datetime as dt

    from django.utils import timezone

    alice = await open_chat(room.member, room.session)
    try:
        await database_sync_to_async(RoomSanction.objects.create)(
            session=room.session, user=room.member, kind=RoomSanction.Kind.MUTE, reason="x",
            until=timezone.now() - dt.timedelta(seconds=1), created_by=room.facilitator)
        await alice.say("Free again")
        assert (await alice.receive_type("message"))["body"] == "Free again"
    finally:
        await alice.disconnect()


async def test_removing_a_member_closes_their_socket_and_keeps_them_out(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        target = await member_id(room, room.member)
        await facilitator.send({"type": "mod.remove", "member_id": target,
                                "reason": "You shared a colleague's name twice."})
        removed = await bob.receive_type("member.removed")
        assert removed["person"]["id"] == target and removed["scope"] == "session"
        code, seen = await alice.expect_close()
        assert code == 4410
        assert seen[-1]["type"] == "sanction" and seen[-1]["kind"] == "removed"
        assert seen[-1]["reason"] == "You shared a colleague's name twice."
        again = await open_chat(room.member, room.session)
        assert again.refused[0] == 4410
        assert "colleague's name" in again.refused[1][0]["detail"]
        await again.disconnect()
        # Still a member of the group: the removal is scoped to this session.
        status = await database_sync_to_async(
            lambda: Membership.objects.get(group=room.group, user=room.member).status)()
        assert status == Membership.Status.ACTIVE
    finally:
        for client in (bob, alice, facilitator):
            await client.disconnect()


async def test_banning_removes_the_member_from_the_group(room):
    from groups.models import Removal

    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    try:
        target = await member_id(room, room.member)
        await facilitator.send({"type": "mod.ban", "member_id": target,
                                "reason": "Repeated harassment."})
        code, seen = await alice.expect_close()
        assert code == 4410
        # Whichever reaches the socket first (the chat's sanction frame or the groups app's
        # access re-check), the member is told why, with the facilitator's reason.
        last = seen[-1]
        assert last.get("kind") == "banned" or last.get("code") == "banned"
        assert "Repeated harassment." in (last.get("reason", "") + last.get("detail", ""))
        assert (await facilitator.receive_type("member.removed"))["scope"] == "group"
        membership = await database_sync_to_async(room.membership)(room.member)
        assert membership.status == Membership.Status.REMOVED
        removal = await database_sync_to_async(Removal.objects.get)(user=room.member)
        assert removal.banned and removal.reason == "Repeated harassment."
        again = await open_chat(room.member, room.session)
        assert again.refused[0] == 4410
        assert again.refused[1][0]["detail"] == (
            "A facilitator removed you from this group: Repeated harassment.")
        await again.disconnect()
    finally:
        await alice.disconnect()
        await facilitator.disconnect()


async def test_locking_makes_the_room_read_only_for_members_not_facilitators(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    try:
        await facilitator.send({"type": "mod.lock", "reason": "A short pause."})
        assert await alice.receive_type("room.locked") == {"type": "room.locked",
                                                           "reason": "A short pause."}
        await alice.say("Hello?")
        assert (await alice.receive_type("error"))["code"] == "room_locked"
        await facilitator.say("Let's breathe for a minute.")
        assert (await alice.receive_type("message"))["author"]["facilitator"] is True
        await facilitator.send({"type": "mod.unlock"})
        assert await alice.receive_type("room.unlocked") == {"type": "room.unlocked"}
        await alice.say("Thanks")
        assert (await alice.receive_type("message"))["body"] == "Thanks"
        assert (await last_action(action="lock")).reason == "A short pause."
    finally:
        await alice.disconnect()
        await facilitator.disconnect()


async def test_slow_mode_lets_one_message_through_per_interval(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    try:
        await facilitator.send({"type": "mod.slow_mode", "seconds": 30})
        assert await alice.receive_type("room.slow_mode") == {"type": "room.slow_mode",
                                                              "seconds": 30}
        await alice.say("one")
        await alice.receive_type("message")
        await alice.say("two")
        error = await alice.receive_type("error")
        assert error["code"] == "slow_mode" and 25 <= error["retry_after"] <= 30
        await facilitator.send({"type": "mod.slow_mode", "seconds": 0})
        await alice.receive_type("room.slow_mode")
        await alice.say("three")
        assert (await alice.receive_type("message"))["body"] == "three"
        await facilitator.send({"type": "mod.slow_mode", "seconds": -1})
        assert (await facilitator.receive_type("error"))["code"] == "invalid"
    finally:
        await alice.disconnect()
        await facilitator.disconnect()


async def test_talking_piece_circle_mode_queue_and_turns(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    alice_id, bob_id = await member_id(room, room.member), await member_id(room, room.member2)
    try:
        await facilitator.send({"type": "mod.circle", "enabled": True})
        piece = await bob.receive_type("talking_piece")
        assert piece == {"type": "talking_piece", "circle": True, "holder": None, "queue": []}
        await alice.say("May I?")
        assert (await alice.receive_type("error"))["code"] == "not_your_turn"

        await alice.send({"type": "hand.raise"})
        await bob.send({"type": "hand.raise"})
        await bob.receive_type("talking_piece")
        piece = await bob.receive_type("talking_piece")
        assert [p["id"] for p in piece["queue"]] == [alice_id, bob_id]

        await facilitator.send({"type": "mod.pass_turn", "member_id": None})
        piece = await bob.receive_type("talking_piece")
        assert piece["holder"]["id"] == alice_id
        assert [p["id"] for p in piece["queue"]] == [bob_id]
        await alice.say("Thank you for listening.")
        assert (await bob.receive_type("message"))["body"] == "Thank you for listening."
        await bob.say("Me too")
        assert (await bob.receive_type("error"))["code"] == "not_your_turn"

        await alice.send({"type": "turn.release"})
        assert (await bob.receive_type("talking_piece"))["holder"] is None
        await facilitator.send({"type": "mod.pass_turn", "member_id": bob_id})
        piece = await alice.receive_type("talking_piece")
        while piece["holder"] is None or piece["holder"]["id"] != bob_id:
            piece = await alice.receive_type("talking_piece")
        assert piece["holder"]["id"] == bob_id and piece["queue"] == []
        await bob.say("My turn")
        assert (await alice.receive_type("message"))["body"] == "My turn"

        await facilitator.send({"type": "mod.circle", "enabled": False})
        await alice.receive_type("talking_piece")
        await alice.say("Open floor")
        assert (await alice.receive_type("message"))["body"] == "Open floor"
        actions = await database_sync_to_async(
            lambda: list(ModerationAction.objects.values_list("action", flat=True)))()
        assert actions.count("pass_turn") == 2 and actions.count("circle") == 2
    finally:
        for client in (bob, alice, facilitator):
            await client.disconnect()


async def test_lowering_a_hand_leaves_the_queue(room):
    alice = await open_chat(room.member, room.session)
    try:
        await alice.send({"type": "hand.raise"})
        assert len((await alice.receive_type("talking_piece"))["queue"]) == 1
        await alice.send({"type": "hand.lower"})
        assert (await alice.receive_type("talking_piece"))["queue"] == []
        await alice.send({"type": "turn.release"})
        assert (await alice.receive_type("error"))["code"] == "invalid"
    finally:
        await alice.disconnect()


async def test_flagging_alerts_facilitators_without_naming_the_reporter(room):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await alice.say("You always overreact")
        message = await bob.receive_type("message")
        await bob.send({"type": "flag", "message_id": message["id"], "rule": 4})
        flagged = await bob.receive_type("flagged")
        assert flagged["message_id"] == message["id"]
        alert = await facilitator.receive_type("alert")
        assert alert["kind"] == "flag" and alert["message_id"] == message["id"]
        assert alert["person"]["name"] == "Morgan Member"
        assert "Erin" not in str(alert)
        assert alert["queue_url"] == f"/chat/moderation/{room.group.slug}/"
        await alice.receive_type("message")
        assert await alice.nothing_more()  # the flagged person is told nothing
        flag = await database_sync_to_async(Flag.objects.get)()
        assert (flag.rule_key, flag.reporter_id) == ("respect", room.member2.pk)

        await bob.send({"type": "flag", "message_id": message["id"], "rule": 4})
        assert (await bob.receive_type("error"))["code"] == "already_flagged"
    finally:
        for client in (bob, alice, facilitator):
            await client.disconnect()


@pytest.mark.parametrize("frame_extra, code", [
    ({"rule": 99}, "invalid"),
    ({"rule": "other"}, "invalid"),
    ({"rule": "other", "reason": "x" * 501}, "invalid"),
    ({"rule": True}, "invalid"),
])
async def test_bad_flags_are_refused(room, frame_extra, code):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await alice.say("Hello")
        message = await bob.receive_type("message")
        await bob.send({"type": "flag", "message_id": message["id"], **frame_extra})
        assert (await bob.receive_type("error"))["code"] == code
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def test_other_with_a_reason_flags_and_own_messages_cannot_be_flagged(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await alice.say("Hello")
        message = await bob.receive_type("message")
        await alice.send({"type": "flag", "message_id": message["id"], "rule": 0})
        assert (await alice.receive_type("error"))["code"] == "invalid"
        await bob.send({"type": "flag", "message_id": message["id"], "rule": "other",
                        "reason": "Feels off"})
        await bob.receive_type("flagged")
        await bob.send({"type": "flag", "message_id": 999_999, "rule": 0})
        assert (await bob.receive_type("error"))["code"] == "not_found"
        flag = await database_sync_to_async(Flag.objects.get)()
        assert (flag.rule_key, flag.reason) == ("other", "Feels off")
    finally:
        await bob.disconnect()
        await alice.disconnect()
