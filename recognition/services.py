"""Writes for recognition. Rules are checked here (forms only shape the input)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext

from accounts.models import User
from groups.models import Group, Membership
from recognition.models import (
    MESSAGE_MAX_LENGTH,
    REPLY_MAX_LENGTH,
    Reaction,
    Recognition,
    RecognitionPreference,
    RecognitionRecipient,
    Reply,
    Report,
    Value,
)
from recognition.selectors import giving_allowance


def _limit_message(*, limit: int, next_at) -> str:
    when = formats.date_format(timezone.localtime(next_at), "DATETIME_FORMAT")
    return ngettext(
        "You have given %(count)s recognition in the last 7 days, the most anyone can give in "
        "a week, so that each one stays meaningful. You can recognise someone again from "
        "%(when)s.",
        "You have given %(count)s recognitions in the last 7 days, the most anyone can give in "
        "a week, so that each one stays meaningful. You can recognise someone again from "
        "%(when)s.", limit) % {"count": limit, "when": when}


def _check_message(message: str) -> str:
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": gettext("Write a short message: what did they do that "
                                                  "mattered to you?")})
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ValidationError({"message": gettext(
            "Keep the message to %(max)s characters or fewer (it has %(length)s)."
        ) % {"max": MESSAGE_MAX_LENGTH, "length": len(message)}})
    return message


def _check_recipients(*, giver: User, recipients: list[User], group: Group | None) -> None:
    if not recipients:
        raise ValidationError({"recipients": gettext(
            "Choose at least one colleague to recognise.")})
    if any(person.pk == giver.pk for person in recipients):
        raise ValidationError({"recipients": gettext(
            "You can't recognise yourself; choose a colleague.")})
    if any(not person.is_active for person in recipients):
        raise ValidationError({"recipients": gettext(
            "One of the people chosen is no longer active here.")})
    if group is not None:
        members = set(Membership.objects.filter(
            group=group, status=Membership.Status.ACTIVE, user__in=recipients
        ).values_list("user_id", flat=True))
        if members != {person.pk for person in recipients}:
            raise ValidationError({"recipients": gettext(
                "Within a group you can recognise only its current members.")})


def recognition_give(*, giver: User, recipients: Iterable[User], values: Iterable[Value],
                     message: str, visibility: str, group: Group | None = None,
                     notify: bool = True) -> Recognition:
    """Stores a recognition and emails its recipients after commit.

    Raises ValidationError (keyed by field where one is to blame) and stores nothing when
    a rule is broken: empty or long message, no/unknown/inactive recipient, oneself, no or
    inactive value, a group the giver is not in, or the weekly limit reached.
    """
    recipients = list(dict.fromkeys(recipients))
    values = list(dict.fromkeys(values))
    message = _check_message(message)
    if visibility not in Recognition.Visibility.values:
        raise ValidationError({"visibility": gettext("Choose who may see this recognition.")})
    if group is None and visibility == Recognition.Visibility.GROUP:
        raise ValidationError({"visibility": gettext(
            "Group visibility needs a group: start from one of your groups.")})
    if group is not None:
        if visibility == Recognition.Visibility.PUBLIC:
            raise ValidationError({"visibility": gettext(
                "A recognition within a group is visible in that group only, or privately.")})
        if not Membership.objects.filter(group=group, user=giver,
                                         status=Membership.Status.ACTIVE).exists():
            raise ValidationError(gettext("You can recognise colleagues within a group only "
                                          "while you are one of its members."))
    _check_recipients(giver=giver, recipients=recipients, group=group)
    if not values or any(not value.is_active for value in values):
        raise ValidationError({"values": gettext("Choose at least one of the listed values.")})

    with transaction.atomic():
        # Serialise one giver's submissions so two tabs cannot both pass the limit check.
        User.objects.select_for_update().filter(pk=giver.pk).first()
        allowance = giving_allowance(giver=giver)
        if allowance.remaining <= 0:
            raise ValidationError(_limit_message(limit=allowance.limit,
                                                 next_at=allowance.next_available_at))
        recognition = Recognition.objects.create(giver=giver, message=message, group=group,
                                                 visibility=visibility)
        status = (RecognitionRecipient.Notification.PENDING if notify
                  else RecognitionRecipient.Notification.SKIPPED)
        RecognitionRecipient.objects.bulk_create([
            RecognitionRecipient(recognition=recognition, recipient=person, notification=status)
            for person in recipients
        ])
        recognition.values.set(values)
        if notify:
            from recognition.tasks import notify_recipients

            recognition_id = recognition.pk
            transaction.on_commit(lambda: notify_recipients.delay(recognition_id))
    return recognition


def reaction_toggle(*, recognition: Recognition, user: User, kind: str) -> bool:
    """Adds the person's reaction of this kind, or takes it back. Returns whether it is on.

    The unique constraint keeps one per person and kind even when two clicks race.
    """
    if kind not in Reaction.Kind.values:
        raise ValidationError(gettext("That reaction is not one of the choices."))
    deleted, _ = Reaction.objects.filter(recognition=recognition, user=user, kind=kind).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(recognition=recognition, user=user, kind=kind)
    except IntegrityError:
        pass  # a simultaneous click already added it: it is on either way
    return True


def reply_post(*, recognition: Recognition, author: User, body: str) -> Reply:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": gettext("Write a reply first.")})
    if len(body) > REPLY_MAX_LENGTH:
        raise ValidationError({"body": gettext(
            "Keep replies to %(max)s characters or fewer (this one has %(length)s)."
        ) % {"max": REPLY_MAX_LENGTH, "length": len(body)}})
    if recognition.is_hidden:
        raise ValidationError(gettext("This recognition was hidden by a moderator."))
    return Reply.objects.create(recognition=recognition, author=author, body=body)


def reply_delete(*, reply: Reply) -> None:
    """The author takes their own reply back."""
    reply.delete()


def reply_hide(*, reply: Reply) -> None:
    Reply.objects.filter(pk=reply.pk).update(is_hidden=True)


def report_file(*, recognition: Recognition, reporter: User, reason: str,
                details: str = "") -> tuple[Report, bool]:
    """Files a report once per person; a second one returns the first (created=False)."""
    if reason not in Report.Reason.values:
        raise ValidationError({"reason": gettext("Choose what is wrong with it.")})
    details = (details or "").strip()
    if len(details) > 1000:
        raise ValidationError({"details": gettext(
            "Keep the details to %(max)s characters or fewer.") % {"max": 1000}})
    try:
        with transaction.atomic():
            report = Report.objects.create(recognition=recognition, reporter=reporter,
                                           reason=reason, details=details)
            return report, True
    except IntegrityError:
        return Report.objects.get(recognition=recognition, reporter=reporter), False


def recognition_hide(*, recognition: Recognition, moderator: User) -> bool:
    """Hides it from everyone but its giver and resolves its open reports. False if already."""
    now = timezone.now()
    with transaction.atomic():
        changed = Recognition.objects.filter(pk=recognition.pk, is_hidden=False).update(
            is_hidden=True, hidden_at=now, hidden_by=moderator)
        Report.objects.filter(recognition=recognition, status=Report.Status.OPEN).update(
            status=Report.Status.ACTIONED, resolved_at=now, resolved_by=moderator)
    return bool(changed)


def recognition_restore(*, recognition: Recognition, moderator: User) -> bool:
    changed = Recognition.objects.filter(pk=recognition.pk, is_hidden=True).update(
        is_hidden=False, hidden_at=None, hidden_by=None)
    return bool(changed)


def reports_dismiss(*, recognition: Recognition, moderator: User) -> int:
    return Report.objects.filter(recognition=recognition, status=Report.Status.OPEN).update(
        status=Report.Status.DISMISSED, resolved_at=timezone.now(), resolved_by=moderator)


def preference_update(*, user: User, never_public: bool, emails: str) -> RecognitionPreference:
    if emails not in RecognitionPreference.Emails.values:
        raise ValidationError({"emails": gettext(
            "Choose how you'd like to hear about recognition.")})
    preference, _ = RecognitionPreference.objects.get_or_create(user=user)
    fields = ["never_public", "emails"]
    if emails == RecognitionPreference.Emails.WEEKLY and preference.emails != emails:
        # The first digest comes a week after choosing it, not at the next hourly run.
        preference.last_digest_at = timezone.now()
        fields.append("last_digest_at")
    if emails == RecognitionPreference.Emails.OFF:
        RecognitionRecipient.objects.filter(
            recipient=user, notification=RecognitionRecipient.Notification.PENDING
        ).update(notification=RecognitionRecipient.Notification.SKIPPED)
    preference.never_public = never_public
    preference.emails = emails
    preference.save(update_fields=fields)
    return preference
