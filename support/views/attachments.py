"""Downloading a report's screenshot or document: only as a download, only for the reporter
and the HR admins who may see the report; nobody else learns that it exists (404)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from support import policies, services
from support.attachments import CONTENT_TYPES
from support.models import ReportAttachment
from support.views.hr import hr_only

# What the browser may do with the file should it ever render it anyway (an old browser, a
# "open" click in the download bar on the site's origin): nothing. No scripts, no plugins, no
# forms, no same-origin access, nothing loaded from anywhere.
DOWNLOAD_CSP = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; " \
               "frame-ancestors 'none'"


@login_required
@require_GET
def attachment_download(request, pk: int, attachment_pk: int):
    attachment = get_object_or_404(
        ReportAttachment.objects.select_related("report"), pk=attachment_pk, report_id=pk)
    if policies.is_reporter(request.user, attachment.report):
        return _download(request, attachment)
    return _hr_download(request, attachment)


@hr_only  # HR's own rules: the role and two-factor, as for the report page itself
def _hr_download(request, attachment: ReportAttachment):
    if not policies.can_download_attachment(request.user, attachment.report):
        raise Http404
    return _download(request, attachment)


def _download(request, attachment: ReportAttachment) -> HttpResponse:
    if not attachment.is_file:
        raise Http404  # text attachments are shown in the report itself
    services.report_attachment_downloaded(attachment=attachment, viewer=request.user)
    data = bytes(attachment.data)
    response = HttpResponse(data, content_type=CONTENT_TYPES[attachment.kind])
    response["Content-Disposition"] = content_disposition_header(True, attachment.filename)
    response["Content-Length"] = str(len(data))
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Referrer-Policy"] = "no-referrer"
    return response
