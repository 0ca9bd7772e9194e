"""Pronouns never unmask a pseudonym (docs/privacy.md, "the two ways to refer to a person").

Casey Colleague shows her pronouns, the rare "xe/xem", next to her own name everywhere. In
the two-member pseudonymous group she is Willow. The attacker (a member there, under their own
name) and the facilitator read every page and every chat frame about Willow: "xe/xem" appears in
none, and the pages are the same whether or not Casey shows her pronouns. Willow's own
pronouns, when she gives the pseudonym some, show next to Willow only.
"""

import asyncio
import json

import pytest
from channels.db import database_sync_to_async
from django.urls import reverse

from accounts.models import User
from accounts.services import user_profile_update
from groups import services as group_services
from recognition.models import Recognition
from recognition.services import reply_post
from tests.chat.conftest import (  # noqa: F401  (fixtures: a fresh layer, fresh word lists)
    _fresh_channel_layer,
    _fresh_word_lists,
    accept_rules,
    make_session,
    open_chat,
)
from tests.privacy.conftest import page_text
from tests.privacy.test_chat_frames import drain, people_in
from tests.recognition.factories import give

RARE = "xe/xem"


def show_rare_pronouns(person: User, *, shown: bool = True) -> None:
    user_profile_update(user=person, pronouns=RARE, show_pronouns=shown)


def pages_about_willow(client, pair, mfa_exempt) -> dict[str, str]:
    """Every page where Willow's name shows, as the attacker and as the facilitator see it."""
    recognition = Recognition.objects.filter(group=pair.group).first()
    pages = {}
    client.force_login(pair.attacker)
    for url in (reverse("groups:detail", args=[pair.group.slug]), "/recognition/",
                f"/recognition/{recognition.pk}/"):
        pages[f"attacker {url}"] = page_text(client, url)
    mfa_exempt(pair.facilitator)
    client.force_login(pair.facilitator)
    for url in (reverse("groups:detail", args=[pair.group.slug]),
                reverse("groups:members", args=[pair.group.slug]),
                f"/recognition/{recognition.pk}/"):
        pages[f"facilitator {url}"] = page_text(client, url)
    return pages


@pytest.fixture
def recognised_willow(pair):
    """The attacker recognises Willow in the group, and Willow replies (her name on a card)."""
    recognition = give(pair.attacker, pair.colleague, visibility=Recognition.Visibility.GROUP,
                       group=pair.group)
    reply_post(recognition=recognition, author=pair.colleague, body="Thank you, truly.")
    return recognition


@pytest.mark.django_db
def test_no_page_shows_the_accounts_pronouns_next_to_the_pseudonym(
        client, pair, recognised_willow, mfa_exempt):
    show_rare_pronouns(pair.colleague)

    pages = pages_about_willow(client, pair, mfa_exempt)

    assert all("Willow" in page for page in pages.values()), [
        name for name, page in pages.items() if "Willow" not in page]
    assert [name for name, page in pages.items() if RARE in page] == []


@pytest.mark.django_db
def test_pages_are_the_same_whether_or_not_the_person_shows_pronouns(
        client, pair, recognised_willow, mfa_exempt):
    """Nothing about Willow depends on the account's pronouns choice: no derivation by diff."""
    show_rare_pronouns(pair.colleague, shown=False)
    hidden = pages_about_willow(client, pair, mfa_exempt)
    show_rare_pronouns(pair.colleague, shown=True)

    shown = pages_about_willow(client, pair, mfa_exempt)

    assert [name for name in hidden if hidden[name] != shown[name]] == []


@pytest.mark.django_db
def test_the_pseudonym_shows_its_own_pronouns_and_the_named_member_theirs(
        client, pair, recognised_willow, mfa_exempt):
    show_rare_pronouns(pair.colleague)
    group_services.membership_pseudonym_set(membership=pair.willow, pseudonym="Willow",
                                            pronouns="they/them")
    user_profile_update(user=pair.attacker, pronouns="he/him", show_pronouns=True)

    pages = pages_about_willow(client, pair, mfa_exempt)

    for name, page in pages.items():
        assert RARE not in page, name
        assert "they/them" in page, name
    # The attacker appears under their own name, with the pronouns they chose to show.
    assert "he/him" in pages[f"facilitator {reverse('groups:members', args=[pair.group.slug])}"]


@pytest.mark.django_db
def test_dropping_the_pseudonym_drops_its_pronouns(pair):
    show_rare_pronouns(pair.colleague)
    group_services.membership_pseudonym_set(membership=pair.willow, pseudonym="Willow",
                                            pronouns="they/them")

    group_services.membership_pseudonym_set(membership=pair.willow, pseudonym="",
                                            pronouns="they/them")

    assert pair.willow.pseudonym_pronouns == ""


@pytest.mark.django_db(transaction=True)
async def test_no_chat_frame_carries_the_accounts_pronouns_next_to_the_pseudonym(pair):
    def set_up():
        show_rare_pronouns(pair.colleague)
        user_profile_update(user=pair.attacker, pronouns="he/him", show_pronouns=True)
        session = make_session(pair.group, pair.facilitator)
        accept_rules(session, pair.attacker, pair.colleague)
        return session

    session = await database_sync_to_async(set_up)()
    willow_id = await database_sync_to_async(lambda: pair.willow.pk)()

    attacker = await open_chat(pair.attacker, session)
    frames = [attacker.state]
    willow = await open_chat(pair.colleague, session)
    own_view = [willow.state]
    await willow.send({"type": "typing"})
    await willow.say("Hello, it's Willow.")
    await willow.receive_type("message")
    frames += await drain(attacker)
    await willow.disconnect()
    await asyncio.sleep(0.1)
    frames += await drain(attacker)
    await attacker.disconnect()
    again = await open_chat(pair.attacker, session)
    frames += [*again.history_pages, again.state]
    await again.disconnect()

    text = json.dumps(frames + own_view, ensure_ascii=False)
    assert RARE not in text
    willow_people = [p for p in people_in(frames) if p["id"] == willow_id]
    assert len(willow_people) >= 3  # presence, typing, message author, history
    assert {(p["name"], p["pronouns"]) for p in willow_people} == {("Willow", "")}
    # Her own view of herself carries no account pronouns either.
    assert own_view[0]["you"]["pronouns"] == ""
    # The named member's pronouns do travel (so the check above could fail).
    assert {p["pronouns"] for p in people_in(frames) if p["name"] == pair.attacker.name} == {
        "he/him"}
