"""Email notices. They carry a link only: no names, no content (inboxes get forwarded).

Each notice is claimed with a conditional update before sending, so a task that runs twice
sends once; a failed send releases the claim so the task's retry can try again.
"""

from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from peersupport.i18n import in_language_of
from peersupport.mail import send_mail
from peersupport.site import absolute_url
from support.models import FacilitatorMessage, Report, ReportUpdate


def _send(*, template: str, link: str, recipients: list[User]) -> None:
    context = {"link": absolute_url(link)}
    for person in recipients:  # one message per person: nobody sees who else was told
        with in_language_of(person):  # each in their own language
            subject = render_to_string(f"support/email/{template}_subject.txt", context).strip()
            body = render_to_string(f"support/email/{template}.txt", context)
        send_mail(subject, body, None, [person.email])


def _claim(model: type[Model], pk: int, field: str) -> bool:
    return bool(
        model.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: timezone.now()})
    )


def _release(model: type[Model], pk: int, field: str) -> None:
    model.objects.filter(pk=pk).update(**{field: None})


def _hr_recipients(report: Report) -> list[User]:
    named = set(report.people_named.values_list("pk", flat=True))
    return list(
        User.objects.filter(is_hr=True, is_active=True)
        .exclude(pk__in=named | {report.reporter_id})
        .only("email", "language")
    )


def conversation_message_notify(*, message_id: int) -> bool:
    message = (
        FacilitatorMessage.objects.select_related("request__requester", "request__facilitator")
        .filter(pk=message_id)
        .first()
    )
    if message is None or not _claim(FacilitatorMessage, message_id, "notified_at"):
        return False
    conversation = message.request
    recipient = conversation.other_party(message.author)
    try:
        _send(
            template="conversation_message",
            link=reverse("support:conversation", args=[conversation.pk]),
            recipients=[recipient] if recipient.is_active else [],
        )
    except Exception:
        _release(FacilitatorMessage, message_id, "notified_at")
        raise
    return True


def report_submitted_notify(*, report_id: int) -> bool:
    report = Report.objects.filter(pk=report_id).exclude(status=Report.Status.DRAFT).first()
    if report is None or not _claim(Report, report_id, "hr_notified_at"):
        return False
    try:
        _send(
            template="report_submitted",
            link=reverse("support:hr_report", args=[report.pk]),
            recipients=_hr_recipients(report),
        )
    except Exception:
        _release(Report, report_id, "hr_notified_at")
        raise
    return True


def report_update_notify(*, update_id: int) -> bool:
    update = ReportUpdate.objects.select_related("report__reporter").filter(pk=update_id).first()
    if update is None or not _claim(ReportUpdate, update_id, "notified_at"):
        return False
    report = update.report
    try:
        if update.from_hr:
            _send(
                template="report_update_for_reporter",
                link=reverse("support:report", args=[report.pk]),
                recipients=[report.reporter] if report.reporter.is_active else [],
            )
        else:
            _send(
                template="report_update_for_hr",
                link=reverse("support:hr_report", args=[report.pk]),
                recipients=_hr_recipients(report),
            )
    except Exception:
        _release(ReportUpdate, update_id, "notified_at")
        raise
    return True
