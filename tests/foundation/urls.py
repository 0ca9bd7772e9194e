"""Test-only URLs: one page per site-wide role, next to the real project URLs."""

from django.http import HttpResponse
from django.urls import path

from peersupport.permissions import facilitator_required, hr_required
from peersupport.urls import urlpatterns as project_urlpatterns


@facilitator_required
def facilitator_page(request):
    return HttpResponse("facilitator tools")


@hr_required
def hr_page(request):
    return HttpResponse("aggregate dashboard")


urlpatterns = [
    path("test/facilitator-page/", facilitator_page, name="test_facilitator_page"),
    path("test/hr-page/", hr_page, name="test_hr_page"),
    *project_urlpatterns,
]

handler403 = "peersupport.errors.forbidden"
handler404 = "peersupport.errors.not_found"
