"""The chat's pre-send nudge speaks through the listening analyzer the training uses."""

import pytest

from chat import filters
from chat.models import FilterTerm
from tests.chat.conftest import open_chat

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def should_nudge(db) -> None:
    """The starter list's "you should" nudge (whether or not the migration's rows survive)."""
    FilterTerm.objects.get_or_create(kind=FilterTerm.Kind.NUDGE, phrase="you should",
                                     defaults={"rule_key": "no_unsolicited_advice"})
    filters.word_lists_forget()


async def _check(client, body: str, ref: int) -> dict:
    await client.send({"type": "check", "body": body, "ref": ref})
    return await client.receive_type("check")


async def test_minimising_is_nudged_with_the_words_why_and_what_to_try(room, should_nudge):
    client = await open_chat(room.member, room.session)
    try:
        nudge = (await _check(client, "At least you still have your job.", 1))["nudge"]
        assert nudge["code"] == "minimising" and nudge["span"] == "At least"
        assert nudge["why"] and nudge["try"] and "At least" in nudge["detail"]
        assert nudge["rule"]["key"] == "listen_without_judgement"
    finally:
        await client.disconnect()


async def test_praise_with_should_is_not_nudged_though_the_word_list_has_it(room, should_nudge):
    client = await open_chat(room.member, room.session)
    try:
        assert (await _check(client, "You should be proud of yourself.", 2))["nudge"] is None
    finally:
        await client.disconnect()


async def test_own_experience_is_not_nudged_in_a_circle(room, should_nudge):
    client = await open_chat(room.member, room.session)
    try:
        assert (await _check(client, "That happened to me too, last year.", 3))["nudge"] is None
    finally:
        await client.disconnect()
