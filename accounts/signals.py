"""Hooks into Django's and allauth's signals. They only hand over; no logic lives here."""

from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from accounts import services
from accounts.two_factor import second_factor_mark_set_up, second_factor_note_login


@receiver(user_logged_out)
def _end_realtime_sessions_on_logout(sender, request, user, **kwargs):
    if user is not None:
        services.user_logout_finish(user=user, login=getattr(request, "session", None))


@receiver(user_logged_in)
def _note_whether_a_second_factor_is_owed(sender, request, user, **kwargs):
    if request is not None:
        second_factor_note_login(request, user)


@receiver(authenticator_added)
def _setting_up_an_authenticator_passes_it(sender, request, user, authenticator, **kwargs):
    second_factor_mark_set_up(request, user, authenticator)
