"""Live practice over the real websocket, in the socket person's language: the observer's
thank-you and a refusal each reach their person in that person's language, side by side with
someone who reads English."""

import pytest
from channels.db import database_sync_to_async

from sessions.models import Session
from tests.chat.conftest import (  # noqa: F401 (fixtures)
    _fresh_channel_layer,
    _fresh_word_lists,
    accept_rules,
    chat_group,
    join_group,
    make_session,
    open_chat,
    word_lists,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def practice_room(chat_group, facilitator, languages):  # noqa: F811
    people = [UserFactory(display_name=f"Person {n}", language=language)
              for n, language in enumerate(languages)]
    for person in people:
        join_group(chat_group, person)
    session = make_session(chat_group, facilitator, kind=Session.Kind.LISTENING_PRACTICE)
    accept_rules(session, *people)
    return session, people


async def test_each_person_reads_the_practice_texts_in_their_language(  # noqa: F811
        chat_group, facilitator):  # noqa: F811
    session, people = await practice_room(chat_group, facilitator, ["es", "fr", ""])
    lead = await open_chat(facilitator, session)
    clients = [await open_chat(p, session) for p in people]
    try:
        # A member may not start a round: told so in Spanish, and in English.
        await clients[0].send({"type": "practice.start"})
        assert (await clients[0].receive_type("error"))["detail"] == (
            "Solo las personas facilitadoras del grupo pueden hacer eso.")
        await clients[2].send({"type": "practice.start"})
        assert (await clients[2].receive_type("error"))["detail"] == (
            "Only the group's facilitators can do that.")

        await lead.send({"type": "practice.start"})
        rounds = [await c.receive_type("practice.round") for c in clients]
        await lead.receive_type("practice.breakouts")
        observer = next(i for i, r in enumerate(rounds) if r["role"] == "observer")
        await clients[observer].send({"type": "practice.checklist", "did_well": ["reflection"],
                                      "try_next": ""})
        sent = await clients[observer].receive_type("practice.checklist_sent")
        expected = {"es": "Gracias. Solo quien escuchaba verá tu lista.",
                    "fr": "Merci. Seule la personne qui écoutait verra votre grille.",
                    "": "Thank you. Only the listener sees your checklist."}
        assert sent["detail"] == expected[people[observer].language]
    finally:
        for client in (lead, *clients):
            await client.disconnect()


async def test_a_breakout_distress_alert_speaks_the_facilitators_language(  # noqa: F811
        chat_group, facilitator, word_lists):  # noqa: F811
    await database_sync_to_async(lambda: type(facilitator).objects.filter(
        pk=facilitator.pk).update(language="fr"))()
    facilitator.language = "fr"
    session, people = await practice_room(chat_group, facilitator, ["es", "es"])
    lead = await open_chat(facilitator, session)
    clients = [await open_chat(p, session) for p in people]
    try:
        await lead.send({"type": "practice.start"})
        for client in clients:
            await client.receive_type("practice.round")
        await clients[0].send({"type": "practice.message", "client_id": "c1",
                               "body": "Some days I want to die, honestly."})
        alert = await lead.receive_type("alert")
        assert alert["kind"] == "distress" and alert["breakout"] == 0
        assert "est peut-être en détresse (sous-groupe 1)" in alert["detail"]
    finally:
        for client in (lead, *clients):
            await client.disconnect()
