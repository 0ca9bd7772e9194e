"""Calendar files: one session (signed in) and a person's private feed (secret token)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from peersupport.i18n import in_language_of
from sessions import ics, selectors, services
from sessions.forms import DiscreetForm
from sessions.views.common import posted, session_or_404

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_GET
def session_ics(request, pk: int):
    session = session_or_404(request, pk)
    discreet = selectors.is_discreet_for(session=session, user=request.user)
    body = ics.calendar_bytes([session], discreet_for=lambda _session: discreet,
                              name=ics.NEUTRAL_TITLE if discreet else session.title)
    return _calendar_response(body, f"peersupport-session-{session.pk}.ics")


@never_cache
@require_GET
def feed(request, token: str):
    """No login (calendar apps cannot log in): the unguessable token is the key."""
    owner = selectors.feed_owner(token=token)
    if owner is None:
        raise Http404(_("No such calendar."))
    preference = selectors.calendar_feed_of(user=owner)
    personal = preference is not None and preference.discreet
    sessions = selectors.feed_sessions(user=owner)
    # The calendar app asks without the owner's session: texts in the owner's own language.
    with in_language_of(owner):
        body = ics.calendar_bytes(sessions, name="PeerSupport",
                                  discreet_for=lambda s: personal or s.group.is_sensitive)
    return _calendar_response(body, "peersupport.ics")


@login_required
def calendar_settings(request):
    feed_row = selectors.calendar_feed_of(user=request.user)
    form = DiscreetForm(posted(request),
                        initial={"discreet": feed_row is not None and feed_row.discreet})
    if request.method == "POST" and form.is_valid():
        services.calendar_discreet_set(user=request.user, discreet=form.cleaned_data["discreet"])
        messages.success(request, _("Your calendar choice is saved."))
        return redirect("sessions:calendar_settings")
    feed_url = (request.build_absolute_uri(reverse("sessions:feed", args=[feed_row.token]))
                if feed_row is not None and feed_row.token else None)
    return render(request, "sessions/calendar_settings.html", {"form": form,
                                                               "feed_url": feed_url})


@login_required
@require_POST
def feed_reset(request):
    services.calendar_feed_reset(user=request.user)
    messages.success(request, _("Your private calendar link is ready. Any older link no longer "
                              "works."))
    return redirect("sessions:calendar_settings")


@login_required
@require_POST
def feed_revoke(request):
    services.calendar_feed_revoke(user=request.user)
    messages.success(request, _("Your private calendar link is turned off."))
    return redirect("sessions:calendar_settings")
