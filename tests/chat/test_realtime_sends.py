"""How committed events leave a consumer's database hop (peersupport.realtime).

A hop must not wait for the channel layer: the event loop sends what the hop committed, in
commit order, and only what was committed.
"""

import asyncio
import threading

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

from accounts.models import User
from peersupport import outages, realtime


@pytest.fixture
def sends(monkeypatch) -> list[tuple[str, str, int]]:
    """(group, event text, thread id) of every group_send, recorded where it happens.

    What is handed to the layer is what these tests are about, so the layer itself (Redis on the
    production stack) is left out: a Redis hiccup from an earlier test must not decide them."""
    seen: list[tuple[str, str, int]] = []
    layer = get_channel_layer()
    outages.forget()

    async def recording(group, event):
        seen.append((group, event["text"], threading.get_ident()))

    monkeypatch.setattr(layer, "group_send", recording)
    return seen


def _commit_three(fail_second: bool = False) -> None:
    for number in range(3):
        try:
            with transaction.atomic():
                User.objects.create(email=f"hop-{number}@example.org")
                realtime.send_to_group_on_commit(group="room", event={
                    "type": "chat.frame", "text": str(number)})
                if fail_second and number == 1:
                    raise ValueError("rolled back")
        except ValueError:
            pass


async def _drained(sends: list, count: int) -> None:
    """Until `count` sends were made (5 s at most), then a few more turns of the loop, so a send
    that should not happen would have had its chance."""
    async with asyncio.timeout(5):
        while len(sends) < count:
            await asyncio.sleep(0.01)
    for _ in range(20):
        await asyncio.sleep(0)


@pytest.mark.django_db(transaction=True)
async def test_a_hop_hands_its_committed_events_to_the_event_loop_in_commit_order(sends):
    loop_thread = threading.get_ident()
    hop = realtime.sends_from_loop(_commit_three, asyncio.get_running_loop())
    await database_sync_to_async(hop)()
    await _drained(sends, 3)
    assert [(group, text) for group, text, _ in sends] == [("room", "0"), ("room", "1"),
                                                           ("room", "2")]
    assert {thread for _, _, thread in sends} == {loop_thread}


@pytest.mark.django_db(transaction=True)
async def test_a_hop_never_sends_what_was_rolled_back(sends):
    hop = realtime.sends_from_loop(_commit_three, asyncio.get_running_loop())
    await database_sync_to_async(hop)(fail_second=True)
    await _drained(sends, 2)
    assert [text for _, text, _ in sends] == ["0", "2"]


@pytest.mark.django_db(transaction=True)
async def test_the_database_thread_does_not_wait_for_the_channel_layer(monkeypatch):
    released = asyncio.Event()
    sent: list[str] = []
    layer = get_channel_layer()

    async def slow_group_send(group, event):
        await released.wait()  # a channel layer that takes its time
        sent.append(event["text"])

    monkeypatch.setattr(layer, "group_send", slow_group_send)
    outages.forget()
    hop = realtime.sends_from_loop(_commit_three, asyncio.get_running_loop())
    async with asyncio.timeout(5):
        await database_sync_to_async(hop)()  # returns although nothing was sent yet
        assert sent == []
        released.set()
        while len(sent) < 3:
            await asyncio.sleep(0.01)
    assert sent == ["0", "1", "2"]


@pytest.mark.django_db(transaction=True)
def test_outside_a_consumer_hop_events_are_sent_before_on_commit_returns(monkeypatch):
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr(realtime, "send_to_group_now",
                        lambda group, event: sent.append((group, event)))
    _commit_three(fail_second=True)
    assert [event["text"] for _, event in sent] == ["0", "2"]
