"""Reads every arrival makes: the talking piece in one query, the group's rules remembered per
version (sessions.selectors, read twice per arrival before)."""

import datetime as dt

import pytest
from django.utils import timezone

from chat.models import RaisedHand, TalkingPiece
from chat.selectors import talking_piece
from groups.rules import DEFAULT_RULES
from groups.services import group_rules_update
from sessions.models import Session
from sessions.selectors import session_rules


@pytest.mark.django_db
def test_the_talking_piece_is_one_query_with_the_holder_and_hands_in_order(
        room, django_assert_num_queries):
    piece = talking_piece(session=room.session)
    assert (piece["holder"], piece["queue"]) == (None, [])
    TalkingPiece.objects.create(session=room.session, holder=room.facilitator)
    same_moment = timezone.now()
    second = RaisedHand.objects.create(session=room.session, user=room.member2,
                                       raised_at=same_moment)
    third = RaisedHand.objects.create(session=room.session, user=room.member,
                                      raised_at=same_moment)
    assert second.pk < third.pk  # same time: the first to be stored goes first
    RaisedHand.objects.filter(pk=second.pk).update(raised_at=same_moment)
    # 1 holder + hands, 2 their names.
    with django_assert_num_queries(2):
        piece = talking_piece(session=room.session)
    ids = {m.user_id: m.pk for m in room.group.memberships.all()}
    assert piece["holder"]["id"] == ids[room.facilitator.pk]
    assert [p["id"] for p in piece["queue"]] == [ids[room.member2.pk], ids[room.member.pk]]

    RaisedHand.objects.filter(pk=third.pk).update(raised_at=same_moment - dt.timedelta(seconds=1))
    TalkingPiece.objects.filter(session=room.session).update(holder=None)
    piece = talking_piece(session=room.session)
    assert piece["holder"] is None
    assert [p["id"] for p in piece["queue"]] == [ids[room.member.pk], ids[room.member2.pk]]


@pytest.mark.django_db
def test_a_groups_rules_are_read_once_per_version(room, django_assert_num_queries):
    session = room.session
    expected = [{"key": r["key"], "text": r["text"]} for r in DEFAULT_RULES]
    assert session_rules(session=session) == expected
    with django_assert_num_queries(0):
        rules = session_rules(session=session)
    assert rules == expected
    rules[0]["text"] = "changed by a caller"  # callers get copies, never the memo itself
    assert session_rules(session=session) == expected


@pytest.mark.django_db
def test_a_new_version_of_the_rules_is_seen_at_once(room):
    last = {"key": DEFAULT_RULES[-1]["key"], "text": "Be kind, always, to yourself too."}
    assert session_rules(session=room.session)[-1] != last
    group_rules_update(group=room.group, by=room.facilitator, rules=[*DEFAULT_RULES[:-1], last])
    session = Session.objects.select_related("group").get(pk=room.session.pk)  # read again
    assert session_rules(session=session)[-1] == last
