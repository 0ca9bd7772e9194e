"""Sign-up never tells whether an address is registered (with the default, optional
verification and with mandatory): a taken address and a new one look the same."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-quiet-river-at-dawn-42"


def what_the_visitor_sees(email: str) -> dict:
    browser = Client()
    browser.get(reverse("account_signup"))
    response = browser.post(reverse("account_signup"),
                            {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    following = browser.get(response.url) if response.status_code == 302 else response
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "cookies": {name: (morsel["max-age"], morsel["httponly"], morsel["samesite"])
                    for name, morsel in response.cookies.items()},
        "logged_in": SESSION_KEY in browser.session,
        # Every page's forms (the footer's language switcher too) carry a fresh CSRF token.
        "page": re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF",
                       following.content.decode().replace(email, "EMAIL")),
    }


@pytest.mark.parametrize("verification", ["optional", "mandatory"])
def test_a_taken_address_and_a_new_one_look_the_same(settings, verification):
    settings.ACCOUNT_EMAIL_VERIFICATION = verification
    owner = UserFactory(email="taken@example.org")

    taken = what_the_visitor_sees("taken@example.org")
    new = what_the_visitor_sees("fresh@example.org")

    assert taken == new
    assert taken["status"] == 302 and not taken["logged_in"]
    assert "taken@example.org" not in taken["page"]  # replaced: the page names no one else
    # Only the owner of the taken address hears about it, by email.
    to_owner = [m for m in mail.outbox if m.to == [owner.email]]
    assert len(to_owner) == 1
    assert User.objects.filter(email="taken@example.org").count() == 1


def test_taken_address_in_another_case_creates_nothing_and_tells_nothing(settings):
    UserFactory(email="taken@example.org")

    seen = what_the_visitor_sees("TAKEN@Example.org")

    assert seen["location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1


def test_repeated_sign_ups_with_a_taken_address_do_not_flood_its_owner():
    owner = UserFactory(email="taken@example.org")

    for _ in range(5):
        what_the_visitor_sees("taken@example.org")

    assert len([m for m in mail.outbox if m.to == [owner.email]]) == 1
