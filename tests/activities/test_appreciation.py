"""An appreciation answer turned into a recognition by its author, and nobody else."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from activities import live
from activities.library import load_library
from activities.models import Activity, ActivityStep, AnswerRecognition, SessionActivity
from chat.models import Message
from groups.models import Membership
from recognition.models import Recognition, Value
from tests.factories import UserFactory
from tests.sessions.factories import join

pytestmark = pytest.mark.django_db


@pytest.fixture
def appreciating(room):
    """The room in the appreciation step of an appreciation round."""
    load_library(Activity, ActivityStep)
    SessionActivity.objects.create(session=room.session,
                                   activity=Activity.objects.get(slug="appreciation-round"))
    live.run_start(session=room.session, activity_slug="appreciation-round",
                   by=room.facilitator)
    live.run_move(session=room.session, by=room.facilitator)
    Value.objects.get_or_create(slug="kindness", defaults={"name": "Kindness"})
    return room


def _answer(room, user, body="Thank you Erin for the patient review on Tuesday"):
    return Message.objects.create(session=room.session, author=user, body=body,
                                  client_id=f"c{Message.objects.count()}")


def _url(message):
    return f"/activities/answers/{message.pk}/recognise/"


def test_the_author_sees_a_preview_and_gives_it_to_the_group(client, appreciating):
    room = appreciating
    message = _answer(room, room.member)
    erin = room.membership(room.member2)
    client.force_login(room.member)

    preview = client.get(_url(message)).json()
    response = client.post(_url(message), {
        "members": [str(erin.pk)], "values": [str(Value.objects.first().pk)],
        "visibility": preview["visibility"]["default"], "text": message.body})

    assert preview["suggested"] == [erin.pk]
    assert {"id": erin.pk, "name": "Erin Employee"} in preview["members"]
    assert preview["visibility"]["default"] == "group" and preview["remaining"] >= 1
    assert response.status_code == 201
    recognition = Recognition.objects.get()
    assert recognition.group == room.group and recognition.visibility == "group"
    assert list(recognition.recipients.all()) == [room.member2]
    assert AnswerRecognition.objects.get().message == message


def test_only_the_author_may_even_see_the_preview(client, appreciating, login_with_two_factor):
    room = appreciating
    message = _answer(room, room.member)
    client.force_login(room.member2)

    assert client.get(_url(message)).status_code == 404
    assert client.post(_url(message), {"members": [str(room.membership(room.member).pk)],
                                       "visibility": "group"}).status_code == 404
    login_with_two_factor(client, room.facilitator)
    assert client.get(_url(message)).status_code == 404
    assert not Recognition.objects.exists()


def test_a_message_outside_an_appreciation_step_is_404(client, appreciating):
    room = appreciating
    early = _answer(room, room.member)
    Message.objects.filter(pk=early.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(room.member)

    assert client.get(_url(early)).status_code == 404


def test_an_answer_becomes_a_recognition_once(client, appreciating):
    room = appreciating
    message = _answer(room, room.member)
    client.force_login(room.member)
    data = {"members": [str(room.membership(room.member2).pk)],
            "values": [str(Value.objects.first().pk)], "visibility": "group"}

    first = client.post(_url(message), data)
    second = client.post(_url(message), data)

    assert first.status_code == 201 and second.status_code == 400
    assert "already" in second.json()["errors"][0]
    assert Recognition.objects.count() == 1


@override_settings(RECOGNITION_WEEKLY_LIMIT=1)
def test_the_weekly_limit_applies(client, appreciating):
    room = appreciating
    data = {"members": [str(room.membership(room.member2).pk)],
            "values": [str(Value.objects.first().pk)], "visibility": "private"}
    client.force_login(room.member)

    assert client.post(_url(_answer(room, room.member)), data).status_code == 201
    refused = client.post(_url(_answer(room, room.member, "Thanks again Erin")), data)

    assert refused.status_code == 400 and "in the last 7 days" in refused.json()["errors"][0]


@pytest.mark.parametrize("data", [
    {"members": ["x"], "visibility": "group"},
    {"members": ["99999999"], "visibility": "group"},
    {"members": [], "visibility": "group"},
    {"members": ["1"], "visibility": "public"},
    {"members": ["1"], "visibility": "group", "text": "\x00"},
])
def test_bad_input_is_a_400_and_gives_nothing(client, appreciating, data):
    room = appreciating
    if data.get("members") == ["1"]:
        data = {**data, "members": [str(room.membership(room.member2).pk)]}
    client.force_login(room.member)

    response = client.post(_url(_answer(room, room.member)), data,
                           headers={"Accept": "application/json"})  # as static/activities/live.js

    assert response.status_code == 400 and response.json()["errors"]
    assert not Recognition.objects.exists()


def test_recognising_sparrow_never_reveals_who_sparrow_is(client, appreciating):
    """A pseudonymous group: the preview, the recognition and its cards name Sparrow only,
    and the picker's ids are member ids, which no page outside the group maps to anyone."""
    room = appreciating
    room.group.allow_pseudonyms = True
    room.group.save()
    Membership.objects.filter(group=room.group, user=room.member2).update(pseudonym="Sparrow")
    Membership.objects.filter(group=room.group, user=room.member).update(pseudonym="Wren")
    third = UserFactory(display_name="Tess Third")
    join(room.group, third)
    message = _answer(room, room.member, "Sparrow, thank you for holding the space today")
    client.force_login(room.member)

    raw = client.get(_url(message)).content.decode()
    preview = client.get(_url(message)).json()
    sparrow = room.membership(room.member2)
    client.post(_url(message), {"members": [str(sparrow.pk)],
                                "values": [str(Value.objects.first().pk)],
                                "visibility": "group"})
    client.force_login(third)
    feed = client.get("/recognition/").content.decode()

    assert preview["suggested"] == [sparrow.pk]
    assert "Erin Employee" not in raw and room.member2.email not in raw
    assert "Morgan Member" not in raw
    assert "Sparrow" in feed and "Wren" in feed
    assert "Erin Employee" not in feed and "Morgan Member" not in feed


def test_suggestions_follow_names_not_ordinary_words():
    from activities.appreciation import _named_in

    members = [(1, "Will Weaver"), (2, "Sparrow"), (3, "Ana Lopez")]

    assert _named_in("I will say thanks to sparrow and Ana", members) == [2, 3]
    assert _named_in("Thanks Will!", members) == [1]
