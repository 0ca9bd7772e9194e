"""Private conversations between a person and one facilitator of one of their groups."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from support import limits
from support.models import FacilitatorMessage, FacilitatorRequest
from support.selectors import facilitators_available_to, open_conversation_between
from support.text import number


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": gettext("Write a message first.")})
    if len(body) > limits.MESSAGE_MAX:
        raise ValidationError({"body": gettext("Keep a message under %(max)s characters.")
                               % {"max": number(limits.MESSAGE_MAX)}})
    return body


def _enqueue_notice(message: FacilitatorMessage) -> None:
    from support.tasks import send_conversation_notice

    transaction.on_commit(lambda: send_conversation_notice.delay(message.pk))


def conversation_open(*, requester: User, facilitator: User, body: str) -> FacilitatorRequest:
    """Starts a private conversation, or continues the open one with the same facilitator.

    The facilitator must facilitate one of the requester's groups right now.
    """
    body = _clean_body(body)
    if facilitator.pk not in {p.pk for p in facilitators_available_to(user=requester)}:
        raise ValidationError(
            {"facilitator": gettext("Choose a facilitator of one of your groups.")})
    with transaction.atomic():
        conversation = open_conversation_between(requester=requester, facilitator=facilitator)
        if conversation is None:
            conversation = FacilitatorRequest.objects.create(
                requester=requester, facilitator=facilitator, last_message_at=timezone.now()
            )
        _append(conversation=conversation, author=requester, body=body)
    return conversation


def _append(*, conversation: FacilitatorRequest, author: User, body: str) -> FacilitatorMessage:
    message = FacilitatorMessage.objects.create(request=conversation, author=author, body=body)
    seen_field = (
        "requester_seen_at" if author.pk == conversation.requester_id else "facilitator_seen_at"
    )
    FacilitatorRequest.objects.filter(pk=conversation.pk).update(
        last_message_at=message.created_at, **{seen_field: message.created_at}
    )
    conversation.last_message_at = message.created_at
    setattr(conversation, seen_field, message.created_at)
    _enqueue_notice(message)
    return message


def conversation_reply(
    *, conversation: FacilitatorRequest, author: User, body: str
) -> FacilitatorMessage:
    if author.pk not in (conversation.requester_id, conversation.facilitator_id):
        raise ValidationError(gettext("Only the two people in this conversation can write in it."))
    body = _clean_body(body)
    with transaction.atomic():
        locked = FacilitatorRequest.objects.select_for_update().get(pk=conversation.pk)
        if not locked.is_open:
            raise ValidationError(
                gettext("This conversation is closed. Start a new one if you need to."))
        return _append(conversation=conversation, author=author, body=body)


def conversation_close(*, conversation: FacilitatorRequest, user: User) -> FacilitatorRequest:
    """Either person may close it; closing twice is harmless."""
    if user.pk not in (conversation.requester_id, conversation.facilitator_id):
        raise ValidationError(gettext("Only the two people in this conversation can close it."))
    now = timezone.now()
    updated = FacilitatorRequest.objects.filter(
        pk=conversation.pk,
        status=FacilitatorRequest.Status.OPEN,
    ).update(status=FacilitatorRequest.Status.CLOSED, closed_at=now, closed_by=user)
    if updated:
        conversation.status = FacilitatorRequest.Status.CLOSED
        conversation.closed_at, conversation.closed_by = now, user
    return conversation


def conversation_mark_seen(*, conversation: FacilitatorRequest, user: User) -> None:
    if user.pk == conversation.requester_id:
        field_name = "requester_seen_at"
    elif user.pk == conversation.facilitator_id:
        field_name = "facilitator_seen_at"
    else:
        return
    now = timezone.now()
    FacilitatorRequest.objects.filter(pk=conversation.pk).update(**{field_name: now})
    setattr(conversation, field_name, now)
