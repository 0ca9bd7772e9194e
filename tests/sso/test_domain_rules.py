"""Email-domain rules: which provider a person must use, and "SSO only" for password login."""

from django.contrib.auth import get_user_model

from sso.models import DomainRule
from tests.factories import PASSWORD as LOCAL_PASSWORD
from tests.factories import UserFactory
from tests.sso import idp
from tests.sso.conftest import PASSWORD


def password_login(client, email, password=LOCAL_PASSWORD):
    return client.post("/accounts/login/", {"login": email, "password": password})


def test_password_login_is_refused_for_an_sso_only_domain(client, sso):
    UserFactory(email="carol@acme.test")

    response = password_login(client, "carol@acme.test")

    assert response.status_code == 200
    assert "People at @acme.test sign in with Acme" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_the_refusal_reads_the_same_whatever_the_password(client, sso):
    UserFactory(email="carol@acme.test")

    right = password_login(client, "carol@acme.test").context["form"].errors
    wrong = password_login(client, "carol@acme.test", "not-it").context["form"].errors
    nobody = password_login(client, "nobody@acme.test").context["form"].errors

    assert right == wrong == nobody


def test_staff_with_two_factor_keep_a_break_glass_login(client, sso, two_factor):
    admin = UserFactory(email="root@acme.test", is_staff=True, is_superuser=True)
    two_factor(admin)

    response = password_login(client, "root@acme.test")

    assert response.status_code == 302
    assert response.url == "/accounts/2fa/authenticate/"  # the code is still asked


def test_staff_without_two_factor_are_refused_like_everyone(client, sso):
    UserFactory(email="root@acme.test", is_staff=True)

    response = password_login(client, "root@acme.test")

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


def test_a_domain_without_sso_only_logs_in_with_a_password_as_before(client, sso):
    UserFactory(email="gina@globex.test")

    response = password_login(client, "gina@globex.test")

    assert response.status_code == 302
    assert response.wsgi_request.user.email == "gina@globex.test"


def test_an_admin_rule_turns_sso_only_on(client, sso):
    UserFactory(email="gina@globex.test")
    DomainRule.objects.filter(domain="globex.test").update(sso_only=True)

    response = password_login(client, "gina@globex.test")

    assert "People at @globex.test sign in with Globex" in response.content.decode()


def test_sign_up_is_closed_for_an_sso_only_domain(client, sso):
    response = client.post("/accounts/signup/", {"email": "newbie@acme.test",
                                                 "password1": "a-long-new-passphrase",
                                                 "password2": "a-long-new-passphrase"})

    assert response.status_code == 200
    assert "sign in with Acme" in response.content.decode()
    assert not get_user_model().objects.filter(email="newbie@acme.test").exists()


def test_a_provider_cannot_sign_in_a_domain_that_belongs_to_another(client, http, sso):
    response = idp.oidc_sign_in(client, http, provider_id="acme",
                                email="mallory@globex.test", password=PASSWORD)

    assert response.status_code == 403
    assert "People at @globex.test sign in with Globex, not with Acme" in (
        response.content.decode())
    assert not get_user_model().objects.filter(email="mallory@globex.test").exists()


def test_a_provider_cannot_take_over_an_account_of_a_domain_it_was_not_given(client, http,
                                                                            sso):
    erin = UserFactory(email="erin@elsewhere.test")

    response = idp.oidc_sign_in(client, http, provider_id="acme",
                                email="erin@elsewhere.test", password=PASSWORD)

    assert response.status_code == 403
    assert not response.wsgi_request.user.is_authenticated
    assert not erin.socialaccount_set.exists()


def test_the_provider_of_the_domain_signs_in_an_existing_account(client, http, sso):
    ada = UserFactory(email="ada@acme.test")

    response = idp.oidc_sign_in(client, http, provider_id="acme", email="ada@acme.test",
                                password=PASSWORD)

    assert response.wsgi_request.user == ada
    assert ada.socialaccount_set.get().provider == "acme"
