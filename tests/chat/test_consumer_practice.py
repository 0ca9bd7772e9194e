"""Listening practice in triads over the real websocket: splitting, rotation, breakout privacy,
the observer's checklist reaching only the listener, and a member removed mid-round."""

import pytest
from channels.db import database_sync_to_async

from chat.models import Message
from groups.models import Membership
from sessions.models import Session
from tests.chat.conftest import accept_rules, join_group, make_session, new_client_id, open_chat
from tests.factories import UserFactory
from training.models import BreakoutMessage, ObserverChecklist

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def practice_room(chat_group, facilitator, members: int):
    people = [UserFactory(display_name=f"Person {n}") for n in range(members)]
    for person in people:
        join_group(chat_group, person)
    session = make_session(chat_group, facilitator, kind=Session.Kind.LISTENING_PRACTICE)
    accept_rules(session, *people)
    return session, people


async def _open_all(session, facilitator, people):
    lead = await open_chat(facilitator, session)
    clients = [await open_chat(p, session) for p in people]
    return lead, clients


async def _close(*clients):
    for client in clients:
        await client.disconnect()


async def _rounds(clients):
    return [await c.receive_type("practice.round") for c in clients]


async def test_three_members_become_one_triad_with_three_roles(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 3)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start", "minutes": 5})
        rounds = await _rounds(clients)
        assert {r["role"] for r in rounds} == {"speaker", "listener", "observer"}
        assert {r["breakout"] for r in rounds} == {0}
        assert len({r["ends_at"] for r in rounds}) == 1  # one shared timer
        overview = await lead.receive_type("practice.breakouts")
        assert len(overview["breakouts"]) == 1 and len(overview["breakouts"][0]["people"]) == 3
        # people are named by membership id and in-group name, never the account id
        ids = {p["id"] for p in overview["breakouts"][0]["people"]}
        memberships = await database_sync_to_async(lambda: set(Membership.objects.filter(
            group=chat_group, user__in=people).values_list("pk", flat=True)))()
        assert ids == memberships
    finally:
        await _close(lead, *clients)


async def test_roles_rotate_each_round(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 3)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        seen = []
        for _ in range(3):
            await lead.send({"type": "practice.start"})
            seen.append([r["role"] for r in await _rounds(clients)])
            await lead.send({"type": "practice.end"})
            for c in clients:
                await c.receive_type("practice.ended")
        for person in range(3):  # everyone was speaker, listener and observer once
            assert {seen[n][person] for n in range(3)} == {"speaker", "listener", "observer"}
    finally:
        await _close(lead, *clients)


async def test_four_members_make_two_pairs_and_a_pair_hears_only_itself(chat_group,
                                                                         facilitator):
    session, people = await practice_room(chat_group, facilitator, 4)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start"})
        rounds = await _rounds(clients)
        assert sorted(r["breakout"] for r in rounds) == [0, 0, 1, 1]
        assert all(len(r["people"]) == 2 for r in rounds)
        speaker = next(i for i, r in enumerate(rounds) if r["breakout"] == 0
                       and r["role"] == "speaker")
        await clients[speaker].send({"type": "practice.message", "body": "It was a hard week",
                                     "client_id": new_client_id()})
        for i, r in enumerate(rounds):
            if r["breakout"] == 0:
                got = await clients[i].receive_type("practice.message")
                assert got["body"] == "It was a hard week"
        assert (await lead.receive_type("practice.message"))["breakout"] == 0
        for i, r in enumerate(rounds):
            if r["breakout"] == 1:
                frames = []
                while not await clients[i].nothing_more():
                    frames.append(await clients[i].receive())
                assert all(f["type"] != "practice.message" for f in frames)
        assert await database_sync_to_async(BreakoutMessage.objects.count)() == 1
        assert await database_sync_to_async(Message.objects.count)() == 0  # not room history
    finally:
        await _close(lead, *clients)


async def test_the_checklist_reaches_only_the_listener(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 3)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start"})
        rounds = await _rounds(clients)
        role = {r["role"]: i for i, r in enumerate(rounds)}
        await lead.receive_type("practice.breakouts")
        # The speaker may not fill it.
        await clients[role["speaker"]].send({"type": "practice.checklist",
                                             "did_well": ["reflection"], "try_next": ""})
        assert (await clients[role["speaker"]].receive_type("error"))["code"] == "forbidden"
        await clients[role["observer"]].send({
            "type": "practice.checklist", "did_well": ["reflection", "open_question"],
            "try_next": "Leave a longer pause after your question."})
        sent = await clients[role["observer"]].receive_type("practice.checklist_sent")
        assert "Only the listener" in sent["detail"]
        got = await clients[role["listener"]].receive_type("practice.checklist")
        assert got["did_well"] == ["reflection", "open_question"]
        assert got["try_next"] == "Leave a longer pause after your question."
        for other in (clients[role["speaker"]], clients[role["observer"]], lead):
            while not await other.nothing_more():
                assert (await other.receive())["type"] != "practice.checklist"
        assert await database_sync_to_async(ObserverChecklist.objects.count)() == 1
    finally:
        await _close(lead, *clients)


