"""Sending events to websocket consumers, always after the transaction commits.

Recipients are chosen by the calling service (that choice is a security decision);
this module only delivers. The channel layer is at-most-once: the database stays the record.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def user_group_name(user_id: int) -> str:
    return f"user_{user_id}"


def send_to_group_now(group: str, event: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception:  # a broadcast failure must never undo what was stored
        logger.exception("channel layer group_send to %s failed", group)


def send_to_group_on_commit(*, group: str, event: dict) -> None:
    transaction.on_commit(lambda: send_to_group_now(group, event))


def send_to_user_on_commit(*, user_id: int, event: dict) -> None:
    send_to_group_on_commit(group=user_group_name(user_id), event=event)
