"""Each socket is spoken to in its person's language (issue 18): error `detail`s made for the
socket, and frames broadcast to many (alerts, sanctions), each in the language of the person on
that socket, worked out at the handshake from their profile, else the language cookie, else
Accept-Language."""

import pytest
from channels.db import database_sync_to_async

from accounts.models import User
from tests.chat.conftest import open_chat

pytestmark = pytest.mark.django_db(transaction=True)

SPANISH = [(b"accept-language", b"es-ES,es;q=0.9,en;q=0.5")]
FRENCH = [(b"accept-language", b"fr-FR,fr;q=0.9")]


def _save_language(user: User, language: str) -> None:
    # The profile's language field (accounts), as the profile page saves it.
    User.objects.filter(pk=user.pk).update(language=language)


async def test_an_error_detail_reaches_each_person_in_their_own_language(room):
    # The same refusal, on the same room: a Spanish speaker (saved in her profile, whatever
    # her browser says) and a French speaker (from his browser).
    await database_sync_to_async(_save_language)(room.member, "es")
    ana = await open_chat(room.member, room.session, headers=[(b"accept-language", b"en-GB")])
    jules = await open_chat(room.member2, room.session, headers=FRENCH)
    try:
        for client in (ana, jules):
            await client.send({"type": "message", "body": "   ", "client_id": "blank-1"})
        spanish, french = await ana.receive_type("error"), await jules.receive_type("error")
        assert spanish["code"] == french["code"] == "invalid"
        assert spanish["detail"] == "Escribe algo antes de enviar."
        assert french["detail"] == "Écrivez quelque chose avant d'envoyer."
        # A refusal the consumer makes itself (no database hop) too.
        await ana.send("not json")
        await jules.send("not json")
        assert (await ana.receive_type("error"))["detail"] == (
            "Los mensajes del protocolo son texto JSON.")
        assert (await jules.receive_type("error"))["detail"] == (
            "Les trames du protocole sont du texte JSON.")
    finally:
        await jules.disconnect()
        await ana.disconnect()


async def test_a_socket_with_no_language_anywhere_gets_english(room):
    client = await open_chat(room.member, room.session)
    try:
        await client.send({"type": "flag", "message_id": "x", "rule": 0})
        assert (await client.receive_type("error"))["detail"] == (
            "Say which message you are flagging.")
    finally:
        await client.disconnect()


async def test_the_language_cookie_wins_over_the_browser(room, settings):
    cookie_header = f"{settings.LANGUAGE_COOKIE_NAME}=fr".encode()
    client = await open_chat(room.member, room.session,
                             headers=[*SPANISH, (b"cookie", cookie_header)])
    try:
        await client.send({"type": "turn.release"})
        assert (await client.receive_type("error"))["detail"] == (
            "Vous n'avez pas le bâton de parole.")
    finally:
        await client.disconnect()


async def test_a_broadcast_alert_reaches_each_facilitator_in_their_language(room, word_lists,
                                                                            facilitator):
    # Two sockets of the facilitator's, one French and one Spanish (two browsers), and a
    # member writing in distress in English: each alert and support note in its socket's
    # language; the member's own name untouched.
    french_tab = await open_chat(room.facilitator, room.session, headers=FRENCH)
    spanish_tab = await open_chat(room.facilitator, room.session, headers=SPANISH)
    writer = await open_chat(room.member, room.session, headers=SPANISH)
    try:
        await writer.say("Some days I want to die")
        support = await writer.receive_type("support")
        assert support["detail"].startswith("Parece que ahora mismo lo estás pasando muy mal.")
        french = await french_tab.receive_type("alert")
        spanish = await spanish_tab.receive_type("alert")
        assert french["detail"] == ("Morgan Member est peut-être en détresse. Pensez à prendre "
                                    "de ses nouvelles en privé.")
        assert spanish["detail"].startswith("Puede que Morgan Member lo esté pasando mal.")
        assert french["message_id"] == spanish["message_id"]
    finally:
        await writer.disconnect()
        await spanish_tab.disconnect()
        await french_tab.disconnect()


async def test_a_sanction_is_explained_in_the_language_of_the_person_sanctioned(room):
    facilitator = await open_chat(room.facilitator, room.session)
    member = await open_chat(room.member, room.session, headers=FRENCH)
    try:
        membership = await database_sync_to_async(room.membership)(room.member)
        await facilitator.send({"type": "mod.mute", "member_id": membership.pk, "minutes": 5,
                                "reason": "Please keep to the rules."})
        sanction = await member.receive_type("sanction")
        assert sanction["kind"] == "muted"
        assert sanction["detail"] == ("Une personne facilitatrice vous a mis·e en sourdine "
                                      "pendant 5 minutes\u00a0: Please keep to the rules.")
    finally:
        await member.disconnect()
        await facilitator.disconnect()


async def test_a_language_saved_while_connected_is_spoken_soon_after(room):
    # The frame that re-reads the account (every frame does) notices it; the next is in it.
    client = await open_chat(room.member, room.session)
    try:
        await database_sync_to_async(_save_language)(room.member, "fr")
        await client.send({"type": "turn.release"})
        assert (await client.receive_type("error"))["detail"] == (
            "You don't hold the talking piece.")
        await client.send({"type": "turn.release"})
        assert (await client.receive_type("error"))["detail"] == (
            "Vous n'avez pas le bâton de parole.")
    finally:
        await client.disconnect()
