import zoneinfo
from urllib.parse import urlencode

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers

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


class UserLanguageMiddleware:
    """A signed-in person who chose a language in their profile gets it on every page (and on
    every device); otherwise LocaleMiddleware's choice (the switcher's cookie, else the browser)
    stands."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user is not None and user.is_authenticated else ""
        if chosen and chosen in {code for code, _name in settings.LANGUAGES}:
            translation.activate(chosen)
            request.LANGUAGE_CODE = translation.get_language()
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


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY), plus this site's websocket origin.

    CSP Level 3 lets 'self' cover ws:/wss: of the same host, but not every browser in use does;
    naming the origin the chat connects to (the host the page was served from) covers them all.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only:
            scheme = "wss" if request.is_secure() else "ws"
            try:
                origin = f"{scheme}://{request.get_host()}"
            except DisallowedHost:
                return parts
            update = dict(parts.update or {})
            update["connect-src"] = [*update.get("connect-src", []), origin]
            parts.update = update
        return parts


class PrivateResponseHeadersMiddleware:
    """Headers every response gets: what the page may use, and no caching of private pages.

    A page shown to a signed-in person (their groups, messages, reports) must not stay in a
    shared or back-button cache once they log out, so it is `Cache-Control: no-store`.
    """

    PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
        "encrypted-media", "geolocation", "gyroscope", "hid", "interest-cohort", "magnetometer",
        "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
        "screen-wake-lock", "serial", "usb", "xr-spatial-tracking"))

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
