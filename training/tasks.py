"""Celery interfaces for the training."""

from celery import shared_task


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_refresher_reminders() -> int:
    """Daily: remind trained facilitators 30 days before their status ends (once each)."""
    from training.services import refresher_reminders_send

    return refresher_reminders_send()


@shared_task
def purge_expired_breakout_messages() -> int:
    """Hourly: practice breakouts keep their words no longer than the chat keeps a room's."""
    from training.realtime import breakout_messages_purge_expired

    return breakout_messages_purge_expired()
