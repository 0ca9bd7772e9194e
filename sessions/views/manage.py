"""Facilitator pages: schedule, edit, cancel, take attendance, read anonymous answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from groups import policies as group_policies
from groups.models import Group
from sessions import policies, selectors, services
from sessions.forms import CancelForm, EditForm, ScheduleForm
from sessions.models import Session
from sessions.views.common import (
    form_error,
    posted,
    require_manager,
    require_two_factor,
    session_or_404,
)


@login_required
def choose_group(request):
    """Where a facilitator picks the group to schedule for."""
    groups = list(selectors.schedulable_groups(user=request.user))
    if not groups:
        raise PermissionDenied(_("Only group facilitators can schedule sessions."))
    if response := require_two_factor(request):
        return response
    if len(groups) == 1:
        return redirect("sessions:create", slug=groups[0].slug)
    return render(request, "sessions/choose_group.html", {"groups": groups})


@login_required
def create(request, slug: str):
    group = get_object_or_404(Group, slug=slug)
    if not group_policies.can_view_group(request.user, group):
        raise Http404(_("No such group."))
    if not policies.can_schedule_in(request.user, group):
        raise PermissionDenied(_("Only the group's facilitators can schedule its sessions."))
    if response := require_two_factor(request):
        return response
    form = ScheduleForm(posted(request), group=group,
                        initial={"facilitators": [group_policies.membership_of(request.user,
                                                                               group)],
                                 "format": Session.Format.ONLINE})
    if request.method == "POST" and form.is_valid():
        try:
            created = services.session_schedule(group=group, by=request.user,
                                                details=form.details(),
                                                recurrence=form.recurrence())
        except ValidationError as exc:
            form_error(form, exc)
        else:
            if len(created) == 1:
                messages.success(request, _("The session is scheduled."))
            else:
                messages.success(request, ngettext(
                    "%(count)d session is scheduled.", "%(count)d sessions are scheduled.",
                    len(created)) % {"count": len(created)})
            return redirect("sessions:detail", pk=created[0].pk)
    return render(request, "sessions/form.html", {
        "form": form, "group": group, "creating": True,
        "zone": timezone.get_current_timezone_name(),
    })


@login_required
def edit(request, pk: int):
    session = session_or_404(request, pk)
    if response := require_manager(request, session):
        return response
    if session.status != Session.Status.SCHEDULED:
        messages.error(request, _("A cancelled or closed session cannot be edited."))
        return redirect("sessions:detail", pk=session.pk)
    in_series = session.series_id is not None
    form = EditForm(posted(request), group=session.group, in_series=in_series,
                    initial=EditForm.initial_for(session))
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.session_update(
                session=session, by=request.user, details=form.details(),
                scope=form.cleaned_data.get("scope") or services.Scope.THIS)
        except ValidationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Saved.") if len(changed) == 1 else ngettext(
                "Saved for %(count)d session.", "Saved for %(count)d sessions.",
                len(changed)) % {"count": len(changed)})
            return redirect("sessions:detail", pk=session.pk)
    return render(request, "sessions/form.html", {
        "form": form, "group": session.group, "session": session, "creating": False,
        "zone": timezone.get_current_timezone_name(),
    })


@login_required
def cancel(request, pk: int):
    session = session_or_404(request, pk)
    if response := require_manager(request, session):
        return response
    in_series = session.series_id is not None
    form = CancelForm(posted(request), in_series=in_series)
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = services.session_cancel(
                session=session, by=request.user, note=form.cleaned_data["note"],
                scope=form.cleaned_data.get("scope") or services.Scope.THIS)
        except ValidationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("The session is cancelled; those going are told by email.")
                             if len(cancelled) == 1 else
                             ngettext("%(count)d session is cancelled; those going are told.",
                                      "%(count)d sessions are cancelled; those going are told.",
                                      len(cancelled)) % {"count": len(cancelled)})
            return redirect("sessions:detail", pk=session.pk)
    return render(request, "sessions/cancel.html", {"form": form, "session": session})


@login_required
def attendance(request, pk: int):
    session = session_or_404(request, pk)
    if response := require_manager(request, session):
        return response
    sheet = selectors.attendance_sheet(session=session)
    errors: list[str] = []
    if request.method == "POST":
        try:
            present = {int(value) for value in request.POST.getlist("present")}
        except ValueError:
            present = None
            errors.append(_("Something in the list was not a person. Please try again."))
        if present is not None:
            try:
                services.attendance_set(session=session, present_member_ids=present)
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, _("Attendance saved."))
                return redirect("sessions:attendance", pk=session.pk)
    return render(request, "sessions/attendance.html", {
        "session": session, "sheet": sheet, "errors": errors,
        "opens": session.starts_at - services.participation.ATTENDANCE_OPENS,
        "is_open": session.starts_at - services.participation.ATTENDANCE_OPENS
        <= timezone.now(),
    })


@login_required
def feedback(request, pk: int):
    session = session_or_404(request, pk)
    if not policies.can_read_feedback(request.user, session):
        raise PermissionDenied(_("Only the group's facilitators read the check-out answers."))
    if response := require_two_factor(request):
        return response
    return render(request, "sessions/feedback.html", {
        "session": session, "summary": selectors.checkout_feedback(session=session),
        "minimum": selectors.FEEDBACK_MIN_ANSWERS,
    })
