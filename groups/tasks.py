"""Celery interfaces: fetch by id, call a service. Both are safe to run twice."""

from celery import shared_task

from accounts.models import User
from groups.models import GroundRuleVersion

RETRY = {"autoretry_for": (OSError,), "retry_backoff": True, "max_retries": 5}


@shared_task(**RETRY)
def send_notice(kind: str, object_id: int, recipient_id: int) -> bool:
    from groups.services.notices import notice_send

    recipient = User.objects.filter(pk=recipient_id).first()
    if recipient is None:
        return False
    return notice_send(kind=kind, object_id=object_id, recipient=recipient)


@shared_task(**RETRY)
def notify_rules_changed(version_id: int) -> int:
    from groups.services.notices import rules_changed_notify

    version = GroundRuleVersion.objects.filter(pk=version_id).first()
    if version is None:
        return 0
    return rules_changed_notify(version=version)
