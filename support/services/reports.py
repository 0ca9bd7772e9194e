"""Formal reports to HR: private drafts, submission, HR's updates, the access log."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from support import limits, policies
from support.attachments import TextAttachment, file_attachment_check, text_attachment_check
from support.models import Report, ReportAccessLog, ReportAttachment, ReportUpdate
from support.selectors import report_missing_parts
from support.text import number

HR_STATUSES = [
    Report.Status.RECEIVED,
    Report.Status.IN_REVIEW,
    Report.Status.RESOLVED,
    Report.Status.CLOSED,
]

TEXT_LIMITS = {
    "what_happened": (limits.WHAT_HAPPENED_MAX, _("What happened")),
    "happened_when": (limits.HAPPENED_WHEN_MAX, _("When")),
    "people_described": (limits.PEOPLE_DESCRIBED_MAX, _("People described in words")),
    "witnesses": (limits.WITNESSES_MAX, _("Witnesses")),
}


def _check_texts(texts: dict[str, str]) -> None:
    errors = {}
    for name, value in texts.items():
        maximum, label = TEXT_LIMITS[name]
        if len(value) > maximum:
            errors[name] = gettext(
                "%(field)s is %(length)s characters; the limit is %(max)s. "
                "Shorten it, or attach the rest as a text file."
            ) % {"field": label, "length": number(len(value)), "max": number(maximum)}
    if errors:
        raise ValidationError(errors)


def _check_named(*, reporter: User, people: list[User]) -> None:
    if len(people) > limits.NAMED_PEOPLE_MAX:
        raise ValidationError(
            {
                "people_named": gettext(
                    "Name at most %(count)s people; describe the others in words."
                ) % {"count": limits.NAMED_PEOPLE_MAX}
            }
        )
    if any(p.pk == reporter.pk for p in people):
        raise ValidationError({"people_named": gettext("You cannot name yourself.")})


@transaction.atomic
def report_draft_save(
    *,
    reporter: User,
    report: Report | None = None,
    what_happened: str,
    happened_when: str,
    people_named: Iterable[User],
    people_described: str,
    witnesses: str,
    attachment: TextAttachment | None = None,
    remove_attachment_ids: Iterable[int] = (),
) -> Report:
    """Creates or updates the reporter's private draft. Nothing is sent to anyone."""
    texts = {
        "what_happened": what_happened,
        "happened_when": happened_when,
        "people_described": people_described,
        "witnesses": witnesses,
    }
    _check_texts(texts)
    people = list(people_named)
    _check_named(reporter=reporter, people=people)
    if report is None:
        report = Report.objects.create(reporter=reporter, **texts)
    else:
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if not policies.can_edit_report(reporter, locked):
            raise ValidationError(
                gettext("This report was submitted; it can no longer be changed."))
        Report.objects.filter(pk=report.pk).update(updated_at=timezone.now(), **texts)
        for name, value in texts.items():
            setattr(report, name, value)
    report.people_named.set(people)
    remove_ids = list(remove_attachment_ids)
    if remove_ids:
        report.attachments.filter(pk__in=remove_ids).delete()
    if attachment is not None:
        report_attachment_add(report=report, attachment=attachment)
    return report


def report_attachment_add(*, report: Report, attachment: TextAttachment) -> ReportAttachment:
    if attachment.is_file:
        file_attachment_check(filename=attachment.filename, kind=attachment.kind,
                              data=attachment.data)
    else:
        text_attachment_check(
            filename=attachment.filename, content=attachment.content, size=attachment.size
        )
    if report.attachments.count() >= limits.ATTACHMENTS_PER_REPORT:
        raise ValidationError(
            {"attachment": f"A report holds at most {limits.ATTACHMENTS_PER_REPORT} attachments."}
        )
    return ReportAttachment.objects.create(
        report=report,
        filename=attachment.filename,
        kind=attachment.kind,
        content=attachment.content,
        data=attachment.data,
        size=len(attachment.data) if attachment.is_file else attachment.size,
    )


def report_attachment_downloaded(*, attachment: ReportAttachment, viewer: User) -> None:
    """An HR admin's download is an opening of the report: the reporter sees it in the log."""
    if not policies.is_reporter(viewer, attachment.report):
        report_access_record(report=attachment.report, viewer=viewer)


def report_draft_delete(*, report: Report, reporter: User) -> None:
    """Deletes the draft for good (with its attachments). Submitted reports stay."""
    deleted, _ = Report.objects.filter(
        pk=report.pk, reporter=reporter, status=Report.Status.DRAFT
    ).delete()
    if not deleted:
        raise ValidationError(
            gettext("Only your own drafts can be deleted; this one was submitted."))


