"""Sign-up, login, logout, password reset, email verification and login rate limits."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-quiet-river-at-dawn-42"


def sign_up(client, email="newcomer@example.org", password=NEW_PASSWORD, password2=None):
    return client.post(reverse("account_signup"), {
        "email": email, "password1": password, "password2": password2 or password})


def link_in(message) -> str:
    return re.search(r"https?://[^\s]+", message.body).group(0)


# --- Sign-up ---------------------------------------------------------------------------------

def test_sign_up_creates_an_employee_and_confirming_asks_for_their_profile(client):
    response = sign_up(client, email="Newcomer@Example.org")

    # Nobody is logged in by sign-up itself (a taken address must look the same).
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert SESSION_KEY not in client.session
    user = User.objects.get()
    assert user.email == "newcomer@example.org"
    assert not (user.is_facilitator or user.is_hr or user.is_staff)
    assert len(mail.outbox) == 1
    assert "newcomer@example.org" in mail.outbox[0].to

    # Confirming in the same browser logs the newcomer in, on to choosing their name.
    confirmed = client.post(link_in(mail.outbox[0]))
    assert confirmed.url == reverse("accounts:profile")
    assert client.session[SESSION_KEY] == str(user.pk)


def test_with_optional_verification_an_unconfirmed_newcomer_may_log_in(client):
    sign_up(client)

    response = client.post(reverse("account_login"),
                           {"login": "newcomer@example.org", "password": NEW_PASSWORD})

    assert response.url == reverse("home")
    assert SESSION_KEY in client.session


def test_sign_up_page_is_labelled_and_in_the_site_layout(client):
    html = client.get(reverse("account_signup")).content.decode()

    assert 'class="skip-link"' in html
    for field in ["id_email", "id_password1", "id_password2"]:
        assert f'<label for="{field}">' in html
    assert ">Create account</button>" in html


@pytest.mark.parametrize("data, error", [
    ({"email": "not-an-email"}, "Enter a valid email address."),
    ({"password2": "something-else-entirely"}, "You must type the same password each time."),
    ({"password": "password", "password2": "password"}, "This password is too common."),
])
def test_sign_up_with_bad_input_shows_the_error_and_creates_nobody(client, data, error):
    response = sign_up(client, **data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_with_a_taken_email_creates_no_second_account(client, employee):
    sign_up(client, email=employee.email.upper())

    assert User.objects.filter(email__iexact=employee.email).count() == 1


def test_sign_up_can_be_limited_to_work_domains(client, settings):
    settings.SIGNUP_EMAIL_DOMAINS = ["example.com"]

    refused = sign_up(client, email="someone@gmail.com")
    accepted = sign_up(client, email="someone@example.com")

    assert "Please sign up with your work email address (@example.com)." in (
        refused.content.decode())
    assert accepted.status_code == 302
    assert list(User.objects.values_list("email", flat=True)) == ["someone@example.com"]


def test_mandatory_verification_keeps_the_newcomer_out_until_they_confirm(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"

    response = sign_up(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert SESSION_KEY not in client.session
    refused = client.post(reverse("account_login"),
                          {"login": "newcomer@example.org", "password": NEW_PASSWORD})
    assert refused.url == reverse("account_email_verification_sent")
    assert SESSION_KEY not in client.session

    confirm_url = link_in(mail.outbox[-1])
    assert client.get(confirm_url).status_code == 200  # GET only shows the confirm button
    assert not EmailAddress.objects.get(email="newcomer@example.org").verified
    client.post(confirm_url)

    assert EmailAddress.objects.get(email="newcomer@example.org").verified
    response = client.post(reverse("account_login"),
                           {"login": "newcomer@example.org", "password": NEW_PASSWORD})
    assert response.url == reverse("home")
    assert SESSION_KEY in client.session


# --- Login and logout ------------------------------------------------------------------------

def test_login_by_email_is_case_insensitive_and_lands_home(client, employee):
    response = client.post(reverse("account_login"),
                           {"login": employee.email.upper(), "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session[SESSION_KEY] == str(employee.pk)
    assert "Welcome, Erin Employee" in client.get("/").content.decode()


def test_login_with_a_wrong_password_says_so_and_logs_nobody_in(client, employee):
    response = client.post(reverse("account_login"),
                           {"login": employee.email, "password": "not-it"})

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode())
    assert SESSION_KEY not in client.session


def test_deactivated_person_cannot_log_in(client, employee):
    from accounts.services import user_deactivate

    user_deactivate(user=employee)
    response = client.post(reverse("account_login"),
                           {"login": employee.email, "password": PASSWORD})

    assert SESSION_KEY not in client.session
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert response.url == reverse("account_inactive")


def test_anonymous_home_visit_goes_to_the_login_page(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response.url == reverse("account_login")


def test_login_page_is_labelled_and_in_the_site_layout(client):
    html = client.get(reverse("account_login")).content.decode()

    assert '<a class="skip-link" href="#main">' in html
    assert '<label for="id_login">Email</label>' in html
    assert '<label for="id_password">Password</label>' in html
    assert ">Log in</button>" in html
    assert 'href="/accounts/password/reset/"' in html


def test_too_many_failed_logins_hold_this_client_back(client, employee):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": employee.email, "password": "guess"})

    response = client.post(reverse("account_login"),
                           {"login": employee.email, "password": PASSWORD})

    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_failed_logins_for_one_person_do_not_lock_out_another(client, employee, member):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": employee.email, "password": "guess"})

    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})

    assert client.session[SESSION_KEY] == str(member.pk)


def test_logout_ends_the_session(client, employee):
    client.force_login(employee)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response.url == reverse("account_login")
    assert SESSION_KEY not in client.session
    assert client.get("/profile/").status_code == 302


# --- Password reset --------------------------------------------------------------------------

def test_password_reset_sends_a_link_that_sets_a_new_password(client, employee):
    response = client.post(reverse("account_reset_password"), {"email": employee.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [employee.email]
    assert mail.outbox[0].subject == "Reset your password"

    key_url = link_in(mail.outbox[0])
    form_url = client.get(key_url).url  # allauth moves the key out of the URL into the session
    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302

    employee.refresh_from_db()
    assert employee.check_password(NEW_PASSWORD)
    assert SESSION_KEY not in client.session  # no automatic login from an emailed link


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    # Prevent enumeration: the unknown address is told there is no account, the page is the same.
    assert all("nobody@example.org" in m.to for m in mail.outbox)


def test_password_reset_with_a_bad_address_shows_the_error(client):
    response = client.post(reverse("account_reset_password"), {"email": "nope"})

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert mail.outbox == []


def test_behind_the_proxy_per_ip_limits_count_the_client_not_the_proxy(client, employee,
                                                                       member, settings,
                                                                       monkeypatch):
    from accounts import login_guard

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(login_guard, "STRANGERS_PER_ADDRESS_LIMIT", (3, 600))
    # Every request reaches Django from the proxy's address; nginx appends the client's.
    blocked_client = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    other_client = {"REMOTE_ADDR": "172.18.0.5", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    for _ in range(3):
        client.post(reverse("account_login"), {"login": employee.email, "password": "guess"},
                    **blocked_client)

    refused = client.post(reverse("account_login"),
                          {"login": member.email, "password": PASSWORD}, **blocked_client)
    assert SESSION_KEY not in client.session
    assert "Too many failed login attempts" in refused.content.decode()

    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD},
                **other_client)
    assert client.session[SESSION_KEY] == str(member.pk)


def test_logout_page_asks_before_logging_out(client, employee):
    client.force_login(employee)

    html = client.get(reverse("account_logout")).content.decode()

    assert ">Log out</button>" in html
    assert client.session[SESSION_KEY] == str(employee.pk)  # a GET never logs out
