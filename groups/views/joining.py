"""Joining, accepting rules, pseudonyms and leaving: each one POST, one service call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from groups import policies, selectors, services
from groups.forms import AcceptRulesForm, JoinForm, PseudonymForm, RequestForm
from groups.models import Group
from groups.views.access import add_service_errors, error_text, safe_next, viewable_group
from groups.views.directory import detail_context


def _back_with_errors(request, group, membership, status=400, **forms):
    context = detail_context(request, group, membership, **forms)
    return render(request, "groups/detail.html", context, status=status)


@login_required
@require_POST
def join(request, slug: str):
    group, membership = viewable_group(request, slug)
    if membership is not None:
        messages.info(request, _("You are already a member of this group."))
        return redirect("groups:detail", slug=group.slug)
    form = JoinForm(request.POST, group=group)
    if form.is_valid():
        try:
            services.membership_join(group=group, user=request.user,
                                     accepted_version=form.cleaned_data["rules_version"],
                                     pseudonym=form.cleaned_data.get("pseudonym", ""))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Welcome to %(group)s. You can leave at any time.")
                             % {"group": group.name})
            return redirect("groups:detail", slug=group.slug)
    return _back_with_errors(request, group, membership, join_form=form)


@login_required
@require_POST
def request_join(request, slug: str):
    group, membership = viewable_group(request, slug)
    if membership is not None:
        messages.info(request, _("You are already a member of this group."))
        return redirect("groups:detail", slug=group.slug)
    form = RequestForm(request.POST, group=group)
    if form.is_valid():
        try:
            services.join_request_create(
                group=group, user=request.user,
                accepted_version=form.cleaned_data["rules_version"],
                message=form.cleaned_data["message"],
                pseudonym=form.cleaned_data.get("pseudonym", ""))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request,
                             _("Your request was sent. A facilitator will reply by email."))
            return redirect("groups:detail", slug=group.slug)
    return _back_with_errors(request, group, membership, join_form=form)


@login_required
@require_POST
def withdraw_request(request, slug: str):
    group, _membership = viewable_group(request, slug)
    if services.join_request_withdraw(group=group, user=request.user):
        messages.success(request, _("Your request was withdrawn."))
    return redirect("groups:detail", slug=group.slug)


@login_required
@require_POST
def leave(request, slug: str):
    group, membership = viewable_group(request, slug)
    try:
        services.membership_leave(group=group, user=request.user)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("groups:detail", slug=group.slug)
    messages.success(request, _("You left %(group)s.") % {"group": group.name})
    # A private group is not there for a non-member any more.
    if group.visibility == Group.Visibility.PRIVATE:
        return redirect("groups:directory")
    return redirect("groups:detail", slug=group.slug)


@login_required
@require_http_methods(["GET", "POST"])
def accept_rules(request, slug: str):
    """The current rules with what changed since the member last accepted; POST accepts."""
    group, membership = viewable_group(request, slug)
    if membership is None:
        return redirect("groups:detail", slug=group.slug)
    form = AcceptRulesForm(request.POST or None, initial={"rules_version": group.rules_version})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_rules_accept(
                membership=membership, accepted_version=form.cleaned_data["rules_version"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you. You accepted the current ground rules."))
            return redirect(safe_next(request, reverse("groups:detail", args=[group.slug])))
    changes = selectors.rules_since(group=group,
                                    accepted_version=membership.accepted_rules_version)
    return render(request, "groups/accept_rules.html", {
        "group": group, "membership": membership, "changes": changes, "form": form,
        "next": safe_next(request, ""),
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def set_pseudonym(request, slug: str):
    group, membership = viewable_group(request, slug)
    if membership is None or not group.allow_pseudonyms:
        raise Http404(_("No pseudonyms here"))
    form = PseudonymForm(request.POST)
    if form.is_valid():
        try:
            services.membership_pseudonym_set(
                membership=membership, pseudonym=form.cleaned_data["pseudonym"],
                pronouns=form.cleaned_data["pseudonym_pronouns"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your name in this group was saved."))
            return redirect("groups:detail", slug=group.slug)
    return _back_with_errors(request, group, membership, pseudonym_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token: str):
    """An invitation link to a private group: the group's purpose and rules, then join."""
    try:
        invite = selectors.invitation_from_token(token=token)
    except ValidationError as exc:
        # Say nothing about the group: the link may have been withdrawn because it leaked.
        status = 404 if exc.code == "tampered" else 410
        return render(request, "groups/invitation_invalid.html",
                      {"problem": error_text(exc)}, status=status)
    group = invite.group
    if policies.is_member(request.user, group):
        return redirect("groups:detail", slug=group.slug)
    form = JoinForm(request.POST or None, group=group,
                    initial={"rules_version": group.rules_version})
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_join(group=group, user=request.user, invitation=invite,
                                     accepted_version=form.cleaned_data["rules_version"],
                                     pseudonym=form.cleaned_data.get("pseudonym", ""))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Welcome to %(group)s. You can leave at any time.")
                             % {"group": group.name})
            return redirect("groups:detail", slug=group.slug)
    page = selectors.group_page(group=group, viewer=request.user, membership=None)
    return render(request, "groups/invitation.html",
                  {"group": group, "page": page, "join_form": form, "token": token},
                  status=400 if form.errors else 200)
