"""Two-factor for facilitators and HR admins, through allauth's real MFA flow."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.foundation.urls")]


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, user, **extra):
    return client.post(reverse("account_login"),
                       {"login": user.email, "password": PASSWORD, **extra})


@pytest.mark.django_db(transaction=True)
def test_facilitator_sets_up_totp_and_then_opens_the_facilitator_page(client, facilitator):
    # At login the role holder is sent straight to set up an authenticator app.
    response = log_in(client, facilitator)
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")

    # allauth asks for the password once more before an authenticator may be added.
    reauth = client.get(response.url)
    assert reauth.status_code == 302
    assert reauth.url.startswith(reverse("account_reauthenticate"))
    back = client.post(reauth.url, {"password": PASSWORD})
    assert back.url == reverse("mfa_activate_totp")

    page = client.get(back.url)
    assert page.status_code == 200
    assert "Authenticator secret" in page.content.decode()
    secret = client.session[SECRET_SESSION_KEY]

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=facilitator).exists()

    # Typing a valid code to set the app up passes the second factor for this login (allauth
    # announces the new authenticator once its transaction commits: a transactional test).
    activated = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert activated.status_code == 302
    assert activated.url == reverse("mfa_view_recovery_codes")
    assert set(Authenticator.objects.filter(user=facilitator).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}

    assert client.get("/test/facilitator-page/").content == b"facilitator tools"


def test_second_login_asks_for_a_code_and_accepts_a_recovery_code(client, hr, two_factor):
    two_factor(hr)
    codes = Authenticator.objects.get(user=hr, type=Authenticator.Type.RECOVERY_CODES)
    recovery_code = codes.wrap().get_unused_codes()[0]

    response = log_in(client, hr)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    # Password alone does not log in.
    assert client.get("/test/hr-page/").status_code == 302

    refused = client.post(reverse("mfa_authenticate"), {"code": "12345678"})
    assert refused.status_code == 200
    assert "Incorrect code" in refused.content.decode()

    accepted = client.post(reverse("mfa_authenticate"), {"code": recovery_code})
    assert accepted.status_code == 302
    assert client.get("/test/hr-page/").content == b"aggregate dashboard"


def test_second_login_accepts_the_authenticator_code(client, facilitator, two_factor):
    secret = two_factor(facilitator)[facilitator.email]

    log_in(client, facilitator)
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert response.status_code == 302
    assert response.url == reverse("home")


def test_employee_login_goes_home_without_two_factor(client, employee):
    response = log_in(client, employee)

    assert response.status_code == 302
    assert response.url == reverse("home")


def test_explicit_next_still_meets_the_two_factor_requirement(client, facilitator):
    response = log_in(client, facilitator, next="/test/facilitator-page/")
    assert response.url == "/test/facilitator-page/"

    followed = client.get(response.url)

    assert followed.status_code == 302
    assert followed.url == reverse("mfa_activate_totp")


def test_demo_accounts_skip_two_factor_only_in_debug(tmp_path):
    """The exemption list is decided when settings load: DEBUG=1 keeps it, DEBUG=0 empties it."""
    from tests.foundation.subprocess_settings import read_settings

    debug = read_settings({"DEBUG": "1"}, "MFA_EXEMPT_EMAILS")
    production = read_settings({"DEBUG": "0"}, "MFA_EXEMPT_EMAILS")

    assert debug == ["facilitator@example.com", "hr@example.com"]
    assert production == []


def test_exempt_demo_facilitator_opens_the_page_without_two_factor(client, facilitator,
                                                                 mfa_exempt):
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    assert client.get("/test/facilitator-page/").status_code == 200


def test_two_factor_page_renders_in_the_site_layout(client, employee):
    client.force_login(employee)

    html = client.get(reverse("mfa_index")).content.decode()

    assert 'class="skip-link"' in html
    assert "Authenticator App" in html
    assert re.search(r'<a href="/accounts/2fa/"\s+aria-current="page">', html)
