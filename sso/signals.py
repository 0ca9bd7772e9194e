"""Hooks into Django's signals. They only hand over; no logic lives here."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from sso import services


@receiver(user_logged_in)
def _note_how_this_login_was_made(sender, request, user, **kwargs):
    if request is not None and getattr(request, "session", None) is not None:
        services.sso_login_note(request=request, user=user)
