"""Access checks shared by the group views: 404 for what the viewer may not know exists,
403 for what they may see but not do."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from groups import policies
from groups.models import Group, Membership
from peersupport.permissions import two_factor_redirect, two_factor_satisfied


def viewable_group(request, slug: str) -> tuple[Group, Membership | None]:
    group = get_object_or_404(Group, slug=slug)
    membership = policies.membership_of(request.user, group)
    if not policies.can_view_group_as(request.user, group, membership):
        raise Http404(_("No such group"))
    if membership is not None:
        membership.group = group
    return group, membership


def group_facilitator_view(view: Callable) -> Callable:
    """For pages of a group's own facilitators: passes (request, group, membership, ...)."""

    @login_required
    @wraps(view)
    def wrapped(request, slug: str, *args, **kwargs):
        group, membership = viewable_group(request, slug)
        if not policies.can_manage(membership):
            raise PermissionDenied(_("Only this group's facilitators can do that."))
        if not two_factor_satisfied(request):
            return two_factor_redirect(request)
        return view(request, group, membership, *args, **kwargs)

    return wrapped


def add_service_errors(form: Form, exc: ValidationError) -> None:
    """Shows a service's ValidationError on the form (fields it lacks go to the top)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path, never a bare word: redirect() would try a bare word as a view name (500).
    if target.startswith("/") and url_has_allowed_host_and_scheme(target, {request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default
