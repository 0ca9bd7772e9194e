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
from django.utils.translation import gettext as _

from accounts.two_factor import second_factor_passed


def is_facilitator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_facilitator)


def is_hr(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_hr)


def two_factor_exempt(user) -> bool:
    """The requirement is off, or this is a demo account with DEBUG on."""
    return not settings.MFA_REQUIRED_FOR_ROLES or user.email in settings.MFA_EXEMPT_EMAILS


def needs_two_factor(user) -> bool:
    """True when a facilitator or HR admin has not yet set up two-factor authentication.

    Whether this login passed it is `two_factor_satisfied(request)`; this only says where to
    send someone who has no authenticator at all.
    """
    if not (is_facilitator(user) or is_hr(user)):
        return False
    if two_factor_exempt(user):
        return False
    return not is_mfa_enabled(user)


def two_factor_redirect(request):
    """Where a page that needs the second factor sends someone who has not given it."""
    if not is_mfa_enabled(request.user):
        messages.warning(
            request, _("Set up two-factor authentication to open facilitator and HR pages."))
        return redirect("mfa_activate_totp")
    return redirect_to_login(request.get_full_path(), login_url="mfa_reauthenticate")


def _role_required(check: Callable[[object], bool]):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied
            if not two_factor_satisfied(request):
                return two_factor_redirect(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


facilitator_required = _role_required(is_facilitator)
"""The site-wide facilitator role (may create groups), with two-factor set up."""

hr_required = _role_required(is_hr)
"""HR admins only, with two-factor set up. Everyone else gets 403."""


def two_factor_satisfied(request) -> bool:
    """Two-factor is set up *and this login passed it* (or it is not required here).

    Views that check a group-level facilitator role themselves call this too: a member promoted
    to co-facilitator holds no site role, yet acts as a facilitator on these pages, so the
    requirement follows the capacity the view checks, not the site role. A password alone,
    through whatever door, never satisfies it.
    """
    user = request.user
    if two_factor_exempt(user):
        return True
    return two_factor_passed(user, second_factor_passed(request))


def two_factor_passed(user, passed: bool) -> bool:
    """For code with no request at hand that knows whether this login answered the second factor
    (the chat socket reads it from its login session at the handshake): required and passed, or
    not required here.

    Passed means this login answered a code from an authenticator set up here, or the company's
    identity provider asserted a second factor for this single sign-on (`sso`), in which case no
    authenticator here is needed.
    """
    if two_factor_exempt(user):
        return True
    return bool(passed)


def has_two_factor(user) -> bool:
    """Two-factor is set up, or not required here (setting off, or a demo account with DEBUG).

    For code with no request at hand (the chat consumer); pages ask
    `two_factor_satisfied(request)`, which also demands that this login passed it.
    """
    if two_factor_exempt(user):
        return True
    return is_mfa_enabled(user)
