"""Telling people they were recognised: one email each, or a weekly digest, as they chose.

Each recipient row records whether it was sent, so running a task twice emails nobody twice:
rows are locked, the email is sent, and the row is marked in the same transaction (an email
that fails to send rolls the mark back and the next run retries).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from accounts.models import User
from groups.policies import name_in_group
from peersupport.i18n import in_language_of
from peersupport.mail import send_mail
from peersupport.site import absolute_url
from recognition.lists import format_list
from recognition.models import Recognition, RecognitionPreference, RecognitionRecipient

DIGEST_INTERVAL = timedelta(days=7)
# A single email still pending after this long (broker down, or the person switched from the
# weekly digest) is sent by the next sweep as a catch-up digest.
CATCH_UP_AFTER = timedelta(hours=1)


@dataclass
class EmailItem:
    giver_name: str
    message: str
    values: str
    group_name: str  # "" outside a group
    in_sensitive_group: bool  # never named in an inbox
    url: str


def _item(recognition: Recognition, recipient: User) -> EmailItem:
    """Made inside `in_language_of(recipient)`: the values and the context are words."""
    group = recognition.group
    if group is None:
        giver_name, group_name, sensitive = recognition.giver.name, "", False
    else:
        giver_name = name_in_group(recognition.giver, group)
        # A sensitive group is never named in an inbox someone else may glance at.
        sensitive = group.is_sensitive
        group_name = "" if sensitive else group.name
    return EmailItem(
        giver_name=giver_name,
        message=recognition.message,
        values=format_list([value.label.lower() for value in recognition.values.all()]),
        group_name=group_name,
        in_sensitive_group=sensitive,
        url=absolute_url(reverse("recognition:detail", args=[recognition.pk])),
    )


def _settings_url() -> str:
    return absolute_url(reverse("recognition:settings"))


def _emails_choice(user: User) -> str:
    preference = RecognitionPreference.objects.filter(user=user).first()
    return preference.emails if preference else RecognitionPreference.Emails.EACH


def recognition_notify(*, recognition_id: int) -> int:
    """Emails each pending recipient who wants one email each. Returns how many were sent."""
    sent = 0
    link_ids = list(RecognitionRecipient.objects.filter(
        recognition_id=recognition_id, notification=RecognitionRecipient.Notification.PENDING
    ).values_list("pk", flat=True))
    for link_id in link_ids:
        with transaction.atomic():
            link = (RecognitionRecipient.objects.select_for_update(of=("self",))
                    .filter(pk=link_id, notification=RecognitionRecipient.Notification.PENDING)
                    .select_related("recipient", "recognition__giver", "recognition__group")
                    .first())
            if link is None:  # another run got there first
                continue
            recipient, recognition = link.recipient, link.recognition
            choice = _emails_choice(recipient)
            if choice == RecognitionPreference.Emails.WEEKLY:
                continue
            if (choice == RecognitionPreference.Emails.OFF or recognition.is_hidden
                    or not recipient.is_active):
                link.notification = RecognitionRecipient.Notification.SKIPPED
                link.save(update_fields=["notification"])
                continue
            with in_language_of(recipient):
                item = _item(recognition, recipient)
                subject = gettext("%(giver)s recognised you for %(values)s") % {
                    "giver": item.giver_name, "values": item.values}
                body = render_to_string("recognition/email/recognition.txt", {
                    "recipient": recipient, "item": item, "settings_url": _settings_url()})
            send_mail(subject, body, None, [recipient.email])
            link.notification = RecognitionRecipient.Notification.EMAILED
            link.notified_at = timezone.now()
            link.save(update_fields=["notification", "notified_at"])
            sent += 1
    return sent


def digest_due_user_ids(*, now=None) -> list[int]:
    """People with something pending whose digest (or catch-up) is due."""
    now = now or timezone.now()
    pending = RecognitionRecipient.objects.filter(
        notification=RecognitionRecipient.Notification.PENDING, recipient__is_active=True)
    weekly_due = Q(
        recipient__recognition_preference__emails=RecognitionPreference.Emails.WEEKLY,
    ) & (Q(recipient__recognition_preference__last_digest_at__isnull=True)
         | Q(recipient__recognition_preference__last_digest_at__lte=now - DIGEST_INTERVAL))
    catch_up = (
        (Q(recipient__recognition_preference__isnull=True)
         | Q(recipient__recognition_preference__emails=RecognitionPreference.Emails.EACH))
        & Q(recognition__created_at__lte=now - CATCH_UP_AFTER)
    )
    return sorted(set(pending.filter(weekly_due | catch_up)
                      .values_list("recipient_id", flat=True)))


def digest_send(*, user_id: int) -> int:
    """Sends one email with everything pending for this person. Returns how many it held."""
    with transaction.atomic():
        user = User.objects.filter(pk=user_id, is_active=True).first()
        if user is None:
            return 0
        preference, _ = RecognitionPreference.objects.select_for_update().get_or_create(
            user=user)
        links = list(RecognitionRecipient.objects.select_for_update(of=("self",)).filter(
            recipient=user, notification=RecognitionRecipient.Notification.PENDING,
        ).select_related("recognition__giver", "recognition__group").order_by("id"))
        if preference.emails == RecognitionPreference.Emails.OFF:
            RecognitionRecipient.objects.filter(pk__in=[link.pk for link in links]).update(
                notification=RecognitionRecipient.Notification.SKIPPED)
            return 0
        shown = [link for link in links if not link.recognition.is_hidden]
        now = timezone.now()
        if shown:
            with in_language_of(user):
                items = [_item(link.recognition, user) for link in shown]
                subject = (gettext("You were recognised by a colleague this week")
                           if len(items) == 1
                           else ngettext("You were recognised %(count)s time this week",
                                         "You were recognised %(count)s times this week",
                                         len(items)) % {"count": len(items)})
                body = render_to_string("recognition/email/digest.txt", {
                    "recipient": user, "items": items, "settings_url": _settings_url()})
            send_mail(subject, body, None, [user.email])
        RecognitionRecipient.objects.filter(pk__in=[link.pk for link in shown]).update(
            notification=RecognitionRecipient.Notification.DIGESTED, notified_at=now)
        RecognitionRecipient.objects.filter(
            pk__in=[link.pk for link in links if link.recognition.is_hidden]
        ).update(notification=RecognitionRecipient.Notification.SKIPPED)
        if preference.emails == RecognitionPreference.Emails.WEEKLY:
            preference.last_digest_at = now
            preference.save(update_fields=["last_digest_at"])
        return len(shown)
