"""Pinned cost of a socket's arrival: database hops and queries (not timings).

The benchmark's crowd phase (bench/chat.py, 500 sockets at once) is bound by the one thread that
runs database work: every `database_sync_to_async` hop costs a thread switch and a connection
check, and every query its compilation and round trip.
"""

import pytest
from channels import db as channels_db

from chat import consumers
from chat.consumers import _arrive
from chat.policies import CLOSE_FORBIDDEN, CLOSE_SIGNED_OUT
from tests.chat.conftest import open_chat


@pytest.fixture
def hops(monkeypatch) -> list[str]:
    """The names of the functions the consumer runs in a database hop."""
    seen: list[str] = []

    def counting(func):
        seen.append(func.__name__)
        return channels_db.database_sync_to_async(func)

    monkeypatch.setattr(consumers, "database_sync_to_async", counting)
    return seen


@pytest.mark.django_db(transaction=True)
async def test_a_members_arrival_is_one_database_hop(room, hops):
    client = await open_chat(room.member, room.session)
    try:
        assert client.refused is None and client.history == [] and client.state["type"] == "state"
        assert hops == ["_arrive"]
    finally:
        await client.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_refused_arrival_is_one_hop_and_hears_nothing_of_the_room(room, outsider, hops):
    client = await open_chat(outsider, room.session)
    try:
        assert client.refused[0] == CLOSE_FORBIDDEN
        assert hops == ["_arrive"]
        member = await open_chat(room.member, room.session)
        try:
            await member.say("Hello, everyone.")
            assert await client.nothing_more()
        finally:
            await member.disconnect()
    finally:
        await client.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_an_anonymous_arrival_is_refused_without_a_hop(room, hops):
    client = await open_chat(None, room.session)
    try:
        assert client.refused[0] == CLOSE_SIGNED_OUT
        assert hops == []
    finally:
        await client.disconnect()


def test_a_members_arrival_in_an_open_room_costs_pinned_queries(room, django_assert_num_queries):
    # Access: 1 membership + account + session + group (+ EXISTS sanction), 2 the session's
    # rules acceptance (the group's rules: remembered per version since the member accepted
    # them). Arrival, in one transaction (here a savepoint, 3 and 11): 4-5 presence insert +
    # other live socket, 6 history (empty: no authors to read), 7 attendance (one insert that
    # does nothing when already recorded), 8 talking piece holder and raised hands (nobody: no
    # names read), 9 presence list, 10 the room's activity (activities.live; none here).
    with django_assert_num_queries(11):
        access, arrival = _arrive(room.session.pk, room.member, None, "arrival-test", None)
    assert access.allowed and arrival["pages"] == [[]]
    assert arrival["state"]["talking_piece"] == {"circle": False, "holder": None, "queue": []}


def test_a_refused_arrival_reads_nothing_of_the_room(room, outsider, django_assert_num_queries):
    # 1 the membership row (none), 2 the session + group (an open group: anyone may know of it).
    with django_assert_num_queries(2):
        access, arrival = _arrive(room.session.pk, outsider, None, "arrival-test", None)
    assert access.close_code == CLOSE_FORBIDDEN and arrival is None



def test_an_arrival_among_many_sockets_still_arriving_asks_for_the_coalesced_list(room, settings):
    """A join notice goes to every socket in the room's group, arrived or not: counted by the
    people present alone, each early arrival of a crowd sent one to the whole crowd."""
    settings.CHAT_PRESENCE_DELTA_LIMIT = 3
    _, arrival = _arrive(room.session.pk, room.member, None, "crowd-1", None, sockets_here=4)
    assert len(arrival["state"]["presence"]) == 1 and arrival["announce"] == "list"
    _, arrival = _arrive(room.session.pk, room.member2, None, "small-1", None, sockets_here=2)
    assert arrival["announce"] == "delta"


@pytest.mark.django_db(transaction=True)
async def test_broadcasts_and_frames_make_no_extra_hop_to_the_database_thread(room, monkeypatch):
    """Channels hops to the database thread before every event it dispatches; the chat keeps
    that only for connects and disconnects (a broadcast needs no database, and a frame's own
    hop closes stale connections)."""
    from channels import consumer as channels_consumer

    hops: list[str] = []
    close_old = channels_consumer.aclose_old_connections

    async def counting():
        hops.append("aclose_old_connections")
        await close_old()

    monkeypatch.setattr(channels_consumer, "aclose_old_connections", counting)
    alice = await open_chat(room.member, room.session)
    bob = await open_chat(room.member2, room.session)
    try:
        assert len(hops) == 2  # the two connects
        await alice.say("Hello, Bob.")
        assert (await bob.receive_type("message"))["body"] == "Hello, Bob."
        assert len(hops) == 2  # not for the frame, nor for the broadcast to both sockets
    finally:
        await alice.disconnect()
        await bob.disconnect()
