"""The chat in real Chromium pages against a real ASGI server process.

Member B reaches the server through a TCP relay, so the test can drop B's connection for real
(the browser sees its socket die, as on a train going into a tunnel) and watch it heal.
"""

from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.chat.live_servers import (
    AsgiServer,
    SharedDatabase,
    TcpProxy,
    make_room,
    room_open_now,
)
from tests.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, log_in
from tests.factories import PASSWORD


def in_browser(journey) -> None:
    """Runs `journey(browser)` with its own Chromium in a worker thread.

    Playwright's sync API marks its thread's event loop as running; kept off the main thread,
    it cannot break the asyncio-based tests (consumers, durability) that run after this module.
    """

    def run() -> None:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=CHROMIUM_ARGS)
            try:
                journey(browser)
            finally:
                browser.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()


@contextmanager
def chat_pages(browser, request, *entries, bypass_csp: bool = False):
    """Opens one signed-in chat page per (base_url, user, chat_path); screenshots on failure.
    `bypass_csp`: lets a test inject a checker's script (axe-core) into the pages."""
    contexts, pages = [], []
    try:
        for base_url, user, path in entries:
            context = browser.new_context(viewport={"width": 1200, "height": 900},
                                          bypass_csp=bypass_csp)
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(15_000)
            log_in(page, base_url, user.email, PASSWORD,
                   totp_secret=getattr(user, "totp_secret", None))
            page.wait_for_url(lambda url: "/accounts/login" not in url)
            page.goto(base_url + path)
            expect(page.locator("#chat-connection")).to_have_attribute("data-state", "open")
            pages.append(page)
        yield pages
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        for number, page in enumerate(pages):
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{number}.png"),
                            full_page=True)
        raise
    finally:
        for context in contexts:
            context.close()


def say(page, text: str) -> None:
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")


def stored_message(page, text: str):
    return page.locator("#chat-log li[data-id]", has_text=text)


def shown_ids(page) -> list[int]:
    return page.eval_on_selector_all("#chat-log li[data-id]",
                                     "items => items.map(li => Number(li.dataset.id))")


@pytest.fixture
def server(transactional_db, tmp_path):
    servers = []

    def start():
        """Starts the server once the test's data is in place (SQLite copies it then)."""
        database_url = SharedDatabase(tmp_path).publish()
        running = AsgiServer(database_url=database_url, prefix=f"browser-{tmp_path.name}",
                             log_path=tmp_path / "server.log").start()
        servers.append(running)
        return running

    yield start
    for running in servers:
        running.stop()


@pytest.mark.browser
def test_members_chat_facilitator_hides_and_a_dropped_member_catches_up(server, request):
    room = make_room(members=2)
    ana, ben = room.members
    live = server()
    relay = TcpProxy(live.port)
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, room.facilitator, path),
                        (live.url, ana, path), (relay.url, ben, path)) as (fran, a, b):
            # The facilitator's arrival opened the room for everyone.
            expect(a.locator("#chat-lobby")).to_be_hidden()
            expect(a.locator("#chat-presence")).to_contain_text("Member B")

            # Two members chat.
            say(a, "Hello, I'm glad to be here.")
            expect(stored_message(b, "Hello, I'm glad to be here.")).to_have_count(1)
            say(b, "Welcome, good to see you.")
            expect(stored_message(a, "Welcome, good to see you.")).to_have_count(1)
            expect(stored_message(a, "Welcome, good to see you.")).to_contain_text("Member B")
            expect(a.locator("#chat-log li.chat-pending")).to_have_count(0)

            # The facilitator hides a message: it disappears from both members' pages.
            say(a, "My manager Jo Smith did this to me.")
            for page in (a, b, fran):
                expect(stored_message(page, "Jo Smith")).to_have_count(1)
            stored_message(fran, "Jo Smith").get_by_role("button", name="Hide").click()
            dialog = fran.locator("#mod-dialog")
            dialog.get_by_label("Reason").fill("Names someone outside the group.")
            dialog.get_by_role("button", name="Confirm").click()
            for page in (a, b, fran):
                expect(stored_message(page, "Jo Smith")).to_have_count(0)
            assert b.get_by_role("button", name="Hide").count() == 0, "members never moderate"

            # B's connection drops; B shows it is reconnecting and keeps what B writes.
            relay.cut()
            expect(b.locator("#chat-connection")).to_have_attribute("data-state", "reconnecting")
            say(a, "Said while you were away.")
            expect(stored_message(a, "Said while you were away.")).to_have_count(1)
            say(b, "Written while my train was in a tunnel.")
            expect(b.locator("#chat-log li.chat-pending")).to_have_count(1)
            b.wait_for_timeout(1500)

            # It comes back by itself, catches up, and its outbox goes out.
            relay.restore()
            expect(b.locator("#chat-connection")).to_have_attribute("data-state", "open",
                                                                    timeout=30_000)
            expect(stored_message(b, "Said while you were away.")).to_have_count(1)
            expect(stored_message(a, "Written while my train was in a tunnel.")).to_have_count(1)
            expect(b.locator("#chat-log li.chat-pending")).to_have_count(0)
            ids_a, ids_b = shown_ids(a), shown_ids(b)
            assert ids_b == sorted(set(ids_b)), "no duplicate, in order"
            assert ids_a == ids_b, "no gap"
            assert len(ids_b) == 4, "five stored, one of them hidden"

    try:
        in_browser(journey)
    finally:
        relay.close()


