"""Shared fixtures: personas, and a headless Chromium for the browser journeys."""

import os
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation

from accounts.models import Department, User
from tests.factories import UserFactory

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached figures live in the cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's language: a request by a Spanish or French person leaves
    theirs active in the test's thread (as it would for that thread's next request, had
    LocaleMiddleware not run first)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def department(db) -> Department:
    return Department.objects.create(name="Engineering")


@pytest.fixture
def employee(db) -> User:
    return UserFactory(display_name="Erin Employee")


@pytest.fixture
def member(db) -> User:
    return UserFactory(display_name="Morgan Member")


@pytest.fixture
def outsider(db) -> User:
    return UserFactory(display_name="Oli Outsider")


@pytest.fixture
def facilitator(db) -> User:
    return UserFactory(display_name="Fran Facilitator", is_facilitator=True)


@pytest.fixture
def hr(db) -> User:
    return UserFactory(display_name="Harper HR", is_hr=True)


@pytest.fixture
def two_factor(db):
    """Activates real allauth TOTP + recovery codes for users; returns the TOTP secrets by email.

    Use it where a test should pass the two-factor requirement the way production does
    (`mfa_exempt` only bypasses it).
    """
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    def activate(*users: User) -> dict[str, str]:
        secrets = {}
        for user in users:
            secrets[user.email] = generate_totp_secret()
            TOTP.activate(user, secrets[user.email])
            RecoveryCodes.activate(user)
        return secrets

    return activate


@pytest.fixture
def login_with_two_factor(two_factor):
    """Logs a test client in through allauth's real login, second factor included.

    `client.force_login` is a door that skips the second factor, and the site then asks for
    the code before anything opens (accounts.middleware.SecondFactorMiddleware). This sets up
    an authenticator if the user has none, posts the password to the login form, then answers
    the code step with one of the user's recovery codes (each is good once, unlike a TOTP code
    within its 30 s window, so a test may log in again).
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import is_mfa_enabled
    from django.urls import reverse

    from tests.factories import PASSWORD

    def log_in(client, user: User) -> None:
        if not is_mfa_enabled(user):
            two_factor(user)
        client.logout()
        response = client.post(reverse("account_login"),
                               {"login": user.email, "password": PASSWORD})
        assert response.url == reverse("mfa_authenticate"), response
        codes = Authenticator.objects.filter(user=user,
                                             type=Authenticator.Type.RECOVERY_CODES).first()
        if codes is None:  # a TOTP set up on its own (tests.chat.live_servers.make_room)
            from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

            codes = RecoveryCodes.activate(user).instance
        response = client.post(reverse("mfa_authenticate"),
                               {"code": codes.wrap().get_unused_codes()[0]})
        assert response.status_code == 302, response
        client.get(response.url)  # shows (and so clears) the "signed in" message

    return log_in


@pytest.fixture
def admin_client(client, db, login_with_two_factor):
    """A superuser in the admin, logged in the only way the admin opens: with two-factor."""
    admin = UserFactory(display_name="Ada Admin", is_staff=True, is_superuser=True)
    login_with_two_factor(client, admin)
    return client


@pytest.fixture
def mfa_exempt(settings):
    """Lets the facilitator and hr personas past the two-factor requirement in view tests."""

    def exempt(*users: User) -> None:
        settings.MFA_EXEMPT_EMAILS = [*settings.MFA_EXEMPT_EMAILS, *(u.email for u in users)]

    return exempt


# --- Browser --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a browser download)."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def log_in(page, live_server_url: str, email: str, password: str,
           totp_secret: str | None = None) -> None:
    """Logs in through the real login form (templates/account/login.html) and waits for the
    next page, so the caller can assert on it at once. With `totp_secret`, answers allauth's
    two-factor step with the current authenticator code, as a person with the app would."""
    page.goto(f"{live_server_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Log in", exact=True).click()
    if totp_secret is not None and "/2fa/authenticate" in page.url:
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        code = format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30))
        page.locator("main input[name=code]").fill(code)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").first.click()


def pytest_collection_modifyitems(config, items):
    """Browser journeys run last: Playwright's sync API leaves the main thread's event loop
    marked as running, which would break every asyncio (websocket) test after it."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
