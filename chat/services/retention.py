"""Deleting chat content once a group's retention period after a session has passed."""

import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from chat.models import ChatSettings, Flag, Message, Presence

BATCH = 1000
PRESENCE_FORGET_AFTER = dt.timedelta(days=1)


def retention_days_default() -> int:
    return settings.CHAT_RETENTION_DAYS


def messages_purge_expired(*, now: dt.datetime | None = None) -> int:
    """Deletes messages of sessions that ended more than the retention period ago (the group's
    own period, else CHAT_RETENTION_DAYS). Messages with a flag still under review are kept
    until it is resolved. Safe to run again at any time; returns how many were deleted."""
    now = now or timezone.now()
    overrides = dict(ChatSettings.objects.exclude(retention_days=None)
                     .values_list("group_id", "retention_days"))
    by_days: dict[int, list[int]] = {}
    for group_id, days in overrides.items():
        by_days.setdefault(days, []).append(group_id)
    conditions = Q(session__ends_at__lt=now - dt.timedelta(days=retention_days_default())) & ~Q(
        session__group_id__in=list(overrides))
    for days, group_ids in by_days.items():
        conditions |= Q(session__ends_at__lt=now - dt.timedelta(days=days),
                        session__group_id__in=group_ids)
    under_review = Flag.objects.filter(message=OuterRef("pk"), status=Flag.Status.OPEN)
    expired = Message.objects.filter(conditions).filter(~Exists(under_review))
    deleted = 0
    while True:
        ids = list(expired.values_list("pk", flat=True)[:BATCH])
        if not ids:
            break
        Message.objects.filter(pk__in=ids).delete()
        deleted += len(ids)
    Presence.objects.filter(seen_at__lt=now - PRESENCE_FORGET_AFTER).delete()
    return deleted
