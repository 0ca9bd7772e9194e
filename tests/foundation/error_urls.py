"""Test-only URLs: the project's, plus a page that fails (for the 500 page)."""

from django.core.exceptions import SuspiciousOperation
from django.urls import path

from peersupport.urls import urlpatterns as project_urlpatterns


def broken_page(request):
    raise RuntimeError("secret-internal-detail: the database password is hunter2")


def suspicious_page(request):
    raise SuspiciousOperation("secret-internal-detail")


urlpatterns = [
    path("test/broken/", broken_page),
    path("test/suspicious/", suspicious_page),
    *project_urlpatterns,
]

handler400 = "peersupport.errors.bad_request"
handler403 = "peersupport.errors.forbidden"
handler404 = "peersupport.errors.not_found"
handler500 = "peersupport.errors.server_error"
