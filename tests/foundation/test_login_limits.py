"""A stranger hammering an account slows only strangers; the owner logs in as ever.

The old rule (5 failures per address lock it for 5 minutes, for everyone) let anyone lock a
chosen colleague out. These tests attack that way and fail to lock anyone out.
"""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from accounts import login_guard
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

HOME = {"REMOTE_ADDR": "198.51.100.7"}  # where the owner usually logs in
STRANGER = {"REMOTE_ADDR": "203.0.113.9"}
ELSEWHERE = {"REMOTE_ADDR": "192.0.2.44"}  # a place the owner never logged in from
TOO_MANY = "Too many failed login attempts"


def attempt(client, email, password, where):
    return client.post(reverse("account_login"), {"login": email, "password": password},
                       **where)


def hammer(email, times=25, where=STRANGER):
    """Failed logins from one address (below the 30 a minute per-address request limit)."""
    stranger = Client()
    for n in range(times):
        attempt(stranger, email, f"guess-{n}", where)
    return stranger


def test_the_stranger_is_held_back_even_with_the_right_password(employee):
    stranger = hammer(employee.email)

    response = attempt(stranger, employee.email, PASSWORD, STRANGER)

    assert TOO_MANY in response.content.decode()
    assert SESSION_KEY not in stranger.session


def test_the_owner_logs_in_from_their_usual_place_during_the_attack(employee):
    earlier = Client()
    attempt(earlier, employee.email, PASSWORD, HOME)  # logged in from here before
    hammer(employee.email)

    owner = Client()  # a new browser, but the usual place
    attempt(owner, employee.email, PASSWORD, HOME)

    assert owner.session[SESSION_KEY] == str(employee.pk)


def test_the_owner_logs_in_from_their_usual_browser_anywhere(employee):
    owner = Client()
    attempt(owner, employee.email, PASSWORD, HOME)
    assert owner.cookies[login_guard.DEVICE_COOKIE].value
    owner.post(reverse("account_logout"))

    # The stranger hammers from many addresses, and also from the owner's office network.
    for where in [STRANGER, ELSEWHERE, HOME]:
        hammer(employee.email, times=30, where=where)

    # The owner's own browser, even from a new place, still gets in.
    attempt(owner, employee.email, PASSWORD, {"REMOTE_ADDR": "192.0.2.200"})
    assert owner.session[SESSION_KEY] == str(employee.pk)


def test_the_owner_is_held_back_only_by_their_own_failures(employee):
    owner = Client()
    attempt(owner, employee.email, PASSWORD, HOME)
    owner.post(reverse("account_logout"))
    for n in range(5):
        attempt(owner, employee.email, f"typo-{n}", HOME)

    response = attempt(owner, employee.email, PASSWORD, HOME)

    assert TOO_MANY in response.content.decode()


def test_strangers_from_many_places_together_are_held_back_for_that_account(employee):
    # Four failures from each of many addresses: no single address reaches its own limit.
    for n in range(6):
        hammer(employee.email, times=4, where={"REMOTE_ADDR": f"203.0.113.{100 + n}"})

    response = attempt(Client(), employee.email, PASSWORD, ELSEWHERE)

    assert TOO_MANY in response.content.decode()


def test_a_forged_known_browser_cookie_counts_as_a_stranger(employee):
    for n in range(6):
        hammer(employee.email, times=4, where={"REMOTE_ADDR": f"203.0.113.{100 + n}"})
    forger = Client()
    forger.cookies[login_guard.DEVICE_COOKIE] = "eyJpZCI6ImZha2UiLCJhIjpbXX0:forged:signature"

    response = attempt(forger, employee.email, PASSWORD, ELSEWHERE)

    assert TOO_MANY in response.content.decode()


def test_unknown_addresses_are_limited_exactly_like_real_ones(employee):
    """The limit is no oracle: an address without an account behaves the same."""
    for email in [employee.email, "nobody-here@example.org"]:
        stranger = hammer(email, times=5, where=ELSEWHERE)
        response = attempt(stranger, email, "again", ELSEWHERE)
        assert TOO_MANY in response.content.decode()
