"""Hooks into Django's and allauth's signals. They only hand over; no logic lives here."""

from allauth.account.signals import user_logged_in as allauth_user_logged_in
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from sso import services


@receiver(user_logged_in)
def _forget_an_earlier_single_sign_on(sender, request, user, **kwargs):
    # Every login, whatever the door (Django's signal comes first; allauth's follows for its own).
    if request is not None and getattr(request, "session", None) is not None:
        services.sso_login_forget(request=request, user=user)


@receiver(allauth_user_logged_in)
def _finish_single_sign_on(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None:
        services.sso_login_finish(request=request, user=user, sociallogin=sociallogin)
