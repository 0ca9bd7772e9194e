"""Identity providers from the environment, for settings.py (no Django import here).

`SSO_PROVIDERS` holds a JSON list, one object per provider; several may coexist, and more can be
added in the admin (Social applications) without a deploy. Each object:

    {"protocol": "oidc", "id": "acme", "name": "Acme",
     "server_url": "https://login.microsoftonline.com/<tenant>/v2.0",
     "client_id": "...", "secret": "...",
     "domains": ["acme.com"], "sso_only": true,
     "profile": {"display_name": "name", "department": "department", "manager": "manager_email"},
     "second_factor": {"amr": ["mfa"], "acr": []}}

    {"protocol": "saml", "id": "acme-saml", "name": "Acme",
     "idp": {"entity_id": "...", "metadata_url": "..."}  (or "sso_url" and "x509cert"),
     "sp": {"entity_id": "..."}, "domains": [...], "sso_only": false,
     "profile": {"display_name": "displayName", ...},
     "second_factor": {"authn_context": ["http://schemas.microsoft.com/claims/multipleauthn"]}}

Everything but the keys allauth reads is kept in the app's `settings` (read by `sso.config`).
"""

import json

PROTOCOLS = {"oidc": "openid_connect", "saml": "saml"}


class ProviderConfigError(ValueError):
    pass


def providers_from_environment(raw: str) -> dict:
    """SOCIALACCOUNT_PROVIDERS for the providers in `raw` (the SSO_PROVIDERS variable)."""
    providers = {
        "openid_connect": {"provider_class": "sso.providers.OpenIDConnectProvider",
                           "OAUTH_PKCE_ENABLED": True, "APPS": []},
        "saml": {"provider_class": "sso.providers.SAMLProvider", "APPS": []},
    }
    entries = json.loads(raw) if raw.strip() else []
    if not isinstance(entries, list):
        raise ProviderConfigError("SSO_PROVIDERS must be a JSON list of providers.")
    for entry in entries:
        protocol = PROTOCOLS.get(entry.get("protocol", ""))
        if protocol is None or not entry.get("id") or not entry.get("name"):
            raise ProviderConfigError(
                "Each SSO_PROVIDERS entry needs a protocol (oidc or saml), an id and a name.")
        settings = {key: value for key, value in entry.items()
                    if key not in ("protocol", "id", "name", "client_id", "secret")}
        if protocol == "saml":
            settings.setdefault("advanced", {})
            # Only signed assertions, and only the logins this site asked for.
            settings["advanced"].setdefault("want_assertion_signed", True)
            settings["advanced"].setdefault("reject_idp_initiated_sso", True)
            app = {"provider_id": entry["id"], "name": entry["name"],
                   "client_id": entry["id"], "settings": settings}
        else:
            app = {"provider_id": entry["id"], "name": entry["name"],
                   "client_id": entry.get("client_id", ""), "secret": entry.get("secret", ""),
                   "settings": settings}
        providers[protocol]["APPS"].append(app)
    return providers
