"""Single logout: after the local logout (which also closes the person's chat sockets, as every
logout does), the browser is sent on to end the identity provider's session where it can."""

import logging

from allauth.socialaccount.providers.saml.utils import build_auth
from django.utils.http import urlencode
from onelogin.saml2.errors import OneLogin_Saml2_Error

from sso import config
from sso.services import LOGOUT_KEY

logger = logging.getLogger(__name__)


def provider_logout_url(request, after: str) -> str | None:
    """Where to send the browser to end the provider's session, or None (no SSO login, the
    provider does not do it, or its "single_logout" setting is off)."""
    info = request.session.get(LOGOUT_KEY)
    if not isinstance(info, dict):
        return None
    app = config.app_for(info.get("provider", ""), request)
    if app is None or not app.settings.get("single_logout", True):
        return None
    provider = app.get_provider(request)
    back = request.build_absolute_uri(after)
    try:
        if info.get("protocol") == "oidc":
            endpoint = provider.get_oauth2_adapter(request).openid_config.get(
                "end_session_endpoint")
            if not endpoint:
                return None
            query = urlencode({"client_id": app.client_id, "post_logout_redirect_uri": back})
            return f"{endpoint}?{query}"
        if info.get("protocol") == "saml":
            return build_auth(request, provider).logout(
                return_to=back, name_id=info.get("name_id"),
                session_index=info.get("session_index"),
                name_id_format=info.get("name_id_format"))
    except (OneLogin_Saml2_Error, OSError, ValueError, KeyError) as error:
        # The local logout has happened; only the provider's session stays open.
        logger.warning("Single logout with %s skipped: %s", app.provider_id, error)
    return None
