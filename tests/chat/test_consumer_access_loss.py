"""Losing access mid-session: the socket closes within 5 seconds, and no frame works before."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from channels.db import database_sync_to_async
from django.contrib.sessions.models import Session as LoginSession
from django.test import Client
from django.utils import timezone

from accounts.services import user_deactivate
from chat.consumers import _arrive
from chat.models import Message
from chat.policies import CLOSE_SIGNED_OUT
from groups.models import Membership
from groups.services import group_rules_update, membership_leave, membership_remove
from tests.chat.conftest import accept_rules, open_chat, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

FIVE_SECONDS = 5


async def test_logging_out_closes_the_open_socket_within_five_seconds(room):
    alice = await open_chat(room.member, room.session)
    try:
        def log_out():
            client = Client()
            client.cookies["sessionid"] = session_cookie(room.member)
            client.post("/accounts/logout/")

        await database_sync_to_async(log_out)()
        code, seen = await alice.expect_close(timeout=FIVE_SECONDS)
        assert code == 4401
        assert seen[-1]["code"] == "signed_out"
    finally:
        await alice.disconnect()


async def test_a_socket_whose_login_ended_silently_can_do_nothing_more(room):
    """No logout notice reached the socket (the channel layer may lose one): its next frame
    finds its login session gone, is refused, and the socket closes."""
    cookie = await database_sync_to_async(session_cookie)(room.member)
    alice = await open_chat(room.member, room.session, cookie=cookie)
    try:
        await database_sync_to_async(
            LoginSession.objects.filter(session_key=cookie).delete)()
        await alice.say("Am I still here?")
        code, seen = await alice.expect_close()
        assert code == 4401 and seen[0]["code"] == "signed_out"
        assert await database_sync_to_async(Message.objects.count)() == 0
    finally:
        await alice.disconnect()


async def test_an_expired_login_ends_the_sockets_rights(room):
    cookie = await database_sync_to_async(session_cookie)(room.member)
    alice = await open_chat(room.member, room.session, cookie=cookie)
    try:
        await database_sync_to_async(LoginSession.objects.filter(session_key=cookie).update)(
            expire_date=timezone.now())
        await alice.say("Still here?")
        code, seen = await alice.expect_close()
        assert code == 4401 and seen[0]["code"] == "signed_out"
    finally:
        await alice.disconnect()


async def test_the_periodic_recheck_closes_a_quiet_socket_whose_login_ended(room, settings):
    settings.CHAT_ACCESS_RECHECK_SECONDS = 0.2
    cookie = await database_sync_to_async(session_cookie)(room.member)
    alice = await open_chat(room.member, room.session, cookie=cookie)
    try:
        await database_sync_to_async(
            LoginSession.objects.filter(session_key=cookie).delete)()
        code, seen = await alice.expect_close(timeout=FIVE_SECONDS)
        assert code == 4401 and seen[-1]["code"] == "signed_out"
    finally:
        await alice.disconnect()


def test_an_arrival_whose_login_was_deleted_after_the_handshake_read_it_is_refused(room):
    """The logout race: the handshake read the login just before a logout deleted it. The
    arrival checks the login again, after the socket joined the person's group, and finds it
    gone (or, were it still there, the logout's notice reaches the socket: it is sent after the
    deletion, see accounts.services.user_logout_finish)."""
    cookie = session_cookie(room.member)
    LoginSession.objects.filter(session_key=cookie).delete()
    access, arrival = _arrive(room.session.pk, room.member, cookie, "race-test", None)
    assert arrival is None and access.close_code == CLOSE_SIGNED_OUT
    other_login = session_cookie(room.member)
    access, arrival = _arrive(room.session.pk, room.member, other_login, "race-test", None)
    assert access.allowed and arrival is not None


async def test_deactivating_an_account_closes_its_sockets(room):
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        await database_sync_to_async(user_deactivate)(user=room.member)
        code, _ = await alice.expect_close(timeout=FIVE_SECONDS)
        assert code == 4401
        await alice.disconnect()  # what the server does once the close handshake is done
        assert (await bob.receive_type("presence.leave"))["person"]["name"] == "Morgan Member"
    finally:
        await bob.disconnect()
        await alice.disconnect()


async def test_a_member_removed_from_the_group_can_do_nothing_more(room):
    """Even if no event reached the socket, the next frame is checked and refused."""
    alice = await open_chat(room.member, room.session)
    try:
        membership = await database_sync_to_async(room.membership)(room.member)
        await database_sync_to_async(Membership.objects.filter(pk=membership.pk).update)(
            status=Membership.Status.REMOVED)
        await alice.say("Can I still post?")
        code, seen = await alice.expect_close()
        assert code == 4410
        assert seen[0]["code"] == "banned"
        assert await database_sync_to_async(Message.objects.count)() == 0
    finally:
        await alice.disconnect()


async def test_removal_by_the_groups_app_closes_the_socket_within_five_seconds(room):
    alice = await open_chat(room.member, room.session)
    try:
        def remove():
            membership = room.membership(room.member)
            membership_remove(group=room.group, by=room.facilitator, membership=membership,
                              reason="Left the company.")

        await database_sync_to_async(remove)()
        code, _ = await alice.expect_close(timeout=FIVE_SECONDS)
        assert code == 4410
    finally:
        await alice.disconnect()


async def test_leaving_the_group_closes_the_socket_within_five_seconds(room):
    alice = await open_chat(room.member, room.session)
    try:
        await database_sync_to_async(membership_leave)(group=room.group, user=room.member)
        code, _ = await alice.expect_close(timeout=FIVE_SECONDS)
        assert code == 4403
    finally:
        await alice.disconnect()


async def test_the_periodic_recheck_closes_a_socket_whose_access_went_silently(room, settings):
    settings.CHAT_ACCESS_RECHECK_SECONDS = 0.2
    alice = await open_chat(room.member, room.session)
    try:
        membership = await database_sync_to_async(room.membership)(room.member)
        await database_sync_to_async(Membership.objects.filter(pk=membership.pk).update)(
            status=Membership.Status.LEFT)
        code, seen = await alice.expect_close(timeout=FIVE_SECONDS)
        assert code == 4403 and seen[-1]["code"] == "forbidden"
    finally:
        await alice.disconnect()


async def test_new_group_rules_mid_session_must_be_accepted_before_anything_more(room):
    alice = await open_chat(room.member, room.session)
    try:
        rules = [{"key": "respect", "text": "Be kind."}]
        await database_sync_to_async(group_rules_update)(group=room.group, by=room.facilitator,
                                                         rules=rules)
        await alice.say("Hello")
        code, seen = await alice.expect_close()
        assert code == 4409
        assert seen[0]["code"] == "rules_not_accepted" and "accept_url" in seen[0]
        assert await database_sync_to_async(Message.objects.count)() == 0
    finally:
        await alice.disconnect()


async def test_a_facilitator_stepping_down_stops_getting_moderator_alerts(room, word_lists):
    facilitator = await open_chat(room.facilitator, room.session)
    alice = await open_chat(room.member, room.session)
    try:
        # Alice becomes co-facilitator; the founding facilitator steps down to member.
        def swap():
            accept_rules(room.session, room.facilitator)
            Membership.objects.filter(group=room.group, user=room.member).update(
                role=Membership.Role.FACILITATOR)
            TOTP.activate(room.member, generate_totp_secret())  # moderating asks for 2FA
            Membership.objects.filter(group=room.group, user=room.facilitator).update(
                role=Membership.Role.MEMBER)

        await database_sync_to_async(swap)()
        await facilitator.send({"type": "mod.lock"})
        assert (await facilitator.receive_type("error"))["code"] == "forbidden"
        # Her socket's login answered no second factor (she had none): she moderates once she
        # comes back through a login that answered her new authenticator.
        await alice.disconnect()
        alice = await open_chat(room.member, room.session)
        await alice.send({"type": "ping"})
        await alice.receive_type("pong")
        await facilitator.send({"type": "state"})
        await facilitator.receive_type("state")
        bob = await open_chat(room.member2, room.session)
        await bob.say("I want to die")
        assert (await alice.receive_type("alert"))["kind"] == "distress"
        await facilitator.receive_type("message")
        assert not [f for f in await _drain(facilitator) if f["type"] == "alert"]
        await bob.disconnect()
    finally:
        await alice.disconnect()
        await facilitator.disconnect()


async def _drain(client) -> list[dict]:
    frames = []
    while not await client.nothing_more(0.3):
        frames.append(await client.receive())
    return frames
