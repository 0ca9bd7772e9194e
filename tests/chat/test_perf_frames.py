"""Pinned query counts of the per-frame access check (every frame re-checks access).

Not timings: the number of database queries each frame costs, which the benchmark
(bench/chat.py) showed to dominate a busy room.
"""

from django.core.cache import cache

from chat import ratelimit
from chat.handlers import handle_frame
from chat.models import RoomSanction
from chat.policies import CLOSE_GONE, CLOSE_RULES, room_access
from groups.services import group_rules_update
from sessions.models import Session
from tests.chat.conftest import accept_rules

PING = {"type": "ping"}


def test_a_members_first_frame_costs_two_queries(room, django_assert_num_queries):
    # 1 membership + account + session + group (+ EXISTS unlifted sanction), 2 the session's
    # rules acceptance (compared with the group's rules, remembered per version since the
    # member accepted them, and the session's own).
    with django_assert_num_queries(2):
        outcome = handle_frame(session_id=room.session.pk, user=room.member, frame=PING)
    assert outcome.replies == [{"type": "pong"}] and outcome.access.rules_key is not None


def test_later_frames_of_a_member_cost_one_query(room, django_assert_num_queries):
    first = handle_frame(session_id=room.session.pk, user=room.member, frame=PING)
    with django_assert_num_queries(1):
        outcome = handle_frame(session_id=room.session.pk, user=room.member, frame=PING,
                               accepted_rules_key=first.access.rules_key)
    assert outcome.replies == [{"type": "pong"}]


def test_a_facilitators_frame_costs_the_access_query_and_the_two_factor_check(
        room, django_assert_num_queries):
    # 1 membership + account + session + group, 2 two-factor (allauth authenticators).
    with django_assert_num_queries(2):
        outcome = handle_frame(session_id=room.session.pk, user=room.facilitator, frame=PING)
    assert outcome.access.is_moderator


def test_a_remembered_acceptance_does_not_survive_new_group_rules(room):
    first = room_access(session_id=room.session.pk, user=room.member)
    group_rules_update(group=room.group, by=room.facilitator,
                       rules=[{"key": "respect", "text": "Be kind."}])
    again = room_access(session_id=room.session.pk, user=room.member,
                        accepted_rules_key=first.rules_key)
    assert again.close_code == CLOSE_RULES


def test_a_remembered_acceptance_does_not_survive_new_session_rules(room):
    first = room_access(session_id=room.session.pk, user=room.member)
    session = Session.objects.get(pk=room.session.pk)
    session.extra_rules = [{"key": "custom", "text": "Cameras optional."}]
    session.save()
    again = room_access(session_id=room.session.pk, user=room.member,
                        accepted_rules_key=first.rules_key)
    assert again.close_code == CLOSE_RULES
    accept_rules(session, room.member)
    assert room_access(session_id=room.session.pk, user=room.member,
                       accepted_rules_key=first.rules_key).allowed


def test_an_active_sanction_is_still_read_on_every_frame(room, django_assert_num_queries):
    first = room_access(session_id=room.session.pk, user=room.member)
    RoomSanction.objects.create(session=room.session, user=room.member,
                                kind=RoomSanction.Kind.REMOVE, reason="Off topic",
                                created_by=room.facilitator)
    with django_assert_num_queries(2):  # the access query, then the sanctions it found
        access = room_access(session_id=room.session.pk, user=room.member,
                             accepted_rules_key=first.rules_key)
    assert access.close_code == CLOSE_GONE and access.error_code == "removed"


def test_a_deactivated_account_loses_access_even_with_a_remembered_acceptance(room):
    first = room_access(session_id=room.session.pk, user=room.member)
    type(room.member).objects.filter(pk=room.member.pk).update(is_active=False)
    access = room_access(session_id=room.session.pk, user=room.member,
                         accepted_rules_key=first.rules_key)
    assert access.error_code == "signed_out"


def test_the_rate_limit_still_counts_both_windows(settings):
    settings.CHAT_RATE_BURST = (2, 10)
    settings.CHAT_RATE_SUSTAINED = (3, 60)
    cache.clear()
    spend = [ratelimit.message_allowance(session_id=1, user_id=1) for _ in range(3)]
    assert spend[:2] == [None, None] and spend[2] is not None
