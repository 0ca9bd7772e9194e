"""Celery interfaces for the training."""

from celery import shared_task


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_refresher_reminders() -> int:
    """Daily: remind trained facilitators 30 days before their status ends (once each)."""
    from training.services import refresher_reminders_send

    return refresher_reminders_send()
