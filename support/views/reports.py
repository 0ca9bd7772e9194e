"""The reporter's side of a formal report: private drafts, preview, submit, follow the status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from recognition.lists import format_list
from support import limits, policies, selectors, services
from support.forms import AvoidNamedForm, ReportDraftForm, ReportInformationForm
from support.models import Report


def _own_report(request, pk: int) -> Report:
    """The viewer's own report, or 404 (someone else's report does not exist for them)."""
    report = get_object_or_404(Report.objects.select_related("reporter"), pk=pk)
    if not policies.is_reporter(request.user, report):
        raise Http404
    return report


def _own_draft(request, pk: int) -> Report:
    report = _own_report(request, pk)
    if not report.is_draft:
        raise Http404
    return report


@login_required
def report_list(request):
    return render(
        request,
        "support/report_list.html",
        {"reports": list(selectors.reports_of(reporter=request.user))},
    )


def _draft_form_page(request, report: Report | None):
    """New and edit share one page. Text is saved even when an attached file is refused."""
    colleagues = selectors.colleagues_to_name(reporter=request.user)
    initial = {}
    if report is not None:
        initial = {
            "what_happened": report.what_happened,
            "happened_when": report.happened_when,
            "people_described": report.people_described,
            "witnesses": report.witnesses,
            "people_named": list(report.people_named.all()),
        }
    form = ReportDraftForm(
        request.POST or None,
        request.FILES or None,
        colleagues=colleagues,
        report=report,
        initial=initial,
    )
    if request.method == "POST":
        form.is_valid()
        if not (set(form.errors) - {"attachment"}):
            data = form.cleaned_data
            try:
                report = services.report_draft_save(
                    reporter=request.user,
                    report=report,
                    what_happened=data["what_happened"],
                    happened_when=data["happened_when"],
                    people_named=data["people_named"],
                    people_described=data["people_described"],
                    witnesses=data["witnesses"],
                    attachment=data.get("attachment"),
                    remove_attachment_ids=[a.pk for a in data.get("remove_attachments", [])],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                if "attachment" in form.errors:
                    messages.warning(
                        request,
                        gettext("Your draft is saved, but the file was not attached: see below."),
                    )
                    return _render_form(request, form, report)
                messages.success(request, gettext("Draft saved. Only you can see it."))
                if "preview" in request.POST:
                    return redirect("support:report_preview", pk=report.pk)
                return redirect("support:report_edit", pk=report.pk)
    return _render_form(request, form, report)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _render_form(request, form, report):
    return render(
        request,
        "support/report_form.html",
        {
            "form": form,
            "report": report,
            "attachments": list(report.attachments.all()) if report else [],
            "limits": limits,
        },
    )


@login_required
def report_new(request):
    return _draft_form_page(request, None)


@login_required
def report_edit(request, pk: int):
    return _draft_form_page(request, _own_draft(request, pk))


@login_required
def report_preview(request, pk: int):
    report = _own_draft(request, pk)
    content = selectors.report_content(report=report)
    named_hr = [p for p in content.named if p.is_hr and p.is_active]
    return render(
        request,
        "support/report_preview.html",
        {
            "report": report,
            "content": content,
            "missing": selectors.report_missing_parts(
                report=report, named_count=len(content.named)
            ),
            "named_hr": named_hr,
            "named_hr_names": format_list([p.name for p in named_hr]),
        },
    )


@login_required
@require_POST
def report_submit(request, pk: int):
    report = _own_draft(request, pk)
    try:
        services.report_submit(report=report, reporter=request.user)
    except ValidationError:
        messages.error(
            request, gettext("The report is not complete yet: see what is missing below."))
        return redirect("support:report_preview", pk=pk)
    messages.success(
        request, gettext("Your report was sent to HR. You can follow its status here."))
    return redirect("support:report", pk=pk)


@login_required
def report_delete(request, pk: int):
    report = _own_draft(request, pk)
    if request.method == "POST":
        services.report_draft_delete(report=report, reporter=request.user)
        messages.success(request, gettext("The draft was deleted. Nothing was sent to anyone."))
        return redirect("support:reports")
    return render(request, "support/report_delete.html", {"report": report})


@login_required
def report_detail(request, pk: int):
    """The reporter's view of a submitted report: content, status, replies, HR access log."""
    report = _own_report(request, pk)
    if report.is_draft:
        return redirect("support:report_edit", pk=pk)
    form = ReportInformationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_add_information(
                report=report, reporter=request.user, body=form.cleaned_data["body"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, gettext("Added. HR can see it with your report."))
            return redirect("support:report", pk=pk)
    candidates = selectors.named_not_yet_avoided(report=report, user=request.user)
    return render(
        request,
        "support/report_detail.html",
        {
            "report": report,
            "content": selectors.report_content(report=report),
            "timeline": list(selectors.report_timeline(report=report)),
            "access_log": list(selectors.report_access_log(report=report)),
            "form": form,
            "avoid_form": AvoidNamedForm(
                candidates=candidates, initial={"people": [p.pk for p in candidates]}
            )
            if candidates
            else None,
        },
    )


@login_required
@require_POST
def report_avoid(request, pk: int):
    report = _own_report(request, pk)
    if report.is_draft:
        raise Http404
    candidates = selectors.named_not_yet_avoided(report=report, user=request.user)
    form = AvoidNamedForm(request.POST, candidates=candidates)
    if not form.is_valid():
        messages.error(
            request, gettext("Tick at least one person to add, or leave the list as it is."))
        return redirect("support:report", pk=pk)
    added = services.report_named_avoid(
        report=report, reporter=request.user, people=form.cleaned_data["people"]
    )
    messages.success(
        request,
        ngettext("Added %(count)s person to your private list. Nobody is told.",
                 "Added %(count)s people to your private list. Nobody is told.",
                 added) % {"count": added},
    )
    return redirect("support:report", pk=pk)
