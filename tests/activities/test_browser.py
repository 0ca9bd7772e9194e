"""The whole journey in Chromium against a real ASGI server: a facilitator finds an activity
("remote, 15 minutes, 6-10 people"), plans it for a session, starts it in the live chat; two
members see the same step and countdown; one answers the prompt and turns the answer into a
recognition."""

import pytest
from playwright.sync_api import expect

from activities.library import load_library
from activities.models import Activity, ActivityStep, SessionActivity
from recognition.models import Value
from tests.chat.live_servers import SharedDatabase, make_room
from tests.chat.test_browser_chat import in_browser, say, stored_message
from tests.conftest import ARTIFACTS, log_in
from tests.factories import PASSWORD

SHOTS = ARTIFACTS / "activities"


def _seconds(text: str) -> int:
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def _signed_in(browser, base_url, user):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, base_url, user.email, PASSWORD, totp_secret=getattr(user, "totp_secret", None))
    page.wait_for_url(lambda url: "/accounts/login" not in url)
    return context, page


@pytest.mark.browser
def test_find_plan_run_answer_and_recognise(server, request, tmp_path):
    load_library(Activity, ActivityStep)
    Value.objects.create(name="Kindness", slug="kindness", description="Warmth and care")
    room = make_room(members=2)
    ana, ben = room.members
    database = SharedDatabase(tmp_path)
    live = server()
    chat = f"/sessions/{room.session.pk}/chat/"
    SHOTS.mkdir(parents=True, exist_ok=True)

    def journey(browser) -> None:
        contexts, pages = [], []
        try:
            context, fran = _signed_in(browser, live.url, room.facilitator)
            contexts.append(context)
            pages.append(fran)
            # Find: remote, 15 minutes, 6-10 people.
            fran.goto(live.url + "/activities/")
            fran.get_by_label("Format").select_option("remote")
            fran.get_by_label("Minutes available").select_option("15")
            fran.get_by_label("Group size").select_option("6-10")
            fran.get_by_role("button", name="Show activities").click()
            expect(fran.locator(".activity-cards")).to_contain_text("Appreciation round")
            expect(fran.locator(".activity-cards")).not_to_contain_text("Walking")
            fran.screenshot(path=str(SHOTS / "1-library-filtered.png"), full_page=True)
            # Plan it for the session.
            fran.get_by_role("link", name="Appreciation round").click()
            fran.get_by_label("Session", exact=True).select_option(str(room.session.pk))
            fran.get_by_role("button", name="Plan it").click()
            expect(fran.locator(".session-activities")).to_contain_text("Appreciation round")
            fran.screenshot(path=str(SHOTS / "2-session-page.png"), full_page=True)
            # Start it in the chat, with two members there.
            fran.goto(live.url + chat)
            expect(fran.locator("#chat-connection")).to_have_attribute("data-state", "open")
            members = []
            for person in (ana, ben):
                context, page = _signed_in(browser, live.url, person)
                contexts.append(context)
                pages.append(page)
                page.goto(live.url + chat)
                expect(page.locator("#chat-connection")).to_have_attribute("data-state", "open")
                members.append(page)
            a, b = members
            fran.get_by_role("button", name="Start for everyone").click()
            for page in (a, b):
                expect(page.locator("#activity-step-title")).to_contain_text("Think of someone")
            fran.get_by_role("button", name="Next step").click()
            for page in (a, b):
                expect(page.locator("#activity-step-title")).to_contain_text("Appreciate")
                expect(page.locator("#activity-prompt-text")).to_have_text(
                    "“One thing you appreciated about someone this week”")
            left = [_seconds(page.locator("#activity-timer").inner_text()) for page in (a, b)]
            assert abs(left[0] - left[1]) <= 1 and 8 * 60 < left[0] <= 9 * 60
            b.screenshot(path=str(SHOTS / "3-member-step-card.png"), full_page=True)
            # Answer the prompt in the chat, then turn the answer into a recognition.
            a.get_by_role("button", name="Answer in the chat").click()
            say(a, "Thank you Member B for the calm welcome on Monday")
            expect(stored_message(b, "calm welcome")).to_be_visible()
            answer = stored_message(a, "calm welcome")
            answer.get_by_role("button", name="Turn into a recognition").click()
            dialog = a.locator("#recognise-dialog")
            expect(dialog.get_by_label("Member B")).to_be_checked()
            dialog.get_by_label("Kindness").check()
            expect(a.locator("#recognise-preview")).to_contain_text("For Member B")
            expect(a.locator("#recognise-preview")).to_contain_text("Seen by: Members of")
            a.screenshot(path=str(SHOTS / "4-recognise-preview.png"), full_page=True)
            dialog.get_by_role("button", name="Share the recognition").click()
            expect(answer.get_by_role("link", name="Recognition shared")).to_be_visible()
            fran.screenshot(path=str(SHOTS / "5-facilitator-chat.png"), full_page=True)
        except Exception:
            for number, page in enumerate(pages):
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{number}.png"),
                                full_page=True)
            raise
        finally:
            for context in contexts:
                context.close()

    in_browser(journey)
    # What the server stored (SQLite: the copy the server runs on; PostgreSQL: the test's own).
    shared = tmp_path / "chat-live.sqlite3"
    database.file = shared if shared.exists() else None
    assert database.rows("SELECT visibility FROM recognition_recognition") == [("group",)]
    assert database.rows("SELECT count(*) FROM activities_answerrecognition") == [(1,)]


