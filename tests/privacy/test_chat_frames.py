"""Every chat frame a member receives in a pseudonymous room (docs/privacy.md, class a):
presence, typing, messages and history name Willow by her member id and pseudonym only,
and her member id can't be lined up with her id in another room where she uses her name."""

import asyncio
import json

import pytest
from channels.db import database_sync_to_async

from groups import services as group_services
from groups.models import Group, Membership
from groups.rules import DEFAULT_RULES
from tests.chat.conftest import (  # noqa: F401  (fixtures: a fresh layer, fresh word lists)
    _fresh_channel_layer,
    _fresh_word_lists,
    accept_rules,
    make_session,
    open_chat,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def people_in(frame) -> list[dict]:
    """Every person object (`{"id", "name", "pronouns", "facilitator"}`, and those with more
    fields) anywhere in a frame."""
    found = []
    if isinstance(frame, dict):
        if {"id", "name", "facilitator"} <= set(frame):
            found.append(frame)
        for value in frame.values():
            found += people_in(value)
    elif isinstance(frame, list):
        for value in frame:
            found += people_in(value)
    return found


async def drain(client, seconds: float = 0.4) -> list[dict]:
    frames = []
    while not await client.communicator.receive_nothing(seconds):
        frames.append(await client.receive())
    return frames


def build_rooms(facilitator):
    """The colleague joins a named room and, a moment later, a pseudonymous one; the attacker
    is a member of both. Each group has a session in progress with an open room."""
    named = group_services.group_create(
        creator=facilitator, name="Open circle", purpose="Open talk.",
        category=Group.Category.PEER_CIRCLE, rules=DEFAULT_RULES)
    hidden = group_services.group_create(
        creator=facilitator, name="Quiet harbour", purpose="A confidential circle.",
        category=Group.Category.PEER_CIRCLE, rules=DEFAULT_RULES, allow_pseudonyms=True)
    attacker = UserFactory(display_name="Alex Attacker")
    colleague = UserFactory(display_name="Casey Colleague")
    for group in (named, hidden):
        group_services.membership_join(group=group, user=attacker,
                                       accepted_version=group.rules_version)
    group_services.membership_join(group=named, user=colleague,
                                   accepted_version=named.rules_version)
    group_services.membership_join(group=hidden, user=colleague, pseudonym="Willow",
                                   accepted_version=hidden.rules_version)
    rooms = []
    for group in (named, hidden):
        session = make_session(group, facilitator)
        accept_rules(session, attacker, colleague)
        rooms.append(session)
    willow = Membership.objects.get(group=hidden, user=colleague).pk
    return attacker, colleague, rooms[0], rooms[1], willow


async def test_a_pseudonymous_room_tells_a_member_nothing_about_who_willow_is(facilitator):
    attacker, colleague, named_room, hidden_room, willow_id = await database_sync_to_async(
        build_rooms)(facilitator)

    # In the named room, the colleague speaks under her name: the attacker reads her id there.
    casey = await open_chat(colleague, named_room)
    await casey.say("Hello, it's Casey.")
    await casey.receive_type("message")
    await casey.disconnect()
    named_view = await open_chat(attacker, named_room)
    casey_ids = {p["id"] for m in named_view.history for p in people_in(m)
                 if p["name"] == "Casey Colleague"}
    await named_view.disconnect()
    assert len(casey_ids) == 1

    # In the pseudonymous room: Willow arrives, types, speaks, leaves; then history again.
    attacker_socket = await open_chat(attacker, hidden_room)
    frames = [attacker_socket.state]
    willow = await open_chat(colleague, hidden_room)
    await willow.send({"type": "typing"})
    await willow.say("Hello, it's Willow.")
    await willow.receive_type("message")
    frames += await drain(attacker_socket)
    await willow.disconnect()
    await asyncio.sleep(0.1)
    frames += await drain(attacker_socket)
    await attacker_socket.disconnect()
    again = await open_chat(attacker, hidden_room)
    frames += [*again.history_pages, again.state]
    await again.disconnect()

    text = json.dumps(frames, ensure_ascii=False)
    assert "Willow" in text
    assert colleague.name not in text and colleague.email not in text
    willow_frames = [p for p in people_in(frames) if p["name"] == "Willow"]
    assert willow_frames and {p["id"] for p in willow_frames} == {willow_id}
    assert willow_id != colleague.pk
    # Her id in one room is not next to her id in the other (ids are not counted up).
    (casey_id,) = casey_ids
    assert abs(willow_id - casey_id) > 1000
