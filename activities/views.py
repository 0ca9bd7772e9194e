"""The activity library: browse, read, favourite, write your own, plan into a session, rate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.two_factor import second_factor_passed
from activities import content, policies, selectors, services
from activities.forms import ActivityForm, LibraryFilterForm, PlanForm, RateForm, StepFormSet
from activities.models import Activity, ActivityRun
from groups.models import Group, Membership
from groups.rules import RULE_KEY_LABELS
from sessions.models import Session
from sessions.views.common import safe_next


def _visible_or_404(request, slug: str) -> Activity:
    activity = selectors.activity_with_steps(slug=slug)
    if activity is None or not policies.can_view(request.user, activity):
        raise Http404(_("No such activity."))
    return activity


@require_GET
@login_required
def library(request):
    form = LibraryFilterForm(request.GET)
    can_write = policies.can_write(request.user, second_factor=second_factor_passed(request))
    if not form.is_valid():
        return render(request, "activities/library.html", {
            "form": form, "activities": [], "can_write": can_write}, status=400)
    found = selectors.library_search(user=request.user, filters=form.filters())
    return render(request, "activities/library.html", {
        "form": form, "activities": found, "filtered": any(form.cleaned_data.values()),
        "can_write": can_write,
        # Came from a session page to find something for it: its pages offer that session.
        "for_session": _session_param(request),
    })


def _session_param(request) -> int | None:
    value = request.GET.get("session", "")
    return int(value) if value.isdigit() and len(value) <= 9 else None


@require_GET
@login_required
def detail(request, slug: str):
    activity = _visible_or_404(request, slug)
    user = request.user
    facilitates = bool(policies.facilitated_group_ids(user))
    sessions = selectors.sessions_to_plan(user=user, activity=activity) if facilitates else []
    return render(request, "activities/detail.html", {
        # In the reader's language (the library's own texts; others as written).
        "activity": content.shown_activity(activity),
        "steps": [content.shown_step(step, slug=activity.slug) for step in activity.steps.all()]
        if activity.author_id is None else list(activity.steps.all()),
        "rules": [RULE_KEY_LABELS.get(key, key) for key in activity.ground_rules],
        "is_favourite": selectors.is_favourite(user=user, activity=activity),
        "can_edit": policies.can_edit(user, activity, second_factor=second_factor_passed(request)),
        "plan_form": (PlanForm(sessions=sessions, initial={"session": _session_param(request)})
                      if sessions else None),
        "planned_sessions": [s for s in sessions if s.has_activity],
        "ratings": (selectors.ratings_for_facilitator(user=user, activity=activity)
                    if facilitates else None),
        "shown_from": selectors.RATINGS_SHOWN_FROM,
    })


@require_POST
@login_required
def favourite(request, slug: str):
    activity = _visible_or_404(request, slug)
    on = request.POST.get("on") != "0"
    services.favourite_set(user=request.user, activity=activity, on=on)
    messages.success(request, _("Saved to your favourites.") if on else
                     _("Removed from your favourites."))
    return redirect(safe_next(request, reverse("activities:detail", args=[activity.slug])))


def _write(request, activity: Activity | None):
    groups = Group.objects.filter(memberships__user=request.user,
                                  memberships__status=Membership.Status.ACTIVE,
                                  memberships__role=Membership.Role.FACILITATOR)
    initial, steps_initial = None, None
    if activity is not None:
        initial = {name: getattr(activity, name) for name in ActivityForm.base_fields
                   if name != "groups"}
        initial["groups"] = list(activity.groups.all())
        steps_initial = [{"title": s.title, "minutes": s.minutes,
                          "instructions": s.instructions, "prompt": s.prompt,
                          "appreciation": s.appreciation} for s in activity.steps.all()]
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, initial=initial, groups=groups)
    steps = StepFormSet(data, initial=steps_initial, prefix="steps")
    if data is not None and form.is_valid() and steps.is_valid():
        drafts = [services.StepDraft(title=s.cleaned_data["title"],
                                     minutes=s.cleaned_data["minutes"] or 0,
                                     instructions=s.cleaned_data["instructions"],
                                     prompt=s.cleaned_data["prompt"],
                                     appreciation=s.cleaned_data["appreciation"])
                  for s in steps if s.cleaned_data and not s.is_blank()]
        draft = services.ActivityDraft(steps=drafts, **form.cleaned_data)
        try:
            saved = services.activity_write(author=request.user, draft=draft, activity=activity,
                                            second_factor=second_factor_passed(request))
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Saved. Only the groups you chose can see it until an "
                                        "admin publishes it."))
            return redirect("activities:detail", saved.slug)
    return render(request, "activities/form.html", {
        "form": form, "steps": steps, "activity": activity},
        status=400 if data is not None else 200)


@login_required
def write(request):
    if not policies.can_write(request.user, second_factor=second_factor_passed(request)):
        raise PermissionDenied(_("Facilitators of a group (with two-factor set up) can write "
                                 "activities."))
    return _write(request, None)


@login_required
def edit(request, slug: str):
    activity = _visible_or_404(request, slug)
    if not policies.can_edit(request.user, activity,
                            second_factor=second_factor_passed(request)):
        raise PermissionDenied(_("Only its author can change this activity, until it is "
                                 "published."))
    return _write(request, activity)


@require_POST
@login_required
def plan(request, slug: str):
    activity = _visible_or_404(request, slug)
    sessions = selectors.sessions_to_plan(user=request.user, activity=activity)
    form = PlanForm(request.POST, sessions=sessions)
    if not form.is_valid():
        messages.error(request, _("Choose one of your upcoming sessions."))
        return redirect("activities:detail", activity.slug)
    session = next(s for s in sessions if s.pk == form.cleaned_data["session"])
    try:
        added = services.activity_plan(session=session, activity=activity, by=request.user,
                                       scope=form.cleaned_data["scope"],
                                       second_factor=second_factor_passed(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("activities:detail", activity.slug)
    if added:
        messages.success(request, ngettext(
            "“%(title)s” is planned for %(n)d session.",
            "“%(title)s” is planned for %(n)d sessions.", len(added)) % {
                "title": content.shown_activity(activity).title, "n": len(added)})
    else:
        messages.info(request, _("It was already planned there."))
    return redirect("sessions:detail", session.pk)


def _managed_session(request, session_id: int) -> Session:
    session = get_object_or_404(Session.objects.select_related("group"), pk=session_id)
    from sessions.policies import can_view_session

    if not can_view_session(request.user, session):
        raise Http404
    if not policies.can_plan(request.user, session,
                             second_factor=second_factor_passed(request)):
        raise PermissionDenied(_("Only the group's facilitators can plan its sessions."))
    return session


@require_POST
@login_required
def unplan(request, session_id: int, slug: str):
    session = _managed_session(request, session_id)
    activity = get_object_or_404(Activity, slug=slug)
    scope = request.POST.get("scope", services.PLAN_THIS)
    services.activity_unplan(session=session, activity=activity, by=request.user, scope=scope,
                             second_factor=second_factor_passed(request))
    messages.success(request, _("“%(title)s” is no longer planned.") % {
        "title": content.shown_activity(activity).title})
    return redirect("sessions:detail", session.pk)


@require_POST
@login_required
def rate(request, run_id: int):
    run = get_object_or_404(ActivityRun.objects.select_related("session__group"), pk=run_id)
    from sessions.policies import can_take_part, can_view_session

    if not can_view_session(request.user, run.session):
        raise Http404
    if not can_take_part(request.user, run.session):
        raise PermissionDenied(_("Only the group's members can rate its activities."))
    form = RateForm(request.POST)
    back = safe_next(request, reverse("sessions:detail", args=[run.session_id]))
    if not form.is_valid():
        messages.error(request, _("Choose helpful or not for me."))
        return redirect(back)
    try:
        created = services.rating_give(run=run, user=request.user,
                                       answer=form.cleaned_data["answer"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    messages.success(request, _("Thank you. Your answer is private: facilitators only see "
                                "counts, once at least three people answered.") if created
                     else _("You had already rated it; thank you."))
    return redirect(back)
