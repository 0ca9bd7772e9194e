"""Writes for single sign-on: what one login's identity provider said, and the account it fills.

The provider's answer lives in the login's own session between the callback and the login (and
its logout details until the person logs out); the person's account keeps only the display name
(when they have not chosen one), the department and the manager, the fields a password account
has too. Nothing else from the identity provider is stored.
"""

import time

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Department
from accounts.two_factor import second_factor_mark_asserted

ASSERTION_KEY = "peersupport_sso_assertion"
LOGOUT_KEY = "peersupport_sso_logout"


def sso_assertion_stash(request, *, provider_id: str, uid: str, profile: dict[str, str],
                        second_factor: bool, logout: dict) -> None:
    """Keeps what this login's provider asserted until the login completes (`sso_login_finish`)."""
    request.session[ASSERTION_KEY] = {
        "provider": provider_id, "uid": str(uid), "profile": profile,
        "second_factor": bool(second_factor), "logout": logout,
    }


def sso_assertion_for(request, *, provider_id: str, uid: str) -> dict | None:
    stashed = request.session.get(ASSERTION_KEY)
    if (isinstance(stashed, dict) and stashed.get("provider") == provider_id
            and stashed.get("uid") == str(uid)):
        return stashed
    return None


def sso_signed_in_recently(request) -> bool:
    """This login's last step is a single sign-on, made within allauth's reauthentication window."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or LOGOUT_KEY not in request.session:
        return False
    steps = [step for step in get_authentication_records(request, user)
             if step.get("method") != "mfa"]
    return bool(steps) and steps[-1].get("method") == "socialaccount" and (
        time.time() - steps[-1].get("at", 0) < account_settings.REAUTHENTICATION_TIMEOUT)


def sso_login_note(*, request, user) -> None:
    """At every login, whatever the door: a single sign-on (the login's last step, allauth's own
    record, is this provider's account) fills the profile from the provider's answer and counts
    as two-factor if the provider asserted a second factor; any other login clears what an
    earlier single sign-on of the session said."""
    stashed = request.session.pop(ASSERTION_KEY, None)
    steps = [step for step in get_authentication_records(request, user)
             if step.get("method") != "mfa"]
    last = steps[-1] if steps else {}
    if (not isinstance(stashed, dict) or last.get("method") != "socialaccount"
            or last.get("provider") != stashed.get("provider")
            or last.get("uid") != stashed.get("uid")):
        second_factor_mark_asserted(request, user, False)
        request.session.pop(LOGOUT_KEY, None)
        return
    sso_profile_apply(user=user, profile=stashed["profile"])
    second_factor_mark_asserted(request, user, stashed["second_factor"])
    request.session[LOGOUT_KEY] = {"provider": stashed["provider"], **stashed["logout"]}


@transaction.atomic
def sso_profile_apply(*, user, profile: dict[str, str]) -> None:
    """Department and manager follow the directory at every sign-in; the display name is taken
    only while the person has not chosen one here."""
    fields = []
    display_name = (profile.get("display_name") or "")[:80]
    if display_name and not user.display_name:
        user.display_name = display_name
        fields.append("display_name")
    department_name = (profile.get("department") or "")[:120]
    if department_name:
        department = (Department.objects.filter(name__iexact=department_name).first()
                      or Department.objects.get_or_create(name=department_name)[0])
        if user.department_id != department.pk:
            user.department = department
            fields.append("department")
    manager_email = (profile.get("manager") or "").lower()
    if manager_email:
        manager = (get_user_model().objects.filter(email__iexact=manager_email, is_active=True)
                   .exclude(pk=user.pk).first())
        if manager is not None and user.manager_id != manager.pk:
            user.manager = manager
            fields.append("manager")
    if fields:
        user.save(update_fields=fields)
