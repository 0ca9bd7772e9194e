"""Hooks into Django's auth signals. They only hand over to services; no logic lives here."""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from accounts import services


@receiver(user_logged_out)
def _end_realtime_sessions_on_logout(sender, request, user, **kwargs):
    if user is not None:
        services.user_logout_finish(user=user, login=getattr(request, "session", None))