@pytest.mark.browser
def test_a_script_in_a_message_is_shown_as_text_and_links_are_safe(server, request):
    room = make_room(members=2)
    room_open_now(room.session)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"
    attack = ('<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2"> '
              "read https://example.org/help?a=1&b=2. or javascript:alert(1)")

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, room.members[0], path),
                        (live.url, room.members[1], path)) as (sender, reader):
            say(sender, attack)
            message = stored_message(reader, "window.__xss")
            expect(message).to_have_count(1)

            body = message.locator(".chat-body")
            assert body.inner_text() == attack
            assert message.locator("script, img").count() == 0
            assert reader.evaluate("window.__xss") is None
            assert sender.evaluate("window.__xss") is None
            links = body.locator("a")
            expect(links).to_have_count(1)
            assert links.get_attribute("href") == "https://example.org/help?a=1&b=2"
            assert links.get_attribute("rel") == "noopener noreferrer nofollow"
            assert links.get_attribute("target") == "_blank"

    in_browser(journey)


@pytest.mark.browser
def test_facilitator_controls_reach_a_member_at_once_and_a_member_can_flag(server, request):
    room = make_room(members=1)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, room.facilitator, path),
                        (live.url, room.members[0], path)) as (fran, a):
            controls = fran.get_by_role("region", name="Facilitator controls")
            say(fran, "Welcome. Let's begin when you are ready.")
            expect(stored_message(a, "Welcome.")).to_have_count(1)

            # Typing shows on the other page.
            a.get_by_label("Your message").press_sequentially("Hel")
            expect(fran.locator("#chat-typing")).to_have_text("Member A is typing…")
            a.get_by_label("Your message").fill("")

            # Lock: the member reads only, and is told why.
            controls.get_by_role("button", name="Lock the room").click()
            expect(a.locator("#chat-room-state")).to_contain_text("locked")
            say(a, "Can I still write?")
            expect(a.locator("#chat-error")).to_have_text("The room is locked.")
            expect(a.locator("#chat-log li.chat-pending")).to_have_count(0)
            controls.get_by_role("button", name="Unlock the room").click()
            expect(a.locator("#chat-room-state")).not_to_contain_text("locked")

            # Slow mode is announced to the member.
            controls.get_by_label("Slow mode").select_option("30")
            expect(a.locator("#chat-room-state")).to_contain_text("one message every 30 seconds")

            # Circle mode: the member raises a hand, the facilitator passes the piece.
            controls.get_by_role("button", name="Start circle mode").click()
            hand = a.get_by_role("button", name="Raise my hand")
            expect(hand).to_be_visible()
            hand.click()
            fran.get_by_role("button", name="Pass the talking piece to Member A").click()
            expect(a.locator("#chat-holder")).to_have_text(
                "Member A (you) holds the talking piece.")
            say(a, "Thank you. This week was hard, and I'm glad to be here.")
            expect(stored_message(fran, "This week was hard")).to_have_count(1)

            # A member flags a message against a posted ground rule.
            stored_message(a, "Welcome.").get_by_role("button", name="Flag").click()
            flag = a.locator("#flag-dialog")
            flag.get_by_label("Respect everyone", exact=False).check()
            flag.get_by_role("button", name="Send flag").click()
            expect(flag).to_be_hidden()
            expect(a.locator("#chat-notice")).not_to_be_empty()

    in_browser(journey)
