"""The chat by keyboard (issue 18, WCAG 2.2 2.1.1 / 2.4.1 / 2.5.8): reaching the composer takes
as many Tabs with ten messages as with two (the messages' buttons are one roving stop, arrow
keys move between them), a skip link jumps to the composer, the flag dialog returns focus to
the button that opened it, and the message buttons are at least 24 x 24 px.
"""

import pytest
from playwright.sync_api import expect

from tests.chat.live_servers import make_room, room_open_now
from tests.chat.test_browser_chat import (  # noqa: F401  (server: a fixture)
    chat_pages,
    in_browser,
    say,
    server,
    stored_message,
)

MAX_TABS = 200


def tabs_to_composer(page) -> int:
    """Tabs from the page's first stop (the site's skip link) to the message box."""
    page.evaluate("() => document.querySelector('.skip-link').focus()")
    for count in range(1, MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "chat-input":
            return count
    raise AssertionError("the composer was never reached by Tab")


def post(page, text: str) -> None:
    """Says `text` and waits until it is stored (the composer checks each message first)."""
    say(page, text)
    expect(stored_message(page, text)).to_have_count(1)


def focused_label(page) -> str:
    return page.evaluate("() => document.activeElement.getAttribute('aria-label') || "
                         "document.activeElement.textContent")


@pytest.mark.browser
def test_the_composer_is_as_near_with_ten_messages_as_with_two(server, request):  # noqa: F811
    room = make_room(members=3)
    ana, ben, cleo = room.members
    room_open_now(room.session)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, ana, path), (live.url, ben, path),
                        (live.url, cleo, path)) as (a, b, c):
            # Two people take turns (one person writing on and on gets the listening nudge).
            for number in (1, 2):
                post(a if number % 2 else c, f"Message {number}")
            expect(stored_message(b, "Message 2")).to_have_count(1)
            with_two = tabs_to_composer(b)

            for number in range(3, 11):
                post(a if number % 2 else c, f"Message {number}")
            expect(stored_message(b, "Message 10")).to_have_count(1)
            assert tabs_to_composer(b) == with_two

            # Every message has a Flag button, and they are all reachable: Shift+Tab back
            # from the composer lands on the latest one, arrows move along.
            assert b.locator("#chat-log .chat-flag").count() == 10
            b.keyboard.press("Shift+Tab")
            assert focused_label(b) == "Flag message from Member C"
            assert b.evaluate("() => document.activeElement.closest('li').textContent"
                              ).endswith("Message 10Flag")
            b.keyboard.press("ArrowUp")
            b.keyboard.press("ArrowUp")
            assert "Message 8" in b.evaluate("() => document.activeElement.closest('li')"
                                             ".textContent")
            b.keyboard.press("Home")
            assert "Message 1" in b.evaluate("() => document.activeElement.closest('li')"
                                             ".textContent")

            # The flag dialog opens from there and gives focus back to that button.
            b.keyboard.press("Enter")
            expect(b.locator("#flag-dialog")).to_be_visible()
            b.keyboard.press("Escape")
            expect(b.locator("#flag-dialog")).to_be_hidden()
            assert "Message 1" in b.evaluate("() => document.activeElement.closest('li')"
                                             ".textContent")
            # ... and that button is now the list's one stop: Tab goes on to the composer.
            b.keyboard.press("Tab")
            expect(b.locator("#chat-input")).to_be_focused()

            # The skip link: from the top, one Tab into the chat content, Enter, composer.
            b.evaluate("() => document.activeElement.blur()")
            skip = b.locator(".chat-skip")
            skip.focus()
            expect(skip).to_be_visible()
            b.keyboard.press("Enter")
            expect(b.locator("#chat-input")).to_be_focused()

            # Target size (2.5.8): the messages' buttons are at least 24 x 24 px.
            for box in b.locator("#chat-log .chat-actions button").evaluate_all(
                    "bs => bs.map(b => [b.getBoundingClientRect().width, "
                    "b.getBoundingClientRect().height])"):
                assert box[0] >= 24 and box[1] >= 24, box

    in_browser(journey)
