"""HR's side of formal reports. Everyone who is not an HR admin gets 404 (not 403):
a report's existence is itself private."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from peersupport.permissions import hr_required, is_hr
from support import policies, selectors, services
from support.forms import ReportUpdateForm
from support.models import Report


def hr_only(view):
    """hr_required (login, 2FA), but a signed-in person without the HR role sees a 404."""
    guarded = hr_required(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.user.is_authenticated and not is_hr(request.user):
            raise Http404
        return guarded(request, *args, **kwargs)

    return wrapped


@hr_only
def hr_report_list(request):
    return render(
        request,
        "support/hr_report_list.html",
        {"reports": list(selectors.hr_reports(viewer=request.user))},
    )


@hr_only
def hr_report_detail(request, pk: int):
    report = get_object_or_404(Report.objects.select_related("reporter"), pk=pk)
    content = selectors.report_content(report=report)
    if not policies.can_hr_view_report(request.user, report, {p.pk for p in content.named}):
        raise Http404
    form = ReportUpdateForm(request.POST or None, initial={"new_status": report.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update_post(
                report=report,
                author=request.user,
                new_status=form.cleaned_data["new_status"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Update posted. The person who reported can see it."))
            return redirect("support:hr_report", pk=pk)
    services.report_access_record(report=report, viewer=request.user)
    return render(
        request,
        "support/hr_report_detail.html",
        {
            "report": report,
            "content": content,
            "form": form,
            "timeline": list(selectors.report_timeline(report=report)),
            "access_log": list(selectors.report_access_log(report=report)),
        },
    )
