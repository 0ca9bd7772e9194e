"""Who may do what, site-wide. Views, consumers and templates all ask here.

Group- and session-level rules (member, group facilitator, ...) live in each app's
`policies.py` and build on these.
"""

from collections.abc import Callable
from functools import wraps

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect


def is_facilitator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_facilitator)


def is_hr(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_hr)


def needs_two_factor(user) -> bool:
    """True when a facilitator or HR admin has not yet set up two-factor authentication."""
    if not (is_facilitator(user) or is_hr(user)):
        return False
    if not settings.MFA_REQUIRED_FOR_ROLES or user.email in settings.MFA_EXEMPT_EMAILS:
        return False
    return not is_mfa_enabled(user)


def _role_required(check: Callable[[object], bool]):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied
            if needs_two_factor(request.user):
                messages.warning(
                    request,
                    "Set up two-factor authentication to open facilitator and HR pages.",
                )
                return redirect("mfa_activate_totp")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


facilitator_required = _role_required(is_facilitator)
"""The site-wide facilitator role (may create groups), with two-factor set up."""

hr_required = _role_required(is_hr)
"""HR admins only, with two-factor set up. Everyone else gets 403."""


def two_factor_satisfied(request) -> bool:
    """For views that check a group-level facilitator role themselves: 2FA is set up (or exempt).

    A member promoted to co-facilitator holds no site role, yet acts as a facilitator on these
    pages, so the requirement follows the capacity the view checks, not the site role.
    """
    return has_two_factor(request.user)


def has_two_factor(user) -> bool:
    """Two-factor is set up, or not required here (setting off, or a demo account with DEBUG)."""
    if not settings.MFA_REQUIRED_FOR_ROLES or user.email in settings.MFA_EXEMPT_EMAILS:
        return True
    return is_mfa_enabled(user)
