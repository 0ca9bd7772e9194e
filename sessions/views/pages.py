"""Pages every member uses: the list, a session, RSVP, rules, my schedule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groups import policies as group_policies
from groups.rules import rules_localized
from sessions import policies, selectors, services
from sessions.forms import RSVPForm
from sessions.models import RSVP, MoodEntry
from sessions.views.common import missed_context, safe_next, session_or_404


@login_required
def session_list(request):
    mine = selectors.collapse_series(list(selectors.sessions_of_my_groups(user=request.user)))
    discover = selectors.collapse_series(list(selectors.discoverable_sessions(user=request.user)))
    return render(request, "sessions/list.html", {
        "mine": mine, "discover": discover,
        "can_schedule": selectors.schedulable_groups(user=request.user).exists(),
    })


@login_required
def session_detail(request, pk: int):
    session = session_or_404(request, pk)
    viewer = request.user
    membership = group_policies.membership_of(viewer, session.group)
    is_member = membership is not None
    can_manage = is_member and policies.can_manage_session(viewer, session)
    now = timezone.now()
    facilitators = selectors.facilitators_shown(session=session)
    context = {
        "session": session,
        "membership": membership,
        "can_manage": can_manage,
        "seats_left": selectors.seats_left(session=session, going=session.going_count),
        "facilitator_entries": list(facilitators.values()),
        "is_session_facilitator": viewer.pk in facilitators,
        "rules": selectors.rules_to_accept(session=session, user=viewer) if is_member else None,
        "group_rules": None if is_member else rules_localized(
            selectors.session_rules(session=session)),
        "has_accepted": (is_member
                         and selectors.has_accepted_session_rules(session=session, user=viewer)),
        "waitlist_position": (selectors.waitlist_position(session=session, user=viewer)
                              if session.my_rsvp == RSVP.Status.WAITLISTED else None),
        "avoided_present": (policies.may_be_warned_about_private_list(
            membership=membership, my_rsvp=session.my_rsvp,
            is_session_facilitator=viewer.pk in facilitators)
            and selectors.avoided_people_going(session=session, viewer=viewer)),
        "is_upcoming": session.starts_at > now,
        "has_started": session.starts_at <= now,
        "is_over": session.ends_at <= now,
        "is_scheduled": session.status == "scheduled",
        "is_attendee": (is_member and session.starts_at <= now
                        and selectors.is_attendee(session=session, user=viewer)),
        "moods": selectors.my_mood_for(session=session, user=viewer) if is_member else {},
        "other_dates": selectors.other_dates(session=session),
        "check_in_open": session.starts_at - services.CHECK_IN_OPENS <= now,
    }
    if context["is_attendee"]:
        context["has_answered"] = selectors.has_answered_checkout(session=session, user=viewer)
    return render(request, "sessions/detail.html", context)


@login_required
@require_POST
def rsvp(request, pk: int):
    session = session_or_404(request, pk)
    if not policies.can_take_part(request.user, session):
        raise PermissionDenied(_("Join the group to take part in its sessions."))
    form = RSVPForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose going or not going."))
        return redirect("sessions:detail", pk=session.pk)
    try:
        result = services.rsvp_set(session=session, user=request.user,
                                   status=form.cleaned_data["status"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("sessions:detail", pk=session.pk)
    texts = {
        RSVP.Status.GOING: _("You're going. We'll remind you a day and an hour before."),
        RSVP.Status.WAITLISTED: _("You're on the waitlist. We'll email you if a seat comes "
                                  "free."),
        RSVP.Status.NOT_GOING: _("Thanks for letting us know. Your seat is free for someone "
                                 "else."),
    }
    messages.success(request, texts[result.status])
    return redirect("sessions:detail", pk=session.pk)


@login_required
def accept_rules(request, pk: int):
    session = session_or_404(request, pk)
    if not policies.can_take_part(request.user, session):
        raise PermissionDenied(_("Join the group to accept its ground rules."))
    detail_url = reverse("sessions:detail", args=[session.pk])
    next_url = safe_next(request, detail_url)
    if request.method == "POST":
        try:
            services.session_rules_accept(session=session, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(detail_url)
        messages.success(request, _("Thank you. You accepted the ground rules for this session."))
        return redirect(next_url)
    return render(request, "sessions/accept_rules.html", {
        "session": session,
        "rules": selectors.rules_to_accept(session=session, user=request.user),
        "has_accepted": selectors.has_accepted_session_rules(session=session, user=request.user),
        "next": next_url,
    })


@login_required
def my_schedule(request):
    return render(request, "sessions/my_schedule.html", {
        "upcoming": list(selectors.my_upcoming(user=request.user)),
        **missed_context(request.user),
        "attended": list(selectors.recent_attended(user=request.user)),
        "feed": selectors.calendar_feed_of(user=request.user),
        "moment_before": MoodEntry.Moment.BEFORE,
    })
