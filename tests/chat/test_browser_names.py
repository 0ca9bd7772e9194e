"""Names of every shape in the chat and the members list (issue 18, "pronouns and names"):
an Arabic name with pronouns, a 60-character unbroken name and a one-letter name, on a phone
(390 px) and on a desktop. Names keep their own direction (dir="auto") and never push the
layout sideways. Screenshots: test-artifacts/names-*.png.
"""

import pytest
from playwright.sync_api import expect

from accounts.services import user_profile_update
from tests.chat.live_servers import make_room, room_open_now
from tests.chat.test_browser_chat import (  # noqa: F401  (server: a fixture)
    chat_pages,
    in_browser,
    say,
    server,
    stored_message,
)
from tests.conftest import ARTIFACTS

ARABIC = "نور الهدى العبدالله"
LONG = "Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaf"  # 60 letters, no break
SINGLE = "Q"

# Elements wider than their box, and whether the page scrolls sideways.
OVERFLOW = """
(selector) => {
  const wide = Array.from(document.querySelectorAll(selector))
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.textContent.slice(0, 40));
  return {wide: wide, sideways: document.documentElement.scrollWidth > innerWidth};
}
"""


def assert_names_fit(page, selector: str) -> None:
    result = page.evaluate(OVERFLOW, selector)
    assert result == {"wide": [], "sideways": False}, selector


@pytest.mark.browser
def test_arabic_long_and_single_letter_names_fit_in_chat_and_member_list(server, request):  # noqa: F811
    assert len(LONG) == 60
    room = make_room(members=3)
    arabic, long_named, single = room.members
    user_profile_update(user=arabic, display_name=ARABIC, pronouns="she/her",
                        show_pronouns=True)
    user_profile_update(user=long_named, display_name=LONG)
    user_profile_update(user=single, display_name=SINGLE, pronouns="he/him", show_pronouns=True)
    room_open_now(room.session)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, arabic, path), (live.url, long_named, path),
                        (live.url, single, path)) as (a, b, c):
            say(a, "مرحبا بالجميع، سعيدة بوجودي هنا.")
            say(b, "Hello everyone, long name, short message.")
            say(c, "Hi.")
            for page in (a, b, c):
                for text in ("مرحبا", "long name", "Hi."):
                    expect(stored_message(page, text)).to_have_count(1)
                expect(page.locator("#chat-presence li")).to_have_count(3)

            # On a phone: names wrap inside messages and the presence list, nothing scrolls
            # sideways, the composer is still there.
            b.set_viewport_size({"width": 390, "height": 844})
            author = stored_message(b, "مرحبا").locator(".chat-author")
            expect(author).to_contain_text(ARABIC)
            expect(author).to_contain_text("(she/her)")
            name = author.locator(".person-name")
            expect(name).to_have_attribute("dir", "auto")
            assert name.evaluate("el => getComputedStyle(el).direction") == "rtl"
            body = stored_message(b, "مرحبا").locator(".chat-body")
            assert body.evaluate("el => getComputedStyle(el).direction") == "rtl"
            expect(stored_message(b, "long name").locator(".chat-author")).to_contain_text(
                f"{LONG} (you)")
            expect(stored_message(b, "Hi.").locator(".chat-author")).to_have_text(
                f"{SINGLE} (he/him)")
            assert_names_fit(b, "#chat-log .chat-message, #chat-log .chat-author")
            assert_names_fit(b, "#chat-presence li")
            expect(b.get_by_label("Your message")).to_be_visible()
            ARTIFACTS.mkdir(exist_ok=True)
            b.screenshot(path=str(ARTIFACTS / "names-chat-390.png"), full_page=True)
            a.screenshot(path=str(ARTIFACTS / "names-chat-1200.png"), full_page=True)

            # The group's members list, on the phone and on the desktop.
            for page, width in ((b, 390), (a, 1200)):
                page.goto(f"{live.url}/groups/{room.group.slug}/")
                members = page.locator(".member-list li")
                expect(members).to_have_count(4)
                expect(page.locator(".member-list")).to_contain_text(ARABIC)
                expect(page.locator(".member-list")).to_contain_text("(she/her)")
                expect(page.locator(".member-list .person-name", has_text=ARABIC)
                       ).to_have_attribute("dir", "auto")
                assert_names_fit(page, ".member-list li, .member-list .person-name")
                page.screenshot(path=str(ARTIFACTS / f"names-members-{width}.png"),
                                full_page=True)

    in_browser(journey)
