"""Emails to the people concerned. Each is recorded once, so a task that runs twice sends once."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from groups import policies
from groups.models import GroundRuleVersion, JoinRequest, Membership, NoticeReceipt, Removal
from peersupport.i18n import in_language_of
from peersupport.mail import send_mail
from peersupport.site import absolute_url


def _link(name: str, *args) -> str:
    return absolute_url(reverse(name, args=args))


def _request_context(join_request: JoinRequest) -> dict:
    group = join_request.group
    return {
        "group": group, "join_request": join_request,
        # Facilitators see the name the person asked to be known by in the group.
        "requester_name": policies.name_in_group(join_request.user, group,
                                                 pseudonym=join_request.pseudonym),
        # Never the account's pronouns next to a pseudonym (policies.pronouns_in_request).
        "requester_pronouns": policies.pronouns_in_request(join_request),
        "group_url": _link("groups:detail", group.slug),
        "requests_url": _link("groups:requests", group.slug),
    }


def _compose(kind: str, object_id: int) -> tuple[str, dict] | None:
    """(subject, template context) for a notice, or None when its subject is gone. Call it in
    the recipient's language (`in_language_of`): the subject is translated here."""
    if kind in {"request_received", "request_approved", "request_declined"}:
        join_request = (JoinRequest.objects.select_related("group", "user")
                        .filter(pk=object_id).first())
        if join_request is None:
            return None
        subjects = {
            "request_received": _("Someone asked to join %(group)s"),
            "request_approved": _("Welcome to %(group)s"),
            "request_declined": _("About your request to join %(group)s"),
        }
        return (subjects[kind] % {"group": join_request.group.name},
                _request_context(join_request))
    if kind == "removed":
        removal = Removal.objects.select_related("group").filter(pk=object_id).first()
        if removal is None:
            return None
        return (_("You were removed from %(group)s") % {"group": removal.group.name},
                {"group": removal.group, "removal": removal})
    if kind == "rules_changed":
        version = GroundRuleVersion.objects.select_related("group").filter(pk=object_id).first()
        if version is None:
            return None
        return (_("The ground rules of %(group)s changed") % {"group": version.group.name},
                {"group": version.group, "version": version,
                 "accept_url": _link("groups:accept_rules", version.group.slug)})
    raise ValueError(f"Unknown notice kind {kind!r}")


def notice_send(*, kind: str, object_id: int, recipient: User) -> bool:
    """Sends one notice unless it was sent before. True when an email went out."""
    if not recipient.is_active:
        return False
    with in_language_of(recipient):
        composed = _compose(kind, object_id)
    if composed is None:
        return False
    subject, context = composed
    with transaction.atomic():
        _receipt, created = NoticeReceipt.objects.get_or_create(kind=kind, object_id=object_id,
                                                                recipient=recipient)
        if not created:
            return False
        with in_language_of(recipient):
            body = render_to_string(f"groups/email/{kind}.txt",
                                    {**context, "recipient": recipient})
        # A failure here rolls the receipt back, so the retry sends it.
        send_mail(subject, body, None, [recipient.email])
    return True


def rules_changed_notify(*, version: GroundRuleVersion) -> int:
    """Tells every active member who has not accepted this version yet. Returns emails sent."""
    recipients = (User.objects.filter(
        memberships__group_id=version.group_id, memberships__status=Membership.Status.ACTIVE,
        memberships__accepted_rules_version__lt=version.number, is_active=True))
    return sum(notice_send(kind="rules_changed", object_id=version.pk, recipient=user)
               for user in recipients)
