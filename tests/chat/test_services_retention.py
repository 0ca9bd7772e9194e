"""The retention purge (Celery beat: chat.tasks.purge_expired_messages)."""

import datetime as dt

import pytest
from django.utils import timezone

from chat.models import ChatSettings, Flag, Message, ModerationAction, Presence
from chat.tasks import purge_expired_messages
from tests.chat.conftest import make_session


def _message(session, user, body="hello", **fields) -> Message:
    return Message.objects.create(session=session, author=user, body=body,
                                  client_id=f"c{Message.objects.count()}", **fields)


def _session_ended(room, days_ago: int):
    return make_session(room.group, room.facilitator,
                        starts_in=dt.timedelta(days=-days_ago, hours=-1), minutes=60)


@pytest.fixture
def old_and_new(room):
    old = _session_ended(room, 91)
    recent = _session_ended(room, 89)
    return old, recent


def test_messages_are_purged_90_days_after_their_session_ended(room, old_and_new):
    old, recent = old_and_new
    _message(old, room.member, "long ago")
    kept = _message(recent, room.member, "recent enough")
    current = _message(room.session, room.member, "today")
    assert purge_expired_messages.delay().get() == 1
    assert set(Message.objects.values_list("pk", flat=True)) == {kept.pk, current.pk}


def test_a_message_under_review_is_kept_until_its_flag_is_resolved(room, old_and_new):
    old, _ = old_and_new
    flagged = _message(old, room.member, "flagged")
    flag = Flag.objects.create(message=flagged, reporter=room.member2, rule_key="respect")
    assert purge_expired_messages() == 0
    Flag.objects.filter(pk=flag.pk).update(status=Flag.Status.DISMISSED)
    assert purge_expired_messages() == 1
    assert not Flag.objects.exists()


def test_a_group_can_keep_messages_for_a_shorter_time(room, old_and_new):
    _, recent = old_and_new
    _message(recent, room.member, "89 days old")
    ChatSettings.objects.create(group=room.group, retention_days=30)
    assert purge_expired_messages() == 1


def test_a_group_can_keep_messages_longer(room, old_and_new):
    old, _ = old_and_new
    _message(old, room.member, "91 days old")
    ChatSettings.objects.create(group=room.group, retention_days=180)
    assert purge_expired_messages() == 0


def test_the_site_setting_decides_the_default(room, old_and_new, settings):
    settings.CHAT_RETENTION_DAYS = 200
    old, _ = old_and_new
    _message(old, room.member)
    assert purge_expired_messages() == 0


def test_running_the_purge_twice_does_no_harm(room, old_and_new):
    old, _ = old_and_new
    _message(old, room.member)
    assert purge_expired_messages() == 1
    assert purge_expired_messages() == 0


def test_the_audit_log_survives_the_purge_without_any_message_text(room, old_and_new):
    from chat.services import message_hide

    old, _ = old_and_new
    msg = _message(old, room.member, "unkind words")
    message_hide(session=old, by=room.facilitator, message_id=msg.pk, reason="Respect")
    assert purge_expired_messages() == 1
    action = ModerationAction.objects.get()
    assert action.message_id_ref == msg.pk
    assert "unkind" not in str(action.__dict__)


def test_stale_presence_rows_are_forgotten(room):
    Presence.objects.create(session=room.session, user=room.member, channel_name="dead",
                            seen_at=timezone.now() - dt.timedelta(days=2))
    Presence.objects.create(session=room.session, user=room.member2, channel_name="alive")
    purge_expired_messages()
    assert list(Presence.objects.values_list("channel_name", flat=True)) == ["alive"]
