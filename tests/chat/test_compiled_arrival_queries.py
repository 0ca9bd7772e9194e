"""The arrival's reads, compiled once (peersupport.compiled): each gives exactly what the ORM
gives for the same arguments (history, talking piece, the person's other sockets, the session's
rules acceptance), and really is compiled where the database allows it."""

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from chat.models import Message, Presence, RaisedHand, TalkingPiece
from chat.selectors import (
    _latest,
    _latest_query,
    _page,
    _page_query,
    _talking_piece,
    _talking_piece_query,
)
from chat.services.room import _other_socket, _other_socket_query
from peersupport.compiled import CompiledQuery
from sessions.selectors import _accepted_rules, _accepted_rules_query
from tests.chat.conftest import make_session

pytestmark = pytest.mark.django_db


def _is_compiled(compiled: CompiledQuery) -> bool:
    return compiled._compiled_for("default") is not None


def _message_facts(messages):
    return [(m.pk, m.session_id, m.author_id, m.body, m.client_id, m.created_at, m.hidden_at)
            for m in messages]


def test_history_pages_are_the_orms(room):
    other = make_session(room.group, room.facilitator)
    now = timezone.now()
    for n in range(7):
        Message.objects.create(session=room.session, author=room.member, body=f"Hello {n}.",
                               client_id=f"c{n}", hidden_at=now if n == 3 else None)
    Message.objects.create(session=other, author=room.member2, body="Elsewhere.", client_id="o")
    first_id = Message.objects.filter(session=room.session).order_by("id")[0].pk

    for session_id in (room.session.pk, other.pk, other.pk + 1000):
        assert (_message_facts(_latest.objects(session_id=session_id))
                == _message_facts(_latest_query(session_id)))
        for after in (0, first_id, first_id + 4, first_id + 100):
            assert (_message_facts(_page.objects(session_id=session_id, after=after))
                    == _message_facts(_page_query(session_id, after)))
    assert len(_latest.objects(session_id=room.session.pk)) == 6  # the hidden one left out
    assert _is_compiled(_latest) and _is_compiled(_page)


def test_the_talking_piece_union_is_the_orms(room):
    assert _talking_piece.rows(session_id=room.session.pk) == []
    TalkingPiece.objects.create(session=room.session, holder=room.facilitator)
    RaisedHand.objects.create(session=room.session, user=room.member2)
    RaisedHand.objects.create(session=room.session, user=room.member)

    rows = _talking_piece.rows(session_id=room.session.pk)
    assert sorted(rows, key=repr) == sorted(map(tuple, _talking_piece_query(room.session.pk)),
                                            key=repr)
    assert sorted(kind for kind, *_ in rows) == [0, 1, 1]
    assert all(isinstance(raised_at, dt.datetime) for kind, raised_at, _, _ in rows if kind)
    assert _is_compiled(_talking_piece)


def test_other_live_sockets_are_the_orms(room):
    now = timezone.now()
    Presence.objects.create(session=room.session, user=room.member, channel_name="mine.1",
                            connected_at=now, seen_at=now)
    Presence.objects.create(session=room.session, user=room.member, channel_name="mine.stale",
                            connected_at=now, seen_at=now - dt.timedelta(minutes=10))
    fresh = now - dt.timedelta(seconds=90)
    cases = [(room.member.pk, "mine.1"), (room.member.pk, "mine.2"), (room.member2.pk, "x.1")]
    for user_id, channel_name in cases:
        arguments = {"session_id": room.session.pk, "user_id": user_id,
                     "channel_name": channel_name, "fresh": fresh}
        assert _other_socket.rows(**arguments) == list(map(tuple,
                                                           _other_socket_query(**arguments)))
    # The stale socket never counts; the live one counts for any other socket of the person.
    assert _other_socket.rows(session_id=room.session.pk, user_id=room.member.pk,
                              channel_name="mine.1", fresh=fresh) == []
    assert _other_socket.rows(session_id=room.session.pk, user_id=room.member.pk,
                              channel_name="mine.2", fresh=fresh) != []
    # SQLite is handed datetimes as text, so that query runs through the ORM there.
    assert _is_compiled(_other_socket) == (connection.vendor == "postgresql")


def test_a_rules_acceptance_is_the_orms(room, outsider):
    for user in (room.member, room.member2, outsider):
        assert (_accepted_rules.rows(session_id=room.session.pk, user_id=user.pk)
                == list(map(tuple, _accepted_rules_query(room.session.pk, user.pk))))
    accepted = _accepted_rules.rows(session_id=room.session.pk, user_id=room.member.pk)
    assert isinstance(accepted[0][0], list)  # the JSON column, decoded as the ORM does
    assert _accepted_rules.rows(session_id=room.session.pk, user_id=outsider.pk) == []
    assert _is_compiled(_accepted_rules)


def test_rows_and_objects_refuse_the_wrong_kind_of_query(room):
    values = CompiledQuery(lambda user_id: room.member.__class__.objects.filter(
        pk=user_id).values("email"), user_id=int)
    with pytest.raises(TypeError):
        values.rows(user_id=room.member.pk)
    models = CompiledQuery(lambda user_id: room.member.__class__.objects.filter(pk=user_id),
                           user_id=int)
    with pytest.raises(TypeError):
        models.rows(user_id=room.member.pk)
    assert [u.pk for u in models.objects(user_id=room.member.pk)] == [room.member.pk]