async def test_bad_checklists_get_clear_errors(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 3)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start"})
        rounds = await _rounds(clients)
        observer = clients[next(i for i, r in enumerate(rounds) if r["role"] == "observer")]
        for bad in ({"did_well": "reflection"}, {"did_well": ["advice"]},
                    {"did_well": [], "try_next": ""}, {"did_well": [], "try_next": "x" * 301}):
            await observer.send({"type": "practice.checklist", **bad})
            assert (await observer.receive_type("error"))["code"] == "invalid"
    finally:
        await _close(lead, *clients)


async def test_a_member_removed_mid_round_hears_nothing_more(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 3)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start"})
        rounds = await _rounds(clients)
        role = {r["role"]: i for i, r in enumerate(rounds)}
        listener = rounds[role["listener"]]
        listener_id = next(p["id"] for p in listener["people"] if p["role"] == "listener")
        await lead.send({"type": "mod.remove", "member_id": listener_id,
                         "reason": "Broke the confidentiality rule."})
        code, _ = await clients[role["listener"]].expect_close()
        assert code is not None
        # The breakout goes on without them; the checklist has no listener to reach.
        await clients[role["speaker"]].send({"type": "practice.message", "body": "Still here",
                                             "client_id": new_client_id()})
        assert (await clients[role["observer"]].receive_type("practice.message"))["body"] == \
            "Still here"
        await clients[role["observer"]].send({"type": "practice.checklist",
                                              "did_well": ["validation"], "try_next": ""})
        assert (await clients[role["observer"]].receive_type("error"))["code"] == "not_found"
        # and they cannot come back to speak in it
        again = await open_chat(people[role["listener"]], session)
        assert not again.connected or again.refused
        await again.disconnect()
    finally:
        await _close(lead, *clients)


async def test_only_facilitators_start_rounds_and_only_in_practice_sessions(room):
    member = await open_chat(room.member, room.session)
    lead = await open_chat(room.facilitator, room.session)
    try:
        await member.send({"type": "practice.start"})
        assert (await member.receive_type("error"))["code"] == "forbidden"
        await lead.send({"type": "practice.start"})
        error = await lead.receive_type("error")
        assert error["code"] == "invalid" and "Listening practice" in error["detail"]
    finally:
        await _close(member, lead)


async def test_a_facilitator_can_join_any_breakout(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 5)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start"})
        rounds = await _rounds(clients)
        await lead.send({"type": "practice.message", "breakout": 1, "body": "Hello, pair!",
                         "client_id": new_client_id()})
        for i, r in enumerate(rounds):
            if r["breakout"] == 1:
                got = await clients[i].receive_type("practice.message")
                assert got["author"]["facilitator"] is True
        await lead.send({"type": "practice.message", "breakout": 7, "body": "x",
                         "client_id": new_client_id()})
        assert (await lead.receive_type("error"))["code"] == "not_found"
    finally:
        await _close(lead, *clients)


async def test_a_new_round_ends_one_whose_timer_ran_out_long_ago(chat_group, facilitator):
    from django.utils import timezone

    from training.models import PracticeRound

    session, people = await practice_room(chat_group, facilitator, 2)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start", "minutes": 1})
        await _rounds(clients)
        await lead.send({"type": "practice.start"})
        assert "already running" in (await lead.receive_type("error"))["detail"]
        await database_sync_to_async(PracticeRound.objects.update)(
            ends_at=timezone.now() - timezone.timedelta(minutes=5))
        await lead.send({"type": "practice.start"})
        assert (await clients[0].receive_type("practice.ended"))["round"] == 1
        assert (await clients[0].receive_type("practice.round"))["round"] == 2
    finally:
        await _close(lead, *clients)


async def test_a_page_reconnecting_mid_round_gets_its_breakout_back(chat_group, facilitator):
    session, people = await practice_room(chat_group, facilitator, 3)
    lead, clients = await _open_all(session, facilitator, people)
    try:
        await lead.send({"type": "practice.start"})
        rounds = await _rounds(clients)
        role = {r["role"]: i for i, r in enumerate(rounds)}
        await clients[role["speaker"]].send({"type": "practice.message", "body": "First words",
                                             "client_id": new_client_id()})
        await clients[role["observer"]].send({"type": "practice.checklist",
                                              "did_well": ["validation"], "try_next": ""})
        listener = clients[role["listener"]]
        await listener.receive_type("practice.checklist")
        await listener.disconnect()
        again = await open_chat(people[role["listener"]], session)
        clients[role["listener"]] = again
        await again.send({"type": "practice.state"})
        assert (await again.receive_type("practice.round"))["role"] == "listener"
        assert (await again.receive_type("practice.message"))["body"] == "First words"
        assert (await again.receive_type("practice.checklist"))["did_well"] == ["validation"]
        # The speaker's state holds no checklist (it was the listener's).
        speaker = clients[role["speaker"]]
        while not await speaker.nothing_more():
            await speaker.receive()
        await speaker.send({"type": "practice.state"})
        frames = []
        while not await speaker.nothing_more(0.5):
            frames.append(await speaker.receive())
        assert "practice.round" in [f["type"] for f in frames]
        assert "practice.checklist" not in [f["type"] for f in frames]
        await lead.send({"type": "practice.state"})
        assert len((await lead.receive_type("practice.breakouts"))["breakouts"]) == 1
    finally:
        await _close(lead, *clients)
