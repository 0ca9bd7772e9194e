from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from peersupport.permissions import is_hr
from support import selectors


@login_required
def index(request):
    user = request.user
    return render(
        request,
        "support/index.html",
        {
            "sections": selectors.resource_sections(viewer=user),
            "has_reports": selectors.reports_of(reporter=user).exists(),
            "has_conversations": selectors.conversations_started_by(user=user).exists(),
            "queue_count": selectors.conversations_addressed_to(user=user)
            .filter(status="open")
            .count(),
            "viewer_sees_reports": is_hr(user),
        },
    )
