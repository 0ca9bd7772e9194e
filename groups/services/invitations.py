"""Invitation links to private groups: signed, expiring, revocable."""

import secrets
from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from groups.models import Group, Invitation

SALT = "groups.invitation"
MAX_DAYS = 30


def invitation_token(invitation: Invitation) -> str:
    """The secret part of the link: a signature over the invitation's id and nonce."""
    return signing.Signer(salt=SALT).sign_object([invitation.pk, invitation.nonce])


def invitation_create(*, group: Group, by: User, days_valid: int = 7, note: str = ""
                      ) -> Invitation:
    if group.visibility != Group.Visibility.PRIVATE:
        raise ValidationError(_("Invitation links are for private groups; others can be found "
                              "in the directory."), code="not_private")
    if not 1 <= days_valid <= MAX_DAYS:
        raise ValidationError({"days_valid": _("Choose 1 to %(max)d days.") % {"max": MAX_DAYS}})
    return Invitation.objects.create(
        group=group, nonce=secrets.token_urlsafe(32), note=note.strip()[:120], created_by=by,
        expires_at=timezone.now() + timedelta(days=days_valid))


def invitation_revoke(*, invitation: Invitation, by: User) -> bool:
    """Withdraws the link at once; False when it was withdrawn already."""
    return bool(Invitation.objects.filter(pk=invitation.pk, revoked_at__isnull=True)
                .update(revoked_at=timezone.now()))
