"""The main pages work in real Chromium under the strict Content-Security-Policy.

A member, the facilitator and an HR admin open the pages each of them uses, on a real ASGI
server (HTTP and the chat's websocket); the browser reports every policy violation (the
`securitypolicyviolation` event and its console message), and there must be none, nor any other
console error. The chat must connect (connect-src allows its websocket), and the pages that draw
with JavaScript must have drawn.
"""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from tests.chat.live_servers import AsgiServer, SharedDatabase, make_room, room_open_now
from tests.chat.test_browser_chat import in_browser
from tests.conftest import ARTIFACTS, log_in
from tests.factories import PASSWORD, UserFactory

# Recorded in every page before its own scripts run (Playwright's init scripts are not subject
# to the page's policy).
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}`
    + `:${event.lineNumber}`);
});
"""


@pytest.fixture
def server(transactional_db, tmp_path):
    servers = []

    def start() -> AsgiServer:
        database_url = SharedDatabase(tmp_path).publish()
        running = AsgiServer(database_url=database_url, prefix=f"csp-{tmp_path.name}",
                             log_path=tmp_path / "server.log").start()
        servers.append(running)
        return running

    yield start
    for running in servers:
        running.stop()


class Visit:
    """One signed-in person's browser, recording violations and console errors per page."""

    def __init__(self, browser, base_url: str, user, name: str) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.context.add_init_script(LISTEN_FOR_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.base_url, self.name = base_url, name
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        log_in(self.page, base_url, user.email, PASSWORD,
               totp_secret=getattr(user, "totp_secret", None))
        self.page.wait_for_url(lambda url: "/accounts/" not in url)

    def _console(self, message) -> None:
        if message.type == "error" or "Content Security Policy" in message.text:
            self.problems.append(f"{self.page.url}: console {message.type}: {message.text}")

    def open(self, path: str, ready: str | None = None) -> None:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("load")
        if ready:
            expect(self.page.locator(ready).first).to_be_visible()
        time.sleep(0.3)  # let deferred scripts finish what they draw
        violations = self.page.evaluate("window.__cspViolations")
        self.problems += [f"{path}: {violation}" for violation in violations]
        ARTIFACTS.mkdir(exist_ok=True)
        slug = path.strip("/").replace("/", "-") or "home"
        self.page.screenshot(path=str(ARTIFACTS / f"csp-{self.name}-{slug}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.mark.browser
def test_the_main_pages_work_under_the_policy_with_no_violation(server):
    room = make_room(members=1)
    room_open_now(room.session)
    member = room.members[0]
    hr = UserFactory(display_name="Harper HR", is_hr=True)
    hr.totp_secret = generate_totp_secret()
    TOTP.activate(hr, hr.totp_secret)
    running = server()
    session, group = room.session, room.group

    def journey(browser) -> None:
        problems = []
        visit = Visit(browser, running.url, member, "member")
        visit.open("/")
        visit.open("/groups/")
        visit.open(f"/groups/{group.slug}/")
        visit.open("/sessions/")
        visit.open(f"/sessions/{session.pk}/")
        visit.open(f"/sessions/{session.pk}/chat/")
        expect(visit.page.locator("#chat-connection")).to_have_attribute("data-state", "open")
        visit.open("/recognition/")
        visit.open("/recognition/give/")
        visit.open("/support/")
        visit.open("/support/reports/new/")
        visit.open("/sessions/calendar/")
        visit.open("/profile/")
        problems += visit.problems
        visit.close()

        visit = Visit(browser, running.url, room.facilitator, "facilitator")
        visit.open(f"/sessions/{session.pk}/chat/")
        expect(visit.page.locator("#chat-connection")).to_have_attribute("data-state", "open")
        visit.open(f"/sessions/new/{group.slug}/")
        visit.open(f"/chat/moderation/{group.slug}/")
        problems += visit.problems
        visit.close()

        visit = Visit(browser, running.url, hr, "hr")
        visit.open("/dashboard/")
        visit.open("/support/hr/reports/")
        visit.open("/accounts/2fa/")
        problems += visit.problems
        visit.close()

        assert problems == []

    in_browser(journey)
