"""Email notices: thin Celery interfaces over the notice services (idempotent)."""

from celery import shared_task

from support import services

RETRY = {"autoretry_for": (OSError,), "retry_backoff": 30, "max_retries": 5}


@shared_task(**RETRY)
def send_conversation_notice(message_id: int) -> bool:
    return services.conversation_message_notify(message_id=message_id)


@shared_task(**RETRY)
def send_report_submitted_notice(report_id: int) -> bool:
    return services.report_submitted_notify(report_id=report_id)


@shared_task(**RETRY)
def send_report_update_notice(update_id: int) -> bool:
    return services.report_update_notify(update_id=update_id)
