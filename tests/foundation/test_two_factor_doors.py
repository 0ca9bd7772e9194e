"""Every way in ends with the second factor passed, for everyone who has one (DEBUG=0).

An HR admin on the staff with an authenticator app tries each door with the password alone
and must reach none of /admin/, /dashboard/, /support/hr/reports/.
"""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

PAGES = ["/admin/", "/dashboard/", "/support/hr/reports/"]

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.urls("peersupport.urls"),
    pytest.mark.usefixtures("production_two_factor"),
]


@pytest.fixture
def production_two_factor(settings):
    settings.DEBUG = False
    settings.MFA_EXEMPT_EMAILS = []


@pytest.fixture
def hr_admin(db, two_factor):
    user = UserFactory(display_name="Harper HR", is_hr=True, is_staff=True, is_superuser=True)
    user.totp_secret = two_factor(user)[user.email]
    return user


def code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


GATES = ("/accounts/login/", "/accounts/2fa/authenticate/", "/accounts/2fa/reauthenticate/",
         "/accounts/2fa/totp/activate/", "/accounts/reauthenticate/")


def assert_no_page_opens(client) -> None:
    """Each page, redirects followed, ends on a login or two-factor page, never itself."""
    for page in PAGES:
        response = client.get(page, follow=True)
        final = response.request["PATH_INFO"]
        assert final in GATES, (page, final)


def assert_every_page_opens(client) -> None:
    for page in PAGES:
        assert client.get(page).status_code == 200, page


def test_the_admin_login_form_is_never_shown_it_hands_over_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=%2Fadmin%2Faccounts%2Fuser%2F"


def test_posting_the_password_to_the_admin_login_logs_nobody_in(client, hr_admin):
    response = client.post("/admin/login/?next=/admin/",
                           {"username": hr_admin.email, "password": PASSWORD,
                            "next": "/admin/"})

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session
    assert_no_page_opens(client)


def test_the_allauth_login_with_the_password_alone_opens_nothing(client, hr_admin):
    response = client.post(reverse("account_login"),
                           {"login": hr_admin.email, "password": PASSWORD, "next": "/admin/"})

    assert response.url == reverse("mfa_authenticate")
    assert_no_page_opens(client)

    # The code finishes the login, and then every page opens.
    finished = client.post(reverse("mfa_authenticate"), {"code": code(hr_admin.totp_secret)})
    assert finished.status_code == 302
    assert_every_page_opens(client)


def test_a_login_through_any_other_door_is_asked_for_the_code_first(client, hr_admin):
    # Any other login view (Django's own, a future one) ends in django.contrib.auth.login()
    # with the password checked and nothing else.
    client.force_login(hr_admin)

    for page in [*PAGES, "/", "/accounts/2fa/", "/accounts/email/"]:
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url.startswith(reverse("mfa_reauthenticate")), page

    refused = client.post(f"{reverse('mfa_reauthenticate')}?next=/dashboard/",
                          {"code": "000000"})
    assert refused.status_code == 200
    assert_no_page_opens(client)

    accepted = client.post(f"{reverse('mfa_reauthenticate')}?next=/dashboard/",
                           {"code": code(hr_admin.totp_secret)})
    assert accepted.status_code == 302
    assert accepted.url == "/dashboard/"
    assert_every_page_opens(client)


def test_logging_out_stays_open_while_the_code_is_owed(client, hr_admin):
    client.force_login(hr_admin)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@override_settings(ACCOUNT_LOGIN_ON_PASSWORD_RESET=True)
def test_password_reset_that_logs_in_still_asks_for_the_code(client, hr_admin):
    client.post(reverse("account_reset_password"), {"email": hr_admin.email})
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+/", mail.outbox[-1].body)
    key_url = link.group(0).split("testserver", 1)[-1]
    form_url = client.get(key_url).url
    new_password = "a-fresh-long-passphrase-41"

    response = client.post(form_url, {"password1": new_password, "password2": new_password})

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert_no_page_opens(client)


def test_the_session_of_someone_else_who_passed_does_not_count(client, hr_admin, two_factor):
    other = UserFactory()
    other_secret = two_factor(other)[other.email]
    client.post(reverse("account_login"), {"login": other.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": code(other_secret)})
    assert client.get("/").status_code == 200

    # Same browser, now the HR admin through a door that skips the code.
    client.force_login(hr_admin)

    assert_no_page_opens(client)


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})

    response = client.get("/admin/")

    assert response.status_code == 302
    followed = client.get(response.url)
    assert followed.status_code == 302
    assert followed.url == reverse("mfa_activate_totp")


def test_an_employee_without_an_authenticator_is_not_bothered(client):
    employee = UserFactory()
    client.force_login(employee)

    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 302  # not staff: the login page, as always


def test_generating_recovery_codes_is_not_answering_a_second_factor(rf, hr_admin):
    from allauth.mfa.models import Authenticator
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.two_factor import second_factor_mark_set_up, second_factor_passed

    request = rf.get("/")
    request.user, request.session = hr_admin, SessionStore()
    codes = Authenticator.objects.get(user=hr_admin, type=Authenticator.Type.RECOVERY_CODES)
    second_factor_mark_set_up(request, hr_admin, codes)
    assert not second_factor_passed(request)

    totp = Authenticator.objects.get(user=hr_admin, type=Authenticator.Type.TOTP)
    second_factor_mark_set_up(request, hr_admin, totp)
    assert second_factor_passed(request)


def test_the_admin_login_never_sends_anyone_elsewhere(client, hr_admin, login_with_two_factor):
    assert client.get("/admin/login/?next=https://evil.example/").url == (
        "/accounts/login/?next=%2Fadmin%2F")

    login_with_two_factor(client, hr_admin)

    assert client.get("/admin/login/?next=//evil.example/").url == "/admin/"
    assert client.get("/admin/login/?next=/admin/accounts/user/").url == "/admin/accounts/user/"
