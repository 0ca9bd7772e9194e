"""A listening-practice round in real Chromium pages against a real ASGI server: the facilitator
starts a round, three members land in one breakout with their roles, the speaker's words reach
the breakout, and the observer's checklist reaches the listener alone."""

import pytest
from playwright.sync_api import expect

from sessions.models import Session
from tests.chat.live_servers import make_room
from tests.chat.test_browser_chat import chat_pages, in_browser, server  # noqa: F401
from tests.conftest import ARTIFACTS


def _role(page) -> str:
    text = page.locator("#practice-role").inner_text()
    return next(role for role in ("speaker", "listener", "observer")
                if text.startswith(f"You are the {role}"))


@pytest.mark.browser
def test_a_triad_round_and_the_checklist_reaching_only_the_listener(server, request):  # noqa: F811
    room = make_room(members=3, title="Listening practice")
    Session.objects.filter(pk=room.session.pk).update(kind=Session.Kind.LISTENING_PRACTICE)
    live = server()
    path = f"/sessions/{room.session.pk}/chat/"
    entries = [(live.url, room.facilitator, path)] + [(live.url, m, path) for m in room.members]

    def journey(browser) -> None:
        with chat_pages(browser, request, *entries) as (fran, *members):
            for page in members:
                expect(page.locator("#chat-presence")).to_contain_text("Member C")
            fran.locator("#practice-start").click()
            for page in members:
                expect(page.locator("#practice-room")).to_be_visible()
                expect(page.locator("#practice-timer")).to_contain_text("left")
            roles = {_role(page): page for page in members}
            assert set(roles) == {"speaker", "listener", "observer"}
            expect(fran.locator("#practice-breakouts")).to_contain_text("Breakout 1")

            speaker = roles["speaker"]
            speaker.locator("#practice-input").fill("My review went badly and I can't sleep.")
            speaker.get_by_role("button", name="Send to the breakout").click()
            for page in (*members, fran):
                expect(page.locator("#practice-log")).to_contain_text("can't sleep")
            # Nothing of the breakout in the main room's log.
            expect(roles["listener"].locator("#chat-log")).not_to_contain_text("can't sleep")

            observer = roles["observer"]
            expect(observer.locator("#practice-checklist")).to_be_visible()
            expect(roles["listener"].locator("#practice-checklist")).to_be_hidden()
            observer.get_by_label("Reflected a feeling").check()
            observer.locator("#practice-try").fill("Leave a longer pause after a question.")
            observer.get_by_role("button", name="Send to the listener").click()
            listener = roles["listener"]
            expect(listener.locator("#practice-feedback")).to_be_visible()
            expect(listener.locator("#practice-feedback-text")).to_contain_text("longer pause")
            expect(roles["speaker"].locator("#practice-feedback")).to_be_hidden()
            expect(fran.locator("#practice-feedback")).to_be_hidden()
            ARTIFACTS.mkdir(exist_ok=True)
            listener.screenshot(path=str(ARTIFACTS / "practice-listener.png"), full_page=True)

            fran.locator("#practice-end").click()
            for page in members:
                expect(page.locator("#practice-room")).to_be_hidden()

    in_browser(journey)
