"""Celery interfaces: fetch by id, call a service. Safe to run twice (rows record what was sent)."""

from celery import shared_task

from recognition import notifications


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_recipients(recognition_id: int) -> int:
    return notifications.recognition_notify(recognition_id=recognition_id)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_digest(user_id: int) -> int:
    return notifications.digest_send(user_id=user_id)


@shared_task
def send_weekly_digests() -> int:
    """Hourly (beat): queue a digest for everyone whose week is up, plus overdue catch-ups."""
    user_ids = notifications.digest_due_user_ids()
    for user_id in user_ids:
        send_digest.delay(user_id)
    return len(user_ids)
