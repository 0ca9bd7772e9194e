"""The access check's query, compiled once (peersupport.compiled): the same answers as the ORM
gives, for members, strangers, other rooms and sanctioned people."""

import datetime as dt

import pytest
from django.utils import timezone

from chat.models import RoomSanction
from chat.policies import _room_row, _room_row_query
from groups.models import Membership
from peersupport.compiled import CompiledQuery
from tests.chat.conftest import make_session


def _orm(session_id: int, user_id: int) -> Membership | None:
    return next(iter(_room_row_query(session_id, user_id, "")), None)


def _facts(row: Membership | None):
    if row is None:
        return None
    return (row.pk, row.user.pk, row.user.email, row.user.is_active, row.group.pk,
            row.group.rules_version, row.room.pk, row.room.starts_at, row.room.extra_rules,
            row.room.updated_at, row.room.group is row.group, row.sanctioned)


@pytest.mark.django_db
def test_the_compiled_query_answers_as_the_orm_does(room, outsider, django_assert_num_queries):
    other = make_session(room.group, room.facilitator, extra_rules=[
        {"key": "custom", "text": "Cameras optional."}])
    RoomSanction.objects.create(session=other, user=room.member2, kind=RoomSanction.Kind.MUTE,
                                created_by=room.facilitator, reason="Too loud.",
                                until=timezone.now() - dt.timedelta(minutes=1))
    cases = [(session.pk, user.pk) for session in (room.session, other)
             for user in (room.member, room.member2, room.facilitator, outsider)]
    cases.append((other.pk + 1000, room.member.pk))
    for session_id, user_id in cases:
        expected = _orm(session_id, user_id)
        if expected is not None:
            expected.room.group = expected.group
        with django_assert_num_queries(1):
            assert _facts(_room_row(session_id, user_id)) == _facts(expected)
    # An expired mute that nobody lifted still says "maybe": the sanctions are then read and
    # judged with the check's own clock.
    assert _room_row(other.pk, room.member2.pk).sanctioned is True
    assert _room_row(room.session.pk, room.member2.pk).sanctioned is False


@pytest.mark.django_db
def test_constants_of_a_query_are_kept_and_its_arguments_replaced(room):
    compiled = CompiledQuery(
        lambda user_id: Membership.objects.filter(user_id=user_id, pseudonym="").order_by()[:1],
        user_id=int)
    assert compiled.first(user_id=room.member.pk).user_id == room.member.pk
    assert compiled.first(user_id=room.member2.pk).user_id == room.member2.pk
    assert list(compiled._compiled.values()) != [None]  # compiled, the "" kept as a constant
    assert compiled.first(user_id=-1) is None


@pytest.mark.django_db
def test_a_query_using_a_value_derived_from_an_argument_runs_through_the_orm(room):
    compiled = CompiledQuery(
        lambda user_id: Membership.objects.filter(user_id=abs(user_id)).order_by()[:1],
        user_id=int)
    assert compiled.first(user_id=room.member.pk).user_id == room.member.pk
    assert compiled.first(user_id=-room.member2.pk).user_id == room.member2.pk
    assert list(compiled._compiled.values()) == [None]  # never compiled


@pytest.mark.django_db
def test_text_arguments_are_replaced_too(room):
    compiled = CompiledQuery(
        lambda group_id, email: Membership.objects.filter(
            group_id=group_id, user__email=email).order_by()[:1],
        group_id=int, email=str)
    for user in (room.member, room.member2):
        assert compiled.first(group_id=room.group.pk, email=user.email).user_id == user.pk
    assert compiled.first(group_id=room.group.pk, email="nobody@example.org") is None
    assert list(compiled._compiled.values()) != [None]
