"""Facilitators' pages: create and edit groups, rules, requests, members, invitations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from groups import selectors, services
from groups.forms import DeclineForm, GroupForm, rules_formset, rules_from_formset
from groups.models import Group, JoinRequest, Membership
from groups.views.access import add_service_errors, error_text, group_facilitator_view
from peersupport.permissions import facilitator_required


def _status(*forms) -> int:
    return 400 if any(f.is_bound and (f.errors or getattr(f, "non_form_errors", list)())
                      for f in forms) else 200


@facilitator_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = GroupForm(request.POST or None)
    formset = rules_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() & formset.is_valid():
        try:
            group = services.group_create(creator=request.user,
                                          rules=rules_from_formset(formset),
                                          **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(group)s is ready. You are its facilitator.")
                             % {"group": group.name})
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/group_form.html",
                  {"form": form, "formset": formset, "creating": True},
                  status=_status(form, formset))


@group_facilitator_view
@require_http_methods(["GET", "POST"])
def edit(request, group: Group, membership: Membership):
    form = GroupForm(request.POST or None, instance=group, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_update(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The group's details were saved."))
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/group_form.html",
                  {"form": form, "group": group, "creating": False}, status=_status(form))


@group_facilitator_view
@require_http_methods(["GET", "POST"])
def edit_rules(request, group: Group, membership: Membership):
    formset = rules_formset(request.POST or None, rules=selectors.current_rules(group=group))
    if request.method == "POST" and formset.is_valid():
        try:
            version = services.group_rules_update(group=group, by=request.user,
                                                  rules=rules_from_formset(formset))
        except ValidationError as exc:
            formset._non_form_errors = formset.error_class(exc.messages)
        else:
            if version is None:
                messages.info(request, _("Nothing changed, so the rules stay as they were."))
            else:
                messages.success(request, _("Version %(number)d of the rules is posted. Members "
                                            "are asked to accept it before taking part.")
                                 % {"number": version.number})
            return redirect("groups:detail", slug=group.slug)
    return render(request, "groups/rules_form.html", {"group": group, "formset": formset},
                  status=_status(formset))


@group_facilitator_view
@require_http_methods(["GET"])
def requests(request, group: Group, membership: Membership):
    return render(request, "groups/requests.html", {
        "group": group, "pending": selectors.pending_requests(group=group),
        "decline_form": DeclineForm()})


def _join_request(group: Group, request_id: int) -> JoinRequest:
    return get_object_or_404(JoinRequest.objects.select_related("user", "group"),
                             pk=request_id, group=group)


@group_facilitator_view
@require_POST
def approve_request(request, group: Group, membership: Membership, request_id: int):
    join_request = _join_request(group, request_id)
    try:
        _membership, changed = services.join_request_approve(join_request=join_request,
                                                             by=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        if changed:
            messages.success(request, _("Approved. They have been told by email."))
        else:
            messages.info(request, _("This request was approved already; nothing more to do."))
    return redirect("groups:requests", slug=group.slug)


@group_facilitator_view
@require_POST
def decline_request(request, group: Group, membership: Membership, request_id: int):
    join_request = _join_request(group, request_id)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_text(ValidationError(form.errors["note"])))
        return redirect("groups:requests", slug=group.slug)
    try:
        changed = services.join_request_decline(join_request=join_request, by=request.user,
                                                note=form.cleaned_data["note"])
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("Declined. They have been told by email.") if changed else
                         _("This request was declined already; nothing more to do."))
    return redirect("groups:requests", slug=group.slug)

