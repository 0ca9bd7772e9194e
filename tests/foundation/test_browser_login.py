"""A newcomer's first minutes in a real browser: log in as the demo employee, land home."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from accounts.demo import DEMO_PASSWORD
from tests.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_employee_logs_in_through_the_form_and_sees_the_home_page(live_server, page):
    call_command("seed_demo")

    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/accounts/login/"
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()

    # A wrong password first: the form says so and keeps the person on the login page.
    log_in(page, live_server.url, "employee@example.com", "not-the-password")
    expect(page.get_by_text("The email address and/or password you specified are not "
                            "correct.")).to_be_visible()

    log_in(page, live_server.url, "employee@example.com", DEMO_PASSWORD)

    assert page.url == live_server.url + "/"
    expect(page.get_by_role("heading", name="Welcome, Sam Employee")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    assert nav.get_by_role("link", name="Dashboard").count() == 0  # HR only

    # The skip link is the first thing a keyboard reaches, and it is visible when focused.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["x"] >= 0

    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(live_server.url + "/accounts/login/")
    page.goto(live_server.url + "/profile/")
    assert page.url.startswith(live_server.url + "/accounts/login/")
