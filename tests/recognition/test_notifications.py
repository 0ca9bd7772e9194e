from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from groups.models import Membership
from recognition import notifications, services, tasks
from recognition.models import RecognitionPreference, RecognitionRecipient
from tests.recognition.factories import give


def _give_and_commit(django_capture_on_commit_callbacks, *args, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return give(*args, notify=True, **kwargs)


def test_each_recipient_gets_one_email_after_commit(django_capture_on_commit_callbacks,
                                                    employee, colleague, member):
    recognition = _give_and_commit(django_capture_on_commit_callbacks, employee,
                                   [colleague, member], message="You were wonderful.")

    assert sorted(m.to[0] for m in mail.outbox) == sorted([colleague.email, member.email])
    message = mail.outbox[0]
    assert message.subject == "Erin Employee recognised you for active listening"
    assert "You were wonderful." in message.body
    assert f"/recognition/{recognition.pk}/" in message.body
    assert set(RecognitionRecipient.objects.values_list("notification", flat=True)) == {
        "emailed"}


def test_the_task_is_idempotent(django_capture_on_commit_callbacks, employee, colleague):
    recognition = _give_and_commit(django_capture_on_commit_callbacks, employee, colleague)

    assert tasks.notify_recipients.delay(recognition.pk).get() == 0
    assert tasks.notify_recipients(recognition.pk) == 0
    assert len(mail.outbox) == 1


def test_weekly_digest_people_get_no_immediate_email_then_one_digest(
        django_capture_on_commit_callbacks, employee, colleague, member):
    services.preference_update(user=colleague, never_public=False, emails="weekly")
    RecognitionPreference.objects.filter(user=colleague).update(
        last_digest_at=timezone.now() - timedelta(days=8))
    _give_and_commit(django_capture_on_commit_callbacks, employee, colleague, message="One")
    _give_and_commit(django_capture_on_commit_callbacks, member, colleague, message="Two",
                     values=["courage"])
    assert mail.outbox == []

    assert tasks.send_weekly_digests.delay().get() == 1

    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == [colleague.email]
    assert digest.subject == "You were recognised 2 times this week"
    assert "One" in digest.body and "Two" in digest.body and "courage" in digest.body
    assert tasks.send_weekly_digests() == 0
    assert len(mail.outbox) == 1


def test_a_digest_waits_for_its_week(django_capture_on_commit_callbacks, employee, colleague):
    services.preference_update(user=colleague, never_public=False, emails="weekly")
    _give_and_commit(django_capture_on_commit_callbacks, employee, colleague)

    assert notifications.digest_due_user_ids() == []
    later = timezone.now() + timedelta(days=7, minutes=1)
    assert notifications.digest_due_user_ids(now=later) == [colleague.pk]


def test_people_who_turned_emails_off_get_none(django_capture_on_commit_callbacks, employee,
                                               colleague):
    services.preference_update(user=colleague, never_public=False, emails="off")
    _give_and_commit(django_capture_on_commit_callbacks, employee, colleague)
    tasks.send_weekly_digests()

    assert mail.outbox == []
    assert RecognitionRecipient.objects.get().notification == "skipped"


def test_a_recognition_hidden_before_sending_is_not_emailed(employee, colleague, hr):
    recognition = give(employee, colleague, notify=True)
    services.recognition_hide(recognition=recognition, moderator=hr)

    tasks.notify_recipients(recognition.pk)

    assert mail.outbox == []
    assert RecognitionRecipient.objects.get().notification == "skipped"


def test_a_missed_single_email_is_caught_up_by_the_sweep(employee, colleague):
    recognition = give(employee, colleague, notify=True)  # never committed: task never ran
    assert notifications.digest_due_user_ids() == []

    later = recognition.created_at + timedelta(hours=2)
    assert notifications.digest_due_user_ids(now=later) == [colleague.pk]
    tasks.send_digest(colleague.pk)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "You were recognised by a colleague this week"
    assert RecognitionRecipient.objects.get().notification == "digested"


def test_a_pseudonymous_group_email_names_the_pseudonym_and_hides_a_sensitive_group(
        django_capture_on_commit_callbacks, employee, member, circle, join):
    circle.allow_pseudonyms = True
    circle.is_sensitive = True
    circle.save(update_fields=["allow_pseudonyms", "is_sensitive"])
    join(circle, employee, pseudonym="Sparrow")
    assert Membership.objects.filter(group=circle).count() == 3

    _give_and_commit(django_capture_on_commit_callbacks, employee, member,
                     visibility="group", group=circle)

    message = mail.outbox[0]
    assert message.subject.startswith("Sparrow recognised you")
    assert employee.display_name not in message.body
    assert circle.name not in message.body and "in one of your groups" in message.body


def test_a_failed_send_leaves_it_pending_for_a_retry(monkeypatch, employee, colleague):
    recognition = give(employee, colleague, notify=True)

    def broken(*args, **kwargs):
        raise OSError("smtp down")

    monkeypatch.setattr(notifications, "send_mail", broken)
    with pytest.raises(OSError):
        notifications.recognition_notify(recognition_id=recognition.pk)

    assert RecognitionRecipient.objects.get().notification == "pending"
