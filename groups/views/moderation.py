"""Facilitators' pages for people and content: members, invitations, resources."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from groups import selectors, services
from groups.forms import InvitationForm, RemoveForm, ResourceForm
from groups.models import Group, Invitation, Membership
from groups.policies import name_in_group
from groups.views.access import add_service_errors, error_text, group_facilitator_view


def _active_membership(group: Group, membership_id: int) -> Membership:
    return get_object_or_404(Membership.objects.select_related("user"), pk=membership_id,
                             group=group, status=Membership.Status.ACTIVE)


@group_facilitator_view
@require_http_methods(["GET"])
def members(request, group: Group, membership: Membership):
    return render(request, "groups/members.html", {
        "group": group, "members": selectors.members_for_facilitators(group=group),
        "viewer_membership": membership})


@group_facilitator_view
@require_http_methods(["GET", "POST"])
def remove_member(request, group: Group, membership: Membership, membership_id: int):
    target = _active_membership(group, membership_id)
    form = RemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        consequence = form.cleaned_data["consequence"]
        try:
            services.membership_remove(
                group=group, by=request.user, membership=target,
                reason=form.cleaned_data["reason"], ban=consequence == "ban",
                block_days=form.cleaned_data["block_days"] if consequence == "block" else None)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Removed. They have been told by email, with your reason."))
            return redirect("groups:members", slug=group.slug)
    return render(request, "groups/remove_member.html", {
        "group": group, "target": target, "target_name": name_in_group(target.user, group, target),
        "form": form}, status=400 if form.errors else 200)


@group_facilitator_view
@require_POST
def promote_member(request, group: Group, membership: Membership, membership_id: int):
    target = _active_membership(group, membership_id)
    name = name_in_group(target.user, group, target)
    try:
        promoted = services.membership_promote(group=group, by=request.user, membership=target)
    except ValidationError as exc:
        messages.error(request, error_text(exc), extra_tags=(
            "training-required" if getattr(exc, "code", None) == "training_required" else ""))
    else:
        messages.success(request, (_("%(name)s is now a co-facilitator.") if promoted else
                                   _("%(name)s was a facilitator already.")) % {"name": name})
    return redirect("groups:members", slug=group.slug)


@group_facilitator_view
@require_http_methods(["GET", "POST"])
def invitations(request, group: Group, membership: Membership):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invite = services.invitation_create(group=group, by=request.user,
                                                **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request,
                             _("A new invitation link is ready below. Share it privately."))
            return redirect(reverse("groups:invitations", args=[group.slug])
                            + f"#invitation-{invite.pk}")
    rows = [{"invitation": i, "problem": selectors.invitation_problem(i),
             "url": request.build_absolute_uri(
                 reverse("groups:invitation", args=[services.invitation_token(i)]))}
            for i in selectors.invitations_of(group=group)]
    return render(request, "groups/invitations.html",
                  {"group": group, "form": form, "rows": rows},
                  status=400 if form.errors else 200)


@group_facilitator_view
@require_POST
def revoke_invitation(request, group: Group, membership: Membership, invitation_id: int):
    invite = get_object_or_404(Invitation, pk=invitation_id, group=group)
    if services.invitation_revoke(invitation=invite, by=request.user):
        messages.success(request, _("The link was withdrawn; it no longer works."))
    else:
        messages.info(request, _("That link was withdrawn already."))
    return redirect("groups:invitations", slug=group.slug)


@group_facilitator_view
@require_http_methods(["GET", "POST"])
def resources(request, group: Group, membership: Membership):
    form = ResourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_add(group=group, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The resource was added to the group page."))
            return redirect("groups:resources", slug=group.slug)
    return render(request, "groups/resources.html", {
        "group": group, "form": form, "resources": selectors.resources_of(group=group)},
        status=400 if form.errors else 200)


@group_facilitator_view
@require_POST
def delete_resource(request, group: Group, membership: Membership, resource_id: int):
    if services.resource_delete(group=group, by=request.user, resource_id=resource_id):
        messages.success(request, _("The resource was removed."))
    return redirect("groups:resources", slug=group.slug)