def report_submit(*, report: Report, reporter: User) -> Report:
    """Sends the draft to HR. Safe to call twice: the second call changes nothing."""
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.reporter_id != reporter.pk:
            raise ValidationError(gettext("Only the person who wrote a report can submit it."))
        if not locked.is_draft:
            return locked
        missing = report_missing_parts(report=locked)
        if missing:
            raise ValidationError(missing)
        now = timezone.now()
        Report.objects.filter(pk=locked.pk, status=Report.Status.DRAFT).update(
            status=Report.Status.RECEIVED, submitted_at=now, updated_at=now
        )
        ReportUpdate.objects.create(
            report=locked,
            author=reporter,
            from_hr=False,
            old_status=Report.Status.DRAFT,
            new_status=Report.Status.RECEIVED,
        )
        for instance in (locked, report):
            instance.status, instance.submitted_at = Report.Status.RECEIVED, now
        from support.tasks import send_report_submitted_notice

        transaction.on_commit(lambda: send_report_submitted_notice.delay(locked.pk))
    return locked


def report_update_post(*, report: Report, author: User, new_status: str, body: str) -> ReportUpdate:
    """HR changes the status and/or replies; the reporter is told there is an update."""
    if new_status not in HR_STATUSES:
        raise ValidationError({"new_status": gettext("Choose one of the listed statuses.")})
    body = (body or "").strip()
    if len(body) > limits.REPORT_UPDATE_MAX:
        raise ValidationError(
            {"body": gettext("Keep a reply under %(max)s characters.")
             % {"max": number(limits.REPORT_UPDATE_MAX)}}
        )
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if not policies.can_hr_view_report(author, locked):
            raise ValidationError(
                gettext("Only HR admins who may open this report can update it."))
        if new_status == locked.status and not body:
            raise ValidationError(gettext("Change the status or write a reply."))
        now = timezone.now()
        Report.objects.filter(pk=locked.pk).update(status=new_status, updated_at=now)
        update = ReportUpdate.objects.create(
            report=locked,
            author=author,
            from_hr=True,
            old_status=locked.status,
            new_status=new_status if new_status != locked.status else "",
            body=body,
        )
        report.status = new_status
        _enqueue_update_notice(update)
    return update


def report_add_information(*, report: Report, reporter: User, body: str) -> ReportUpdate:
    """The reporter adds to a submitted report (answers HR, adds what they remembered)."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": gettext("Write something to add first.")})
    if len(body) > limits.REPORT_UPDATE_MAX:
        raise ValidationError(
            {"body": gettext("Keep a message under %(max)s characters.")
             % {"max": number(limits.REPORT_UPDATE_MAX)}}
        )
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.reporter_id != reporter.pk or locked.is_draft:
            raise ValidationError(
                gettext("You can add information to your own submitted reports."))
        if locked.status == Report.Status.CLOSED:
            raise ValidationError(
                gettext("This report is closed. Make a new report if you need to."))
        Report.objects.filter(pk=locked.pk).update(updated_at=timezone.now())
        update = ReportUpdate.objects.create(
            report=locked, author=reporter, from_hr=False, body=body
        )
        _enqueue_update_notice(update)
    return update


def _enqueue_update_notice(update: ReportUpdate) -> None:
    from support.tasks import send_report_update_notice

    transaction.on_commit(lambda: send_report_update_notice.delay(update.pk))


def report_access_record(*, report: Report, viewer: User) -> ReportAccessLog:
    """Records that an HR admin opened the report; the reporter sees this log."""
    return ReportAccessLog.objects.create(report=report, viewer=viewer)


def report_named_avoid(*, report: Report, reporter: User, people: Iterable[User]) -> int:
    """Adds people the reporter named to their private "rather not share a room" list.

    Only people named in this report; nobody is told. Returns how many were added or kept.
    """
    from groups.services import avoid_list_add

    if report.reporter_id != reporter.pk or report.is_draft:
        raise ValidationError(gettext("Only the reporter of a submitted report can do this."))
    named_ids = set(report.people_named.values_list("pk", flat=True))
    chosen = [p for p in people if p.pk in named_ids and p.pk != reporter.pk]
    with transaction.atomic():
        for person in chosen:
            avoid_list_add(owner=reporter, person=person, source="report")
    return len(chosen)
