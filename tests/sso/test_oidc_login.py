"""Signing in through the company's OpenID Provider (oidc-provider on loopback)."""

from django.contrib.auth import get_user_model

from accounts.models import Department
from tests.factories import UserFactory
from tests.sso import idp
from tests.sso.conftest import PASSWORD


def test_a_newcomer_signs_in_and_gets_an_account_with_their_department(client, http, sso):
    grace = UserFactory(email="grace@acme.test", display_name="Grace")

    response = idp.oidc_sign_in(client, http, provider_id="acme", email="ada@acme.test",
                                password=PASSWORD)

    assert response.status_code == 200, response.content.decode()[-1500:]
    ada = get_user_model().objects.get(email="ada@acme.test")
    assert response.wsgi_request.user == ada
    assert ada.display_name == "Ada Lovelace"
    assert ada.department.name == "Finance"
    assert ada.manager == grace
    assert not ada.has_usable_password()


def test_nothing_else_the_provider_says_is_kept(client, http, sso):
    from allauth.socialaccount.models import SocialAccount

    idp.oidc_sign_in(client, http, provider_id="acme", email="ada@acme.test", password=PASSWORD)

    account = SocialAccount.objects.get(user__email="ada@acme.test")
    assert account.provider == "acme"
    assert account.extra_data == {}
    assert "ada@acme.test" not in str(client.session.get("peersupport_sso_assertion"))


def test_the_department_follows_the_directory_but_a_chosen_name_stays(client, http, sso):
    bob = UserFactory(email="bob@acme.test", display_name="Bobby",
                      department=Department.objects.create(name="Sales"))

    idp.oidc_sign_in(client, http, provider_id="acme", email="bob@acme.test", password=PASSWORD)

    bob.refresh_from_db()
    assert bob.display_name == "Bobby"
    assert bob.department.name == "Customer Support"


def test_the_mapping_is_configurable_per_provider(client, http, sso, settings):
    app = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
    app["settings"]["profile"] = {"display_name": "email", "department": "name"}

    idp.oidc_sign_in(client, http, provider_id="acme", email="bob@acme.test", password=PASSWORD)

    bob = get_user_model().objects.get(email="bob@acme.test")
    assert bob.display_name == "bob@acme.test"
    assert bob.department.name == "Bob Okafor"


def test_a_wrong_password_at_the_provider_signs_nobody_in(client, http, sso):
    response = client.post("/accounts/oidc/acme/login/", {"process": "login"})
    page = idp.follow_idp(http, response.url)
    form = idp.Forms(page.text).forms[0]
    again = idp.follow_idp(http, page.url.replace("/interaction/", "/interaction/"),
                           method="POST", data={"email": "ada@acme.test", "password": "nope"})

    assert "Wrong email or password" in again.text
    assert form["method"] == "post"
    assert not get_user_model().objects.filter(email="ada@acme.test").exists()


def test_the_login_page_offers_each_configured_company(client, sso):
    page = client.get("/accounts/login/").content.decode()

    assert "Sign in with Acme" in page
    assert "Sign in with Globex" in page


def test_without_a_provider_the_login_page_offers_none(client, db):
    assert "Sign in with" not in client.get("/accounts/login/").content.decode()
