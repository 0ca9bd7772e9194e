"""The product's own error pages, on the embedded default too.

`make run` serves with DEBUG on (static files from the finders, the demo accounts' two-factor
exemption), and with DEBUG on Django answers an unknown URL or a raised Http404 with its
technical page: the URL patterns, settings, a traceback. Those are for a developer who asks for
them (DEBUG_TECHNICAL_PAGES=1), never for someone trying the product. Production (DEBUG=0)
already uses the handlers in peersupport.urls; this middleware only acts under DEBUG.
"""

import logging
import sys

from django.conf import settings
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader

from peersupport import outages

logger = logging.getLogger("django.request")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent from a stale page (or another site): say what to do, not why in CSRF terms."""
    return render(request, "errors/403_csrf.html", status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request, exception: BaseException | None = None):
    """Django's 500 handler (it runs while the exception is being handled). A dependency outage
    (the database or Redis down) is not a bug of ours: 503 with Retry-After, and one log line per
    outage (peersupport.outages.OutageLogFilter keeps the traceback out of the log).

    No request context on either page: whatever failed (the database, a context processor)
    must not fail this page too."""
    exception = exception if exception is not None else sys.exc_info()[1]
    if exception is not None and outages.part_of(exception) is not None:
        response = HttpResponse(loader.get_template("errors/503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def product_pages_wanted() -> bool:
    return settings.DEBUG and not getattr(settings, "DEBUG_TECHNICAL_PAGES", False)


class ProductErrorPagesMiddleware:
    """Under DEBUG (and unless DEBUG_TECHNICAL_PAGES): a view's Http404, PermissionDenied,
    SuspiciousOperation or unexpected exception is answered with the product's page, and so is
    a path no URL pattern matched. The last in MIDDLEWARE, so it sees a view's exception first
    and CommonMiddleware still sees the 404 (APPEND_SLASH redirects as before)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No resolver_match: no URL pattern matched, and under DEBUG Django answered with its
        # list of every URL pattern.
        if (response.status_code == 404 and request.resolver_match is None
                and product_pages_wanted()):
            return not_found(request)
        return response

    def process_exception(self, request, exception):
        if not product_pages_wanted():
            return None
        if isinstance(exception, Http404):
            return not_found(request, exception)
        if isinstance(exception, PermissionDenied):
            return forbidden(request, exception)
        if isinstance(exception, SuspiciousOperation):
            logger.warning("Bad request: %s (%s)", request.path, exception,
                           extra={"status_code": 400, "request": request})
            return bad_request(request, exception)
        # Logged as Django logs an uncaught exception, so the developer's console shows it.
        logger.error("Internal Server Error: %s", request.path, exc_info=exception,
                     extra={"status_code": 500, "request": request})
        return server_error(request, exception)
