"""Reads: which provider a domain signs in with, and each provider's mapping and two-factor rule.

A provider is an allauth social application (from the admin or from `SSO_PROVIDERS`); what
PeerSupport adds lives in its `settings`:

- "profile": which claim (OIDC) or attribute (SAML) holds the display name, the department and
  the manager's email address;
- "second_factor": the OIDC `amr` values, OIDC `acr` values and SAML `AuthnContextClassRef`
  values that count as a second factor answered at the identity provider;
- "domains" and "sso_only": domain rules (an admin `DomainRule` for the same domain wins).
"""

from dataclasses import dataclass

from allauth.socialaccount.adapter import get_adapter

from sso.models import DomainRule

DEFAULT_PROFILE = {
    "openid_connect": {"display_name": "name", "department": "department",
                       "manager": "manager_email"},
    "saml": {
        "display_name": ["displayName",
                         "http://schemas.microsoft.com/identity/claims/displayname"],
        "department": ["department",
                       "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/department"],
        "manager": ["managerEmail", "manager"],
    },
}

# RFC 8176: "mfa" is "multiple-factor authentication"; Entra ID and Okta both send it.
DEFAULT_AMR = ["mfa"]
DEFAULT_ACR: list[str] = []
# Entra ID's "multipleauthn", the REFEDS MFA profile, and SAML 2.0's two-factor classes.
DEFAULT_AUTHN_CONTEXT = [
    "http://schemas.microsoft.com/claims/multipleauthn",
    "https://refeds.org/profile/mfa",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken",
]


@dataclass(frozen=True)
class Rule:
    domain: str
    provider_id: str
    sso_only: bool


def as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def profile_mapping(app) -> dict[str, list[str]]:
    """{"display_name": [claim names], "department": [...], "manager": [...]}."""
    mapping = {**DEFAULT_PROFILE.get(app.provider, {}), **(app.settings.get("profile") or {})}
    return {field: as_list(mapping.get(field)) for field in ("display_name", "department",
                                                               "manager")}


def second_factor_values(app) -> dict[str, set[str]]:
    rule = app.settings.get("second_factor") or {}
    return {
        "amr": set(as_list(rule.get("amr", DEFAULT_AMR))),
        "acr": set(as_list(rule.get("acr", DEFAULT_ACR))),
        "authn_context": set(as_list(rule.get("authn_context", DEFAULT_AUTHN_CONTEXT))),
    }


def email_domain(email: str) -> str:
    return (email or "").rsplit("@", 1)[-1].strip().lower() if "@" in (email or "") else ""


def list_apps(request=None) -> list:
    return list(get_adapter().list_apps(request))


def app_for(provider_id: str, request=None):
    return next((app for app in list_apps(request)
                 if (app.provider_id or app.provider) == provider_id), None)


def domain_rule_for(email: str, request=None) -> Rule | None:
    """The rule for the domain of `email`, or None when the domain has none."""
    domain = email_domain(email)
    if not domain:
        return None
    row = DomainRule.objects.filter(domain=domain).first()
    if row is not None:
        return Rule(row.domain, row.provider_id, row.sso_only)
    for app in list_apps(request):
        domains = [d.strip().lower().lstrip("@") for d in as_list(app.settings.get("domains"))]
        if domain in domains:
            return Rule(domain, app.provider_id or app.provider,
                        bool(app.settings.get("sso_only", False)))
    return None
