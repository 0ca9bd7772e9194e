"""Private moods (owner only) and the anonymous check-out answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sessions import policies, selectors, services
from sessions.forms import CheckoutForm, MoodForm
from sessions.views.common import form_error, missed_context, posted, session_or_404


@login_required
@require_POST
def mood(request, pk: int):
    session = session_or_404(request, pk)
    if not policies.can_take_part(request.user, session):
        raise PermissionDenied(_("Join the group to check in."))
    form = MoodForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a number from 1 to 5."))
        return redirect("sessions:detail", pk=session.pk)
    try:
        services.mood_record(user=request.user, session=session,
                             moment=form.cleaned_data["moment"], score=form.cleaned_data["score"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Noted, for you alone."))
    return redirect("sessions:detail", pk=session.pk)


@login_required
def checkout(request, pk: int):
    session = session_or_404(request, pk)
    if not policies.can_take_part(request.user, session):
        raise PermissionDenied(_("Join the group to take part."))
    if not selectors.is_attendee(session=session, user=request.user):
        raise PermissionDenied(_("Only people who attended can answer for this session."))
    if selectors.has_answered_checkout(session=session, user=request.user):
        messages.info(request, _("You have already answered for this session. Thank you."))
        return redirect("sessions:detail", pk=session.pk)
    form = CheckoutForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.checkout_answer(session=session, user=request.user,
                                     score=form.cleaned_data["score"],
                                     comment=form.cleaned_data["comment"])
        except ValidationError as exc:
            form_error(form, exc)
        else:
            messages.success(request, _("Thank you. Your answer reached the facilitators without "
                                      "your name."))
            return redirect("sessions:detail", pk=session.pk)
    return render(request, "sessions/checkout.html", {"session": session, "form": form})


@login_required
def my_checkins(request):
    entries = selectors.my_mood_entries(user=request.user)
    return render(request, "sessions/my_checkins.html", {
        "entries": entries,
        **missed_context(request.user),
    })
