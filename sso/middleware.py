from urllib.parse import urlsplit

from accounts.middleware import ContentSecurityPolicyMiddleware as PeerSupportCSPMiddleware
from sso import config
from sso.services import LOGOUT_KEY


def _origin(url: str) -> str | None:
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def provider_origin(app) -> str | None:
    if app.provider == "saml":
        idp = app.settings.get("idp") or {}
        return _origin(idp.get("sso_url") or idp.get("metadata_url"))
    return _origin(app.settings.get("server_url"))


class ContentSecurityPolicyMiddleware(PeerSupportCSPMiddleware):
    """The site's policy, with the identity providers a form here leads to: "Sign in with
    <company>" posts here and is redirected there, and so is logging out of a single sign-on,
    which `form-action 'self'` alone would block."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        origins = self._provider_origins(request)
        if not report_only and origins:
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            parts.update = update
        return parts

    def _provider_origins(self, request) -> list[str]:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None:
            return []
        if user.is_authenticated:
            info = session.get(LOGOUT_KEY)
            if not isinstance(info, dict):
                return []
            app = config.app_for(info.get("provider", ""), request)
            origin = provider_origin(app) if app is not None else None
            return [origin] if origin else []
        if not request.path.startswith("/accounts/"):
            return []
        return sorted({origin for app in config.list_apps(request)
                       if (origin := provider_origin(app))})
