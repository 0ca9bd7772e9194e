"""allauth's own OpenID Connect and SAML providers, with two additions (they are swapped in by
SOCIALACCOUNT_PROVIDERS[...]["provider_class"], allauth's documented hook):

- what PeerSupport needs from a login (display name, department, manager, whether a second
  factor was answered at the provider) is read here, from the *signed* ID token or assertion, and
  handed to `sso.services` for this login only;
- nothing else the identity provider says about a person is kept: the social account's
  `extra_data` stays empty, so no attribute of anyone is ever shown in the admin or elsewhere.

An email address counts as verified only when the domain rule for it names this very provider
(that provider is the company's directory for the domain), which lets an existing account sign
in through it; no provider can vouch for another provider's domain (`sso.adapters`).
"""

from allauth.socialaccount.providers.openid_connect.provider import (
    OpenIDConnectProvider as AllauthOpenIDConnectProvider,
)
from allauth.socialaccount.providers.saml.provider import SAMLProvider as AllauthSAMLProvider

from sso import config, services


def _first(values: dict, names: list[str]) -> str:
    for name in names:
        value = values.get(name)
        if isinstance(value, list):
            value = value[0] if value else None
        if value not in (None, ""):
            return str(value).strip()
    return ""


def _profile(app, values: dict) -> dict[str, str]:
    mapping = config.profile_mapping(app)
    return {field: _first(values, names)[:200] for field, names in mapping.items()}


def _trust_domain_rule(provider, sociallogin, request) -> None:
    """An address is taken as verified when, and only when, its domain rule names this provider
    (whatever the provider says): no provider can sign in to an account of another's domain."""
    for address in sociallogin.email_addresses:
        rule = config.domain_rule_for(address.email, request)
        address.verified = rule is not None and rule.provider_id == provider.sub_id


class OpenIDConnectProvider(AllauthOpenIDConnectProvider):
    package = "allauth.socialaccount.providers.openid_connect"  # allauth's URLs and views

    def sociallogin_from_response(self, request, response):
        sociallogin = super().sociallogin_from_response(request, response)
        id_token = response.get("id_token") or {}
        claims = {**id_token, **(response.get("userinfo") or {})}
        wanted = config.second_factor_values(self.app)
        # amr and acr are read from the ID token only: it is signed and checked by allauth.
        amr = set(config.as_list(id_token.get("amr")))
        acr = str(id_token.get("acr") or "")
        second_factor = bool(amr & wanted["amr"]) or (bool(acr) and acr in wanted["acr"])
        services.sso_assertion_stash(
            request, provider_id=self.sub_id, uid=sociallogin.account.uid,
            profile=_profile(self.app, claims), second_factor=second_factor,
            logout={"protocol": "oidc"})
        sociallogin.account.extra_data = {}
        _trust_domain_rule(self, sociallogin, request)
        return sociallogin


class SAMLProvider(AllauthSAMLProvider):
    package = "allauth.socialaccount.providers.saml"  # allauth's URLs and views

    def sociallogin_from_response(self, request, response):
        sociallogin = super().sociallogin_from_response(request, response)
        contexts = set(response.get_last_authn_contexts() or [])
        second_factor = bool(contexts & config.second_factor_values(self.app)["authn_context"])
        services.sso_assertion_stash(
            request, provider_id=self.sub_id, uid=sociallogin.account.uid,
            profile=_profile(self.app, response.get_attributes()), second_factor=second_factor,
            logout={"protocol": "saml", "name_id": response.get_nameid(),
                    "name_id_format": response.get_nameid_format(),
                    "session_index": response.get_session_index()})
        sociallogin.account.extra_data = {}
        _trust_domain_rule(self, sociallogin, request)
        return sociallogin
