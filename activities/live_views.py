"""The presenter page (`/sessions/<id>/activity/`): large step cards and the timer for a screen
in the room, driven by the keyboard. Its controls go through the same services as the chat's
`activity.*` frames, so an online room follows along."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.two_factor import second_factor_passed
from activities import live, policies, selectors
from chat.services.errors import ChatRefusal
from sessions.models import Session
from sessions.policies import can_view_session


def _runnable_session(request, session_id: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("group"), pk=session_id)
    if not can_view_session(request.user, session):
        raise Http404
    if not policies.can_run(request.user, session, second_factor=second_factor_passed(request)):
        raise PermissionDenied(_("Only the group's facilitators (with two-factor set up) can "
                                 "present its activities."))
    return session


@require_GET
@login_required
def presenter(request, session_id: int):
    session = _runnable_session(request, session_id)
    planned = selectors.planned_for(session=session)
    return render(request, "activities/presenter.html", {
        "session": session, "planned": planned,
        "config": {
            "controlUrl": reverse("activities:control", args=[session.pk]),
            "run": live.activity_state(session=session),
            "planned": [{"slug": a.slug, "title": a.title, "minutes": a.duration_minutes}
                        for a in planned],
        },
    })


ACTIONS = {
    "start": lambda session, user, data: live.run_start(
        session=session, activity_slug=data.get("activity"), by=user),
    "next": lambda session, user, data: live.run_move(
        session=session, by=user, delta=1, version=data.get("version")),
    "back": lambda session, user, data: live.run_move(
        session=session, by=user, delta=-1, version=data.get("version")),
    "pause": lambda session, user, data: live.run_pause(
        session=session, by=user, version=data.get("version")),
    "resume": lambda session, user, data: live.run_resume(
        session=session, by=user, version=data.get("version")),
    "end": lambda session, user, data: live.run_end(
        session=session, by=user, version=data.get("version")),
}


@require_POST
@login_required
def control(request, session_id: int):
    """One presenter action; answers the run as JSON (`run`), or an error with the current
    run so the screen resyncs."""
    session = _runnable_session(request, session_id)
    action = ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return JsonResponse({"code": "invalid", "detail": _("Unknown action.")}, status=400)
    data = {"activity": request.POST.get("activity")}
    version = request.POST.get("version", "")
    if version:
        if not version.isdigit() or len(version) > 9:
            return JsonResponse({"code": "invalid", "detail": _("Bad version.")}, status=400)
        data["version"] = int(version)
    try:
        run = action(session, request.user, data)
    except ChatRefusal as refusal:
        return JsonResponse({"code": refusal.code, "detail": refusal.detail,
                             "run": live.activity_state(session=session)}, status=409)
    return JsonResponse({"run": live.run_frame(run)})
