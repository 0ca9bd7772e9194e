"""Message services: broadcast only after commit, word lists, limits."""

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

from chat import events, filters
from chat.models import FilterTerm, Message
from chat.policies import room_access
from chat.ratelimit import message_allowance, slow_mode_wait
from chat.services import ChatRefusal, message_post
from tests.chat.conftest import new_client_id

pytestmark = pytest.mark.django_db(transaction=True)


class Listener:
    """A channel in the room's group (used from the test's own event loop)."""

    async def join(self, session_id: int) -> "Listener":
        self.layer = get_channel_layer()
        self.channel = await self.layer.new_channel()
        await self.layer.group_add(events.room_group(session_id), self.channel)
        return self

    async def receive(self, timeout: float = 1.0) -> dict | None:
        try:
            return await asyncio.wait_for(self.layer.receive(self.channel), timeout)
        except TimeoutError:
            return None


async def test_the_broadcast_waits_for_the_commit(room):
    listener = await Listener().join(room.session.pk)
    loop = asyncio.get_running_loop()
    seen_before_commit = []

    def post_and_peek():
        access = room_access(session_id=room.session.pk, user=room.member)
        with transaction.atomic():
            frame, created = message_post(access=access, body="Hi", client_id=new_client_id())
            seen_before_commit.append(asyncio.run_coroutine_threadsafe(
                listener.receive(timeout=0.2), loop).result())
        return frame, created

    frame, created = await database_sync_to_async(post_and_peek)()
    assert created and seen_before_commit == [None]
    event = await listener.receive()
    assert event["message_id"] == frame["id"]
    assert await database_sync_to_async(Message.objects.filter(pk=frame["id"]).exists)()


async def test_a_rolled_back_message_is_never_broadcast(room):
    listener = await Listener().join(room.session.pk)

    def post_and_fail():
        access = room_access(session_id=room.session.pk, user=room.member)
        with transaction.atomic():
            message_post(access=access, body="Lost", client_id=new_client_id())
            raise RuntimeError("the request failed after posting")

    with pytest.raises(RuntimeError):
        await database_sync_to_async(post_and_fail)()
    assert await listener.receive(timeout=0.3) is None
    assert not await database_sync_to_async(Message.objects.exists)()


def test_a_broadcast_failure_does_not_lose_the_stored_message(room, monkeypatch):
    layer = get_channel_layer()

    async def broken(*args, **kwargs):
        raise ConnectionError("redis went away")

    monkeypatch.setattr(layer, "group_send", broken)
    access = room_access(session_id=room.session.pk, user=room.member)
    frame, created = message_post(access=access, body="Kept", client_id=new_client_id())
    assert created and Message.objects.get(pk=frame["id"]).body == "Kept"


@pytest.mark.parametrize("body, blocked", [
    ("go die", True),
    ("GO\n  DIE please", True),
    ("go dies", False),
    ("ago diet", False),
])
def test_blocked_phrases_match_whole_words_case_insensitively(db, body, blocked):
    FilterTerm.objects.create(kind=FilterTerm.Kind.BLOCKED, phrase="go die")
    filters.word_lists_forget()
    assert filters.is_blocked(body) is blocked


def test_curly_apostrophes_match_straight_ones(db):
    FilterTerm.objects.create(kind=FilterTerm.Kind.DISTRESS, phrase="can't go on")
    filters.word_lists_forget()
    assert filters.looks_like_distress("I can\u2019t go on like this")


def test_inactive_terms_are_ignored(db):
    FilterTerm.objects.create(kind=FilterTerm.Kind.BLOCKED, phrase="go die", is_active=False)
    filters.word_lists_forget()
    assert not filters.is_blocked("go die")


def test_burst_allowance_is_shared_by_every_socket_of_a_person(settings):
    settings.CHAT_RATE_BURST = (3, 10)
    assert [message_allowance(session_id=1, user_id=1) for _ in range(3)] == [None] * 3
    assert message_allowance(session_id=1, user_id=1) >= 1
    assert message_allowance(session_id=1, user_id=2) is None
    assert message_allowance(session_id=2, user_id=1) is None


def test_slow_mode_waits_the_rest_of_the_interval(db):
    assert slow_mode_wait(session_id=1, user_id=1, seconds=20) is None
    wait = slow_mode_wait(session_id=1, user_id=1, seconds=20)
    assert 19 <= wait <= 20
    assert slow_mode_wait(session_id=1, user_id=1, seconds=0) is None


def test_refusals_are_validation_errors_with_the_protocol_code(room):
    from django.core.exceptions import ValidationError

    access = room_access(session_id=room.session.pk, user=room.member)
    with pytest.raises(ValidationError) as caught:
        message_post(access=access, body="x" * 2001, client_id="abc")
    assert isinstance(caught.value, ChatRefusal)
    assert caught.value.code == "too_long"
