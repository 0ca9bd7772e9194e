"""Signing in through the company's SAML IdP (saml-idp on loopback), configured in the admin."""

import base64

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.contrib.auth import get_user_model

from tests.factories import UserFactory
from tests.sso import idp
from tests.sso.conftest import LATE_SAML_PORT, SAML_PORT, globex_person, saml_idp_settings

User = get_user_model()


@pytest.fixture
def idp_context(http):
    """Sets the IdP's AuthnContextClassRef for one test (saml-idp's own settings form)."""

    def set_to(value: str) -> None:
        http.post(f"http://127.0.0.1:{SAML_PORT}/settings", data={"authnContextClassRef": value},
                  allow_redirects=False, timeout=15)

    yield set_to
    set_to("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")


def test_a_newcomer_signs_in_and_gets_an_account_with_their_department(client, http, sso):
    lead = UserFactory(email="lead@globex.test")
    assertion = idp.saml_assertion(client, http, organization="globex", person=globex_person(
        "sam@globex.test", name="Sam Saml", department="Operations",
        manager="lead@globex.test"))

    response = idp.saml_post(client, assertion)

    sam = User.objects.get(email="sam@globex.test")
    assert response.wsgi_request.user == sam
    assert (sam.display_name, sam.department.name, sam.manager) == ("Sam Saml", "Operations",
                                                                     lead)
    # Nothing else the IdP sent (a phone number here) is kept anywhere.
    assert SocialAccount.objects.get(user=sam).extra_data == {}
    assert "7700" not in str(dict(client.session.items()))


def test_a_tampered_assertion_is_refused(client, http, sso, caplog):
    assertion = idp.saml_assertion(client, http, organization="globex",
                                   person=globex_person("sam@globex.test"))
    xml = base64.b64decode(assertion["SAMLResponse"]).decode()
    assert "Operations" in xml
    assertion["SAMLResponse"] = base64.b64encode(
        xml.replace("Operations", "Board of Directors").encode()).decode()

    response = idp.saml_post(client, assertion)

    assert "signature" in caplog.text.lower() or "digest" in caplog.text.lower(), caplog.text
    assert "We could not sign you in" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(email="sam@globex.test").exists()


def test_an_expired_assertion_is_refused(client, http, sso, late_saml_idp, saml_keys, caplog):
    app = SocialApp.objects.get(provider_id="globex")
    app.settings["idp"] = saml_idp_settings(LATE_SAML_PORT, saml_keys[2])
    app.save()
    assertion = idp.saml_assertion(client, http, organization="globex",
                                   person=globex_person("sam@globex.test"))

    response = idp.saml_post(client, assertion)

    assert "expired" in caplog.text, caplog.text
    assert "We could not sign you in" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.filter(email="sam@globex.test").exists()


def test_a_multi_factor_context_class_satisfies_two_factor(client, http, sso, idp_context):
    UserFactory(email="hr@globex.test", is_hr=True)
    idp_context("http://schemas.microsoft.com/claims/multipleauthn")

    idp.saml_post(client, idp.saml_assertion(client, http, organization="globex",
                                             person=globex_person("hr@globex.test")))

    assert client.get("/dashboard/").status_code == 200


def test_a_password_only_context_class_does_not(client, http, sso, idp_context):
    UserFactory(email="hr@globex.test", is_hr=True)
    idp_context("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")

    response = idp.saml_post(client, idp.saml_assertion(
        client, http, organization="globex", person=globex_person("hr@globex.test")))

    assert response.wsgi_request.user.email == "hr@globex.test"
    assert client.get("/dashboard/").url == "/accounts/2fa/totp/activate/"
