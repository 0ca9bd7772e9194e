"""The chat says only what is true (issue 17 §7), in real Chromium against a real server.

A banner goes when its reason goes, a refused message stays where it was written, a mute is
told once, and a past session's chat cannot be typed into.
"""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.chat.live_servers import make_room
from tests.chat.test_browser_chat import chat_pages, in_browser, say, server  # noqa: F401
from tests.conftest import ARTIFACTS


@pytest.mark.browser
def test_the_chat_tells_no_small_lies(server, request):  # noqa: F811
    from chat import filters
    from chat.models import FilterTerm

    FilterTerm.objects.get_or_create(kind=FilterTerm.Kind.BLOCKED, phrase="go die")
    filters.word_lists_forget()
    room = make_room(members=1)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, room.facilitator, path),
                        (live.url, room.members[0], path)) as (fran, a):
            controls = fran.get_by_role("region", name="Facilitator controls")
            error = a.locator("#chat-error")

            # A banner goes once its reason has gone.
            controls.get_by_role("button", name="Lock the room").click()
            expect(a.locator("#chat-room-state")).to_contain_text("locked")
            say(a, "Can I still write?")
            expect(error).to_have_text("The room is locked.")
            controls.get_by_role("button", name="Unlock the room").click()
            expect(a.locator("#chat-room-state")).not_to_contain_text("locked")
            expect(error).to_have_text("")

            # A refused message stays where it was written; newer ones come below it.
            say(a, "I wish you would go die")
            expect(a.locator("#chat-log li.chat-failed")).to_have_count(1)
            say(fran, "Let's keep to our ground rules, please.")
            expect(a.locator("#chat-log li").last).to_contain_text("keep to our ground rules")

            # A mute is told once: in the room's state line, not again in a notice or banner.
            say(a, "Sorry, that was too much.")
            mine = fran.locator("#chat-log li[data-id]", has_text="Sorry, that was too much.")
            mine.get_by_role("button", name="Mute Member A").click()
            dialog = fran.locator("#mod-dialog")
            dialog.get_by_label("Minutes").fill("5")
            dialog.get_by_label("Reason", exact=False).fill("A pause to cool down.")
            dialog.get_by_role("button", name="Confirm").click()
            expect(a.locator("#chat-room-state")).to_contain_text("You are muted")
            say(a, "Still here")
            expect(a.get_by_label("Your message")).to_have_value("Still here")  # kept for later
            expect(a.locator("#chat-log li", has_text="Still here")).to_have_count(0)
            told = " ".join(a.locator(selector).inner_text() for selector in (
                "#chat-room-state", "#chat-notice", "#chat-error"))
            assert told.count("A pause to cool down.") == 1, told
            assert told.lower().count("muted") == 1, told
            ARTIFACTS.mkdir(exist_ok=True)
            a.screenshot(path=str(ARTIFACTS / "chat-honest-member.png"), full_page=True)

    in_browser(journey)


@pytest.mark.browser
def test_a_past_sessions_chat_cannot_be_typed_into(server, request):  # noqa: F811
    from django.utils import timezone

    from chat.models import Message
    from sessions.models import Session

    room = make_room(members=1)
    ended = timezone.now() - dt.timedelta(hours=2)
    Session.objects.filter(pk=room.session.pk).update(
        starts_at=ended - dt.timedelta(hours=1), ends_at=ended,
        facilitator_joined_at=ended - dt.timedelta(hours=1))
    Message.objects.create(session=room.session, author=room.members[0],
                           body="Thank you all for tonight.", client_id="past-1")
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"

    def journey(browser) -> None:
        with chat_pages(browser, request, (live.url, room.members[0], path)) as (a,):
            expect(a.locator("#chat-room-state")).to_contain_text("read-only")
            expect(a.get_by_label("Your message")).to_be_disabled()
            expect(a.get_by_role("button", name="Send")).to_be_disabled()
            ARTIFACTS.mkdir(exist_ok=True)
            a.screenshot(path=str(ARTIFACTS / "chat-read-only.png"), full_page=True)

    in_browser(journey)
