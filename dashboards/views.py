import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from dashboards import panels, rollups
from dashboards.exports import dashboard_csv_rows
from dashboards.forms import DashboardFilterForm
from dashboards.privacy import NEVER_SHOWN, min_group_size, rounding_note, rules_for_employees
from dashboards.report import dashboard_for
from dashboards.selectors.engagement import available_panels
from peersupport.permissions import hr_required


@require_GET
@never_cache
@hr_required
def index(request):
    state = rollups.current()
    form = DashboardFilterForm(request.GET, now=state.built_at)
    if not form.is_valid():
        return render(request, "dashboards/index.html",
                      {"form": form, "dashboard": None, "k": min_group_size()}, status=400)
    dashboard = dashboard_for(scope=form.scope(), filters=form.filter_labels(), state=state)
    return render(request, "dashboards/index.html", {
        "form": form, "dashboard": dashboard, "k": min_group_size(),
        "privacy_note": rounding_note(), "query": request.GET.urlencode(),
    })


@require_GET
@never_cache
@hr_required
def export_csv(request):
    state = rollups.current()
    form = DashboardFilterForm(request.GET, now=state.built_at)
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponse(gettext("Invalid filters: %(errors)s") % {"errors": errors}, status=400,
                            content_type="text/plain; charset=utf-8")
    dashboard = dashboard_for(scope=form.scope(), filters=form.filter_labels(), state=state)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="peersupport-dashboard-{dashboard.period.start:%Y-%m-%d}-'
        f'{dashboard.period.end:%Y-%m-%d}.csv"')
    writer = csv.writer(response)
    writer.writerows(dashboard_csv_rows(dashboard=dashboard))
    return response


@require_GET
@login_required
def what_hr_sees(request):
    present = available_panels()
    shown = [p for p in panels.PANELS if not p.requires or p.requires in present]
    return render(request, "dashboards/what_hr_sees.html", {
        "k": min_group_size(), "rules": rules_for_employees(), "never_shown": NEVER_SHOWN,
        "panels": shown,
    })
