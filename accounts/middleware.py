import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from accounts.two_factor import second_factor_due


class UserTimezoneMiddleware:
    """Shows every time in the viewer's own zone (stored times stay UTC)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class SecondFactorMiddleware:
    """Nobody with an authenticator gets past a login that skipped it, whatever the door.

    allauth's login asks for the code before it logs anyone in; a login through any other door
    (a Django login view, a session from before this check) is sent to allauth's "confirm it is
    you" page first, and only logging out is open until the code is given.
    """

    OPEN_URL_NAMES = ("mfa_reauthenticate", "account_logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and second_factor_due(request):
            open_paths = {reverse(name) for name in self.OPEN_URL_NAMES}
            if request.path not in open_paths and not request.path.startswith(
                    settings.STATIC_URL):
                target = reverse("mfa_reauthenticate")
                return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
