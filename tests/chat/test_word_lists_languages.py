"""The chat's word lists in Spanish and French (issue 18): the starter lists of migration 0004,
matched whatever the language of the page or of the room (chat.filters), distress above all."""

import importlib

import pytest
from channels.db import database_sync_to_async
from django.apps import apps
from django.utils import translation

from chat import filters
from chat.models import FilterTerm
from chat.policies import room_access
from chat.services import message_check
from tests.chat.conftest import open_chat

STARTERS = importlib.import_module("chat.migrations.0004_starter_word_lists_es_fr")


def seed_starter_lists() -> None:
    """The migration's own function: transactional tests empty the tables it filled."""
    STARTERS.add_terms(apps, None)
    filters.word_lists_forget()


def test_every_language_has_starter_lists(db):
    kinds = set(FilterTerm.objects.values_list("language", "kind"))
    for language in ("en-gb", "es", "fr"):
        for kind in FilterTerm.Kind.values:
            assert (language, kind) in kinds


@pytest.mark.parametrize("body", [
    "Hoy no puedo más, de verdad.",
    "A veces quiero desaparecer",
    "no puedo mas",  # typed in a hurry, without the accent
    "Je n'en peux plus.",
    "J\u2019ai envie d\u2019en finir",  # a phone's curly apostrophes
    "parfois je veux disparaître",
])
def test_spanish_and_french_distress_is_noticed_in_any_language(db, body):
    for language in ("en-gb", "es", "fr"):
        with translation.override(language):
            assert filters.looks_like_distress(body), (language, body)


@pytest.mark.parametrize("body", [
    "No puedo ir mañana, ¿lo movemos?",
    "Ce projet va me tuer, j'ai trop de réunions",
    "Je suis crevé ce soir",
    "Estoy cansada pero bien",
])
def test_everyday_sentences_are_not_taken_for_distress_or_refused(db, body):
    assert not filters.looks_like_distress(body)
    assert not filters.is_blocked(body)


def test_insults_are_refused_in_spanish_and_french(db):
    assert filters.is_blocked("¡Mátate!")
    assert filters.is_blocked("va crever")


def test_the_nudge_is_in_the_writers_language_whatever_they_write_in(room):
    seed_starter_lists()
    access = room_access(session_id=room.session.pk, user=room.member)
    with translation.override("fr"):
        nudge = message_check(access=access, body="Yo que tú hablaría con ella.")
    assert nudge["span"] == "yo que tú"
    assert nudge["detail"].startswith("«\u00a0yo que tú\u00a0» peut sonner comme un conseil")
    with translation.override("es"):
        nudge = message_check(access=access, body="Si j'étais toi, je partirais.")
    assert nudge["detail"].startswith("«si j'étais toi» puede sonar a consejo")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("body", ["No puedo más con todo esto",
                                  "Je n'en peux plus, j'ai envie d'en finir"])
async def test_a_spanish_or_french_distress_message_offers_support_privately(room, body):
    await database_sync_to_async(seed_starter_lists)()
    facilitator = await open_chat(room.facilitator, room.session)
    writer = await open_chat(room.member, room.session)
    other = await open_chat(room.member2, room.session)
    try:
        await writer.say(body)
        assert (await writer.receive_type("message"))["body"] == body
        support = await writer.receive_type("support")
        assert support["support_url"] == "/support/"
        alert = await facilitator.receive_type("alert")
        assert alert["kind"] == "distress" and alert["person"]["name"] == "Morgan Member"
        await other.receive_type("message")
        assert await other.nothing_more()  # nobody else is told
    finally:
        await other.disconnect()
        await writer.disconnect()
        await facilitator.disconnect()
