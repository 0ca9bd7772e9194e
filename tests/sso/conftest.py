"""Identity providers for the SSO tests: a real OpenID Provider and a real SAML IdP on loopback,
and PeerSupport configured for both (the OIDC one from the environment variable's JSON, the SAML
one in the admin's tables), as a company would."""

import json

import pytest
import requests
from allauth.socialaccount.models import SocialApp

from sso.environment import providers_from_environment
from sso.models import DomainRule
from tests.sso import idp

OIDC_PORT, SAML_PORT, LATE_SAML_PORT = 8171, 8172, 8173
SP_ENTITY_ID = "urn:peersupport:test-sp"
PASSWORD = "correct horse battery staple"
MFA = ["pwd", "mfa"]

# The people of the test OpenID Provider (Acme's directory).
OIDC_ACCOUNTS = {
    "ada@acme.test": {"password": PASSWORD, "amr": MFA, "claims": {
        "name": "Ada Lovelace", "department": "Finance", "manager_email": "grace@acme.test"}},
    "bob@acme.test": {"password": PASSWORD, "amr": ["pwd"], "claims": {
        "name": "Bob Okafor", "department": "Customer Support"}},
    "fran@acme.test": {"password": PASSWORD, "claims": {
        "name": "Fran Facilitator", "department": "People"}},
    "mallory@globex.test": {"password": PASSWORD, "amr": MFA, "claims": {
        "name": "Not Mallory", "department": "Finance"}},
    "erin@elsewhere.test": {"password": PASSWORD, "claims": {
        "name": "Erin", "department": "Legal"}},
}


@pytest.fixture(scope="session")
def idp_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("idp")


@pytest.fixture(scope="session")
def oidc_idp(idp_dir, live_server):
    callbacks = [f"{origin}/accounts/oidc/acme/login/callback/"
                 for origin in ("http://testserver", live_server.url)]
    provider = idp.start_oidc(idp_dir, port=OIDC_PORT, accounts=OIDC_ACCOUNTS, client={
        "client_id": "peersupport", "client_secret": "test-only-secret",
        "redirect_uris": callbacks,
        "post_logout_redirect_uris": [f"{origin}/accounts/login/"
                                      for origin in ("http://testserver", live_server.url)]})
    yield provider
    provider.stop()


@pytest.fixture(scope="session")
def saml_keys(idp_dir):
    return idp.make_signing_keys(idp_dir)


@pytest.fixture(scope="session")
def saml_idp(saml_keys, live_server):
    key, cert, _body = saml_keys
    provider = idp.start_saml(port=SAML_PORT, key=key, cert=cert, audience=SP_ENTITY_ID,
                              sp_logout_url=f"{live_server.url}/accounts/saml/globex/sls/")
    yield provider
    provider.stop()


@pytest.fixture(scope="session")
def late_saml_idp(saml_keys, live_server):
    """The same kind of IdP with its clock two hours behind: each assertion it signs expired an
    hour ago (saml-idp's assertions live one hour)."""
    key, cert, _body = saml_keys
    provider = idp.start_saml(port=LATE_SAML_PORT, key=key, cert=cert, audience=SP_ENTITY_ID,
                              sp_logout_url=f"{live_server.url}/accounts/saml/globex/sls/",
                              clock_skew_seconds=-7200)
    yield provider
    provider.stop()


def saml_idp_settings(port: int, cert_body: str) -> dict:
    return {"entity_id": f"urn:peersupport:test-idp:{port}",
            "sso_url": f"http://127.0.0.1:{port}/saml/sso",
            "slo_url": f"http://127.0.0.1:{port}/saml/slo",
            "x509cert": cert_body}


@pytest.fixture
def sso(settings, db, oidc_idp, saml_idp, saml_keys):
    """Acme signs in with OpenID Connect (configured from SSO_PROVIDERS, "SSO only" for
    @acme.test); Globex with SAML (a social application and a domain rule made in the admin)."""
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(json.dumps([{
        "protocol": "oidc", "id": "acme", "name": "Acme",
        "server_url": f"http://127.0.0.1:{OIDC_PORT}",
        "client_id": "peersupport", "secret": "test-only-secret",
        "domains": ["acme.test"], "sso_only": True,
    }]))
    SocialApp.objects.create(
        provider="saml", provider_id="globex", name="Globex", client_id="globex",
        settings={
            "idp": saml_idp_settings(SAML_PORT, saml_keys[2]),
            "sp": {"entity_id": SP_ENTITY_ID},
            "attribute_mapping": {"email": "email"},
            # "testserver" and "localhost" are single-label hosts (a real site's are not).
            "advanced": {"want_assertion_signed": True, "allow_single_label_domains": True},
        })
    DomainRule.objects.create(domain="globex.test", provider_id="globex", sso_only=False)


@pytest.fixture
def http():
    """The browser's side at the identity providers (their own cookies)."""
    with requests.Session() as session:
        yield session


def globex_person(email: str, **extra) -> dict:
    return {"userName": email, "email": email, "displayName": extra.get("name", "Sam Saml"),
            "department": extra.get("department", "Operations"),
            "managerEmail": extra.get("manager", ""), "mobilePhone": "+44 7700 900123"}


@pytest.fixture
def client():
    """A test client that sends a Host header, as every browser does (python3-saml reads it)."""
    from django.test import Client

    return Client(HTTP_HOST="testserver")
