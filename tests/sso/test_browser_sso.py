"""In Chromium: a person signs in through the company's OpenID Provider and through its SAML
IdP (both real, on loopback) and lands in PeerSupport with their department set (on their
profile page, as every newcomer does, with the name from the directory filled in)."""

import pytest
from django.contrib.auth import get_user_model

from tests.sso.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

User = get_user_model()


def test_signing_in_with_the_companys_openid_provider(live_server, page, sso):
    page.goto(f"{live_server.url}/accounts/login/")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in with Acme").click()

    assert page.url.startswith("http://127.0.0.1:8171/interaction/")
    page.get_by_label("Email").fill("ada@acme.test")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # A newcomer lands on their profile (as after any sign-up), already filled in.
    page.wait_for_url(f"{live_server.url}/profile/")
    assert page.locator("input[name=display_name]").input_value() == "Ada Lovelace"
    assert User.objects.get(email="ada@acme.test").department.name == "Finance"

    # Logging out here ends the provider's session too, and comes back to the login page.
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/accounts/login/")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in with Acme").click()
    assert page.url.startswith("http://127.0.0.1:8171/interaction/")  # asked to sign in again


def test_signing_in_with_the_companys_saml_idp(live_server, page, sso):
    page.goto(f"{live_server.url}/accounts/login/")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in with Globex").click()

    assert page.url.startswith("http://127.0.0.1:8172/saml/sso")
    form = page.locator("form[action='/signin']")
    for field, value in {"userName": "sam@globex.test", "email": "sam@globex.test",
                         "displayName": "Sam Saml", "department": "Operations"}.items():
        form.locator(f"input[name={field}]").fill(value)
    form.locator("button[type=submit]").click()

    page.wait_for_url(f"{live_server.url}/profile/")
    assert page.locator("input[name=display_name]").input_value() == "Sam Saml"
    assert User.objects.get(email="sam@globex.test").department.name == "Operations"


def test_password_login_is_refused_for_an_sso_only_domain(live_server, page, sso):
    from tests.conftest import log_in
    from tests.factories import PASSWORD as LOCAL_PASSWORD
    from tests.factories import UserFactory

    UserFactory(email="carol@acme.test")

    log_in(page, live_server.url, "carol@acme.test", LOCAL_PASSWORD)

    assert page.url == f"{live_server.url}/accounts/login/"
    assert page.get_by_text("People at @acme.test sign in with Acme").is_visible()
