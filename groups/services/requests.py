"""Requests to join `request` groups: asked by a person, decided by a facilitator."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from groups import tasks
from groups.models import Group, JoinRequest, Membership, RuleAcceptance
from groups.services.membership import (
    _check_capacity,
    _check_not_blocked,
    _check_rules_version,
    _lock_group,
    membership_activate,
    pseudonym_clean,
)


def _decided_text(status: str) -> str:
    """Why a request can't be decided again, as one whole sentence per state."""
    texts = {
        JoinRequest.Status.APPROVED: _("This request was approved already."),
        JoinRequest.Status.DECLINED: _("This request was declined already."),
        JoinRequest.Status.WITHDRAWN: _("This request was withdrawn already."),
    }
    return texts.get(status, _("This request was decided already."))


def _notify(kind: str, object_id: int, recipient_ids: list[int]) -> None:
    for recipient_id in recipient_ids:
        tasks.send_notice.delay(kind, object_id, recipient_id)


def join_request_create(*, group: Group, user: User, accepted_version: int, message: str = "",
                        pseudonym: str = "") -> JoinRequest:
    """Asks to join; the facilitators are told. The rules accepted now are recorded."""
    message = message.strip()
    if len(message) > 500:
        raise ValidationError({"message": _("Keep the note under 500 characters.")})
    try:
        with transaction.atomic():
            group = _lock_group(group)
            if group.visibility != Group.Visibility.REQUEST:
                raise ValidationError(_("This group does not take requests to join."),
                                      code="not_request")
            if Membership.objects.filter(group=group, user=user,
                                         status=Membership.Status.ACTIVE).exists():
                raise ValidationError(_("You are already a member of this group."), code="member")
            _check_not_blocked(group, user)
            _check_rules_version(group, accepted_version)
            _check_capacity(group)
            pseudonym = pseudonym_clean(group=group, user=user, pseudonym=pseudonym)
            join_request = JoinRequest.objects.create(
                group=group, user=user, message=message, pseudonym=pseudonym,
                accepted_rules_version=accepted_version)
            RuleAcceptance.objects.get_or_create(group=group, user=user, version=accepted_version)
            facilitator_ids = list(group.memberships.filter(
                status=Membership.Status.ACTIVE, role=Membership.Role.FACILITATOR,
            ).values_list("user_id", flat=True))
            transaction.on_commit(
                lambda: _notify("request_received", join_request.pk, facilitator_ids))
    except IntegrityError as exc:
        raise ValidationError(_("You have already asked to join; a facilitator will reply soon."),
                              code="duplicate") from exc
    return join_request


def join_request_approve(*, join_request: JoinRequest, by: User) -> tuple[Membership, bool]:
    """Approves a pending request. Returns (membership, True), or (membership, False) when it
    was approved already, which is harmless."""
    with transaction.atomic():
        group = _lock_group(join_request.group)
        join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk,
                                                                   group=group)
        if join_request.status == JoinRequest.Status.APPROVED:
            membership = Membership.objects.get(group=group, user_id=join_request.user_id)
            return membership, False
        if join_request.status != JoinRequest.Status.PENDING:
            raise ValidationError(_decided_text(join_request.status), code="decided")
        _check_capacity(group)
        pseudonym = join_request.pseudonym
        if pseudonym:
            try:
                pseudonym = pseudonym_clean(group=group, user=join_request.user,
                                            pseudonym=pseudonym)
            except ValidationError:
                # Taken meanwhile: keep the person pseudonymous rather than show their name.
                pseudonym = f"{pseudonym[:50]} ({join_request.pk})"
        membership = membership_activate(group=group, user=join_request.user,
                                         accepted_version=join_request.accepted_rules_version,
                                         pseudonym=pseudonym)
        join_request.status = JoinRequest.Status.APPROVED
        join_request.decided_at = timezone.now()
        join_request.decided_by = by
        join_request.save(update_fields=["status", "decided_at", "decided_by"])
        transaction.on_commit(
            lambda: _notify("request_approved", join_request.pk, [join_request.user_id]))
    return membership, True


def join_request_decline(*, join_request: JoinRequest, by: User, note: str = "") -> bool:
    """Declines a pending request (the requester is told). False when declined already."""
    note = note.strip()
    if len(note) > 500:
        raise ValidationError({"note": _("Keep the note under 500 characters.")})
    with transaction.atomic():
        updated = JoinRequest.objects.filter(
            pk=join_request.pk, status=JoinRequest.Status.PENDING,
        ).update(status=JoinRequest.Status.DECLINED, decided_at=timezone.now(), decided_by=by,
                 decision_note=note)
        if not updated:
            current = JoinRequest.objects.get(pk=join_request.pk)
            if current.status == JoinRequest.Status.DECLINED:
                return False
            raise ValidationError(_decided_text(current.status), code="decided")
        transaction.on_commit(
            lambda: _notify("request_declined", join_request.pk, [join_request.user_id]))
    return True


def join_request_withdraw(*, group: Group, user: User) -> bool:
    updated = JoinRequest.objects.filter(
        group=group, user=user, status=JoinRequest.Status.PENDING,
    ).update(status=JoinRequest.Status.WITHDRAWN, decided_at=timezone.now())
    return bool(updated)
