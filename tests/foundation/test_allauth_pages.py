"""allauth's pages render inside the PeerSupport layout, with every field labelled."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = ["account_login", "account_signup", "account_reset_password",
                   "account_reset_password_done", "account_email_verification_sent"]
ACCOUNT_PAGES = ["account_email", "account_change_password", "mfa_index", "account_logout",
                 "account_reauthenticate"]


def assert_in_site_layout(html: str) -> None:
    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert '<main id="main" class="wrap" tabindex="-1">' in html
    assert 'href="/static/css/site.css"' in html
    # Every visible input, select and textarea has a <label for=...>.
    ids = re.findall(
        r'<(?:input|select|textarea)(?![^>]*type="(?:hidden|submit)")[^>]*\bid="([^"]+)"', html)
    for field_id in ids:
        assert f'for="{field_id}"' in html, f"{field_id} has no label"


@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_public_account_pages_use_the_site_layout(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_in_site_layout(response.content.decode())


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_account_settings_pages_use_the_site_layout(client, employee, name):
    client.force_login(employee)

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_in_site_layout(response.content.decode())


def test_settings_pages_share_a_labelled_side_menu(client, employee):
    client.force_login(employee)

    html = client.get(reverse("account_change_password")).content.decode()

    assert '<nav class="settings-nav" aria-label="Account settings">' in html
    assert re.search(r'<a href="/accounts/password/change/"\s*aria-current="page">', html)


def test_totp_activation_page_shows_the_qr_code_with_alt_text_and_labelled_code(
        client, employee):
    client.force_login(employee)
    reauth_url = client.get(reverse("mfa_activate_totp")).url
    client.post(reauth_url, {"password": "correct-horse-battery-staple"})

    html = client.get(reverse("mfa_activate_totp")).content.decode()

    assert 'alt="QR code to scan with your authenticator app"' in html
    assert '<label for="id_code">Authenticator code</label>' in html
    assert_in_site_layout(html)


def test_page_titles_name_the_page_and_the_product(client):
    html = client.get(reverse("account_login")).content.decode()

    assert re.search(r"<title>\s*Log in\s*· PeerSupport</title>", html)
