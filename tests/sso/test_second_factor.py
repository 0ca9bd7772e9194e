"""A facilitator or HR admin signing in through SSO: the identity provider's second factor (OIDC
amr/acr) counts only when it asserts one; otherwise the authenticator code is asked as ever."""

import pytest
import requests
from allauth.mfa.models import Authenticator
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

from accounts.two_factor import session_passed_second_factor
from peersupport.permissions import two_factor_passed
from tests.factories import UserFactory
from tests.sso import idp
from tests.sso.conftest import PASSWORD


def sign_in(client, http, email):
    return idp.oidc_sign_in(client, http, provider_id="acme", email=email, password=PASSWORD)


def test_an_hr_admin_whose_provider_asserted_mfa_opens_the_dashboard(client, http, sso):
    ada = UserFactory(email="ada@acme.test", is_hr=True)

    response = sign_in(client, http, "ada@acme.test")

    assert response.wsgi_request.user == ada
    # Not sent to set up an authenticator: the provider's second factor stands for it.
    assert response.request["PATH_INFO"] == "/", response.redirect_chain
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.parametrize("email", ["bob@acme.test", "fran@acme.test"],
                         ids=["amr-without-mfa", "no-amr"])
def test_without_an_asserted_second_factor_the_hr_admin_is_asked_for_one(client, http, sso,
                                                                         email):
    UserFactory(email=email, is_hr=True)

    response = sign_in(client, http, email)

    assert response.request["PATH_INFO"] == "/accounts/2fa/totp/activate/"
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 302
    assert dashboard.url == "/accounts/2fa/totp/activate/"


def test_with_an_authenticator_and_no_asserted_factor_the_code_is_asked_first(
        client, http, sso, two_factor):
    bob = UserFactory(email="bob@acme.test", is_hr=True)
    two_factor(bob)

    response = sign_in(client, http, "bob@acme.test")

    assert response.request["PATH_INFO"] == "/accounts/2fa/authenticate/"
    assert not response.wsgi_request.user.is_authenticated
    codes = Authenticator.objects.get(user=bob, type=Authenticator.Type.RECOVERY_CODES)
    answered = client.post("/accounts/2fa/authenticate/",
                           {"code": codes.wrap().get_unused_codes()[0]})
    assert answered.status_code == 302
    assert client.get("/dashboard/").status_code == 200


def test_with_an_authenticator_and_an_asserted_factor_no_code_is_asked(client, http, sso,
                                                                       two_factor):
    ada = UserFactory(email="ada@acme.test", is_hr=True)
    two_factor(ada)

    response = sign_in(client, http, "ada@acme.test")

    assert response.wsgi_request.user == ada
    assert response.request["PATH_INFO"] == "/"
    assert client.get("/dashboard/").status_code == 200


def test_which_amr_values_count_is_configurable(client, http, sso, settings):
    app = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
    app["settings"]["second_factor"] = {"amr": ["hwk"]}  # a hardware key only
    UserFactory(email="ada@acme.test", is_hr=True)

    sign_in(client, http, "ada@acme.test")

    assert client.get("/dashboard/").url == "/accounts/2fa/totp/activate/"


def test_an_acr_value_can_stand_for_the_second_factor(client, http, sso, settings):
    from tests.sso.conftest import OIDC_ACCOUNTS

    app = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
    app["settings"]["second_factor"] = {"amr": [], "acr": ["urn:peersupport:test:two-factor"]}
    UserFactory(email="fran@acme.test", is_hr=True)
    assert "acr" not in OIDC_ACCOUNTS["fran@acme.test"]

    sign_in(client, http, "fran@acme.test")

    assert client.get("/dashboard/").status_code == 302


def test_the_chat_socket_reads_the_providers_answer_from_the_login_session(client, http, sso):
    """Moderating over the chat socket asks the login session the same question (chat.consumers
    passes session_passed_second_factor to the room policy)."""
    ada = UserFactory(email="ada@acme.test", is_facilitator=True)
    bob = UserFactory(email="bob@acme.test", is_facilitator=True)

    sign_in(client, http, "ada@acme.test")
    ada_login = SessionStore(client.session.session_key)
    bobs_client = Client()
    with requests.Session() as bobs_browser:
        sign_in(bobs_client, bobs_browser, "bob@acme.test")
    bob_login = SessionStore(bobs_client.session.session_key)

    assert two_factor_passed(ada, session_passed_second_factor(ada_login, ada))
    assert not two_factor_passed(bob, session_passed_second_factor(bob_login, bob))
    assert not two_factor_passed(bob, session_passed_second_factor(ada_login, bob))
