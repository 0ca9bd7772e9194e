"""Who may sign in how."""

from allauth.mfa.utils import is_mfa_enabled


def may_break_glass(user) -> bool:
    """Staff keep a password login for an "SSO only" domain (when the identity provider is down,
    say), but only with two-factor authentication set up here: allauth asks for the code."""
    return bool(user is not None and user.is_active and user.is_staff and is_mfa_enabled(user))
