"""A person's language: chosen in the profile or with the footer's switcher (signed out and
in), used on every page, and for the account emails they receive."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def profile_fields(user: User, **changes) -> dict:
    fields = {"display_name": user.display_name, "pronouns": "", "time_zone": "UTC",
              "language": "", "department": "", "manager": ""}
    return {**fields, **changes}


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def test_the_profile_saves_a_language_and_every_page_then_speaks_it(client, employee):
    client.force_login(employee)
    response = client.post(reverse("accounts:profile"), profile_fields(employee, language="es"))
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.language == "es"

    page = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="fr")
    assert html_lang(page) == "es"  # the saved choice wins over the browser
    assert "Hemos guardado tu perfil." in page.content.decode()
    assert "<h1>Tu perfil</h1>" in page.content.decode()
    assert 'value="es" selected' in page.content.decode()


def test_a_blank_language_follows_the_browser(client, employee):
    employee.language = "es"
    employee.save(update_fields=["language"])
    client.force_login(employee)
    client.post(reverse("accounts:profile"), profile_fields(employee, language=""))
    employee.refresh_from_db()
    assert employee.language == ""
    assert html_lang(client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="fr")) == "fr"
    page = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(page) == "en-gb"
    assert "Same as my browser" in page.content.decode()


def test_an_unknown_language_is_a_form_error(client, employee):
    client.force_login(employee)
    response = client.post(reverse("accounts:profile"), profile_fields(employee, language="xx"))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    employee.refresh_from_db()
    assert employee.language == ""


def test_the_footer_switcher_names_each_language_in_its_own_language(client):
    page = client.get(reverse("account_login")).content.decode()
    switcher = re.search(r'<form class="language-switcher".*?</form>', page, re.S).group(0)
    assert f'action="{reverse("set_language")}"' in switcher
    assert '<label for="language-switcher">Language</label>' in switcher
    assert '<select id="language-switcher" name="language"' in switcher
    assert '<input type="hidden" name="next" value="/accounts/login/">' in switcher
    for code, name in settings.LANGUAGES:
        assert f'<option value="{code}" lang="{code}"' in switcher
        assert f">{name}</option>" in switcher
    assert reverse("set_language") == "/i18n/setlang/"


def test_the_switcher_works_signed_out(client):
    response = client.post(reverse("set_language"), {"language": "fr",
                                                     "next": reverse("account_login")})
    assert response.status_code == 302 and response["Location"] == reverse("account_login")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    page = client.get(reverse("account_login"))
    assert html_lang(page) == "fr"
    assert "<h1>Se connecter</h1>" in page.content.decode()


def test_the_switcher_saves_a_signed_in_persons_choice(client, employee):
    employee.language = "fr"
    employee.save(update_fields=["language"])
    client.force_login(employee)
    response = client.post(reverse("set_language"), {"language": "es",
                                                     "next": reverse("accounts:profile")})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:profile")
    employee.refresh_from_db()
    assert employee.language == "es"
    page = client.get(reverse("accounts:profile"))
    assert html_lang(page) == "es"
    # On another device (no cookie), the saved choice still holds.
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    assert html_lang(client.get(reverse("accounts:profile"))) == "es"


def test_the_switcher_ignores_an_unknown_language_and_a_foreign_next(client, employee):
    client.force_login(employee)
    response = client.post(reverse("set_language"), {"language": "xx",
                                                     "next": "https://elsewhere.example/"})
    assert response.status_code == 302 and "elsewhere" not in response["Location"]
    employee.refresh_from_db()
    assert employee.language == ""


def test_the_switcher_changes_nothing_on_a_get(client, employee):
    client.force_login(employee)
    client.get(reverse("set_language"), {"language": "es"})
    employee.refresh_from_db()
    assert employee.language == ""


def test_an_account_email_goes_out_in_the_recipients_language(client, employee):
    employee.language = "fr"
    employee.save(update_fields=["language"])
    # Asked for from an English page: the email is still in the owner's French.
    client.post(reverse("account_reset_password"), {"email": employee.email},
                HTTP_ACCEPT_LANGUAGE="en")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Réinitialisez votre mot de passe" in message.subject
    assert message.body.startswith("Bonjour de la part de PeerSupport,")
    assert "Merci d'utiliser PeerSupport." in message.body


def test_without_a_saved_language_an_email_follows_the_page_it_was_asked_from(client, employee):
    client.post(reverse("account_reset_password"), {"email": employee.email},
                HTTP_ACCEPT_LANGUAGE="es")
    message = mail.outbox[0]
    assert "Restablece tu contraseña" in message.subject
    assert message.body.startswith("Hola desde PeerSupport:")


def test_a_validation_error_of_ours_is_translated(client, settings):
    settings.SIGNUP_EMAIL_DOMAINS = ["example.com"]
    response = client.post(reverse("account_signup"),
                           {"email": "someone@elsewhere.org", "password1": "a-long-passphrase-9",
                            "password2": "a-long-passphrase-9"}, HTTP_ACCEPT_LANGUAGE="es")
    assert "Regístrate con tu correo del trabajo (@example.com)." in response.content.decode()
