"""A learner completes a module in Chromium, then writes a reply with advice in it and sees
that named and explained as they type."""

import pytest
from playwright.sync_api import expect

from tests.chat.test_browser_chat import in_browser
from tests.conftest import ARTIFACTS, log_in
from tests.factories import PASSWORD, UserFactory
from tests.training.conftest import ensure_seeded
from training.models import Module, ModuleProgress

pytestmark = pytest.mark.browser


def test_learner_completes_a_module_and_sees_advice_named_and_explained(
        live_server, transactional_db):
    ensure_seeded()
    learner = UserFactory(display_name="Lee Learner")
    module = Module.objects.order_by("position").first()
    items = list(module.practice_items.all())
    questions = list(module.questions.all())

    # Chromium runs in a worker thread (tests.chat.test_browser_chat.in_browser), so the
    # asyncio-based tests that may run after this one keep a free event loop.
    def journey(browser) -> None:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            page.set_default_timeout(10_000)
            _journey(page, live_server.url, learner, module, items, questions)
        except Exception:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "training-journey-failed.png"), full_page=True)
            raise
        finally:
            context.close()

    in_browser(journey)
    assert ModuleProgress.objects.get(user=learner, module=module).completed_at is not None


def _journey(page, base_url, learner, module, items, questions) -> None:
    log_in(page, base_url, learner.email, PASSWORD)
    live_server_url = base_url

    page.goto(f"{live_server_url}/training/")
    page.get_by_role("link", name=module.title).click()
    page.wait_for_url(f"**/training/{module.slug}/")

    # Practice: a listening reply to each message (live feedback first, then saved).
    for item in items:
        box = page.locator(f"#practice-{item.pk}")
        box.locator("textarea").fill("That sounds really hard. Tell me more.")
        expect_note = box.locator(".live-feedback .feedback-note.is-move").first
        expect_note.wait_for()
        with page.expect_navigation():
            box.get_by_role("button", name="Save my reply").click()
        expect(page.locator(f"#practice-{item.pk} .badge-done")).to_be_visible()

    # Choose the better reply, each question.
    for question in questions:
        card = page.locator(f"#question-{question.pk}")
        card.locator(f"input[value='{question.better}']").check()
        with page.expect_navigation():
            card.get_by_role("button", name="Check my answer").click()
        expect(page.locator(f"#question-{question.pk} .answer.is-right")).to_be_visible()

    expect(page.locator("#module-completed")).to_be_visible()

    # Now a reply that gives advice: named, with the words, why, and what to try.
    item = items[0]
    box = page.locator(f"#practice-{item.pk}")
    box.locator("textarea").fill("Oh no. You should just log off early and forget about it.")
    advice = box.locator(".live-feedback .feedback-note.is-pitfall[data-code='advice']")
    advice.wait_for()
    text = advice.inner_text()
    assert "Advice" in text and "You should" in text
    assert "Advice nobody asked for" in text and "Try:" in text
    ARTIFACTS.mkdir(exist_ok=True)
    box.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "training-advice-feedback.png"), full_page=False)

    with page.expect_navigation():
        box.get_by_role("button", name="Save my reply").click()
    saved = page.locator(f"#practice-{item.pk} .my-replies .feedback-note.is-pitfall")
    assert "You should" in saved.first.inner_text()
