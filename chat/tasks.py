"""Celery tasks of the chat: thin interfaces over services."""

from celery import shared_task

from chat.services import messages_purge_expired


@shared_task(name="chat.tasks.purge_expired_messages")
def purge_expired_messages() -> int:
    """Hourly (beat): deletes messages past their group's retention period. Idempotent."""
    return messages_purge_expired()