@pytest.mark.browser
def test_one_run_reads_in_each_persons_own_language(server, request, tmp_path):
    """An English-speaking facilitator runs it; a Spanish and a French member each follow it in
    their own language (one broadcast, each page shows its language)."""
    load_library(Activity, ActivityStep)
    room = make_room(members=2)
    ana, ben = room.members
    for person, language in ((ana, "es"), (ben, "fr")):
        person.language = language
        person.save(update_fields=["language"])
    SessionActivity.objects.create(session=room.session,
                                   activity=Activity.objects.get(slug="appreciation-round"))
    live = server()
    chat = f"/sessions/{room.session.pk}/chat/"
    SHOTS.mkdir(parents=True, exist_ok=True)

    def journey(browser) -> None:
        contexts, pages = [], []
        try:
            for person in (room.facilitator, ana, ben):
                context, page = _signed_in(browser, live.url, person)
                contexts.append(context)
                pages.append(page)
                page.goto(live.url + chat)
                expect(page.locator("#chat-connection")).to_have_attribute("data-state", "open")
            fran, a, b = pages
            fran.get_by_role("button", name="Start for everyone").click()
            expect(a.locator("#activity-title")).to_have_text("Ronda de agradecimientos")
            expect(a.locator("#activity-progress")).to_have_text("Paso 1 de 3")
            expect(a.locator("#activity-step-title")).to_have_text("Piensa en alguien (3 minutos)")
            expect(b.locator("#activity-title")).to_have_text("Tour de remerciements")
            expect(b.locator("#activity-progress")).to_have_text("Étape 1 sur 3")
            expect(fran.locator("#activity-step-title")).to_contain_text("Think of someone")
            fran.get_by_role("button", name="Next step").click()
            expect(a.locator("#activity-prompt-text")).to_have_text(
                "«Algo que has valorado de alguien esta semana»")
            expect(b.locator("#activity-prompt-text")).to_have_text(
                "«\u00a0Une chose que vous avez appréciée chez quelqu’un cette semaine\u00a0»")
            a.screenshot(path=str(SHOTS / "6-step-card-es.png"), full_page=True)
            b.screenshot(path=str(SHOTS / "7-step-card-fr.png"), full_page=True)
        except Exception:
            for number, page in enumerate(pages):
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{number}.png"),
                                full_page=True)
            raise
        finally:
            for context in contexts:
                context.close()

    in_browser(journey)
