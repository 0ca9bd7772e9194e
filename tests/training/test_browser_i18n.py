"""A Spanish-speaking learner practises in Chromium: the module in Spanish, and live feedback on
a Spanish reply, named and explained in Spanish by the page's script (Django's JavaScript
catalogue) and the Spanish rules."""

import pytest

from tests.chat.test_browser_chat import in_browser
from tests.conftest import ARTIFACTS, log_in
from tests.factories import PASSWORD, UserFactory
from tests.training.conftest import ensure_seeded
from training.models import Module

pytestmark = pytest.mark.browser


def test_a_spanish_learner_gets_live_feedback_in_spanish(live_server, transactional_db):
    ensure_seeded()
    learner = UserFactory(display_name="Lucía Learner", language="es")
    module = Module.objects.get(slug="holding-back-advice")
    item = module.practice_items.first()

    def journey(browser) -> None:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.set_default_timeout(10_000)
            log_in(page, live_server.url, learner.email, PASSWORD)
            page.goto(f"{live_server.url}/training/")
            page.get_by_role(
                "link", name="Aguantarse los consejos y las ganas de arreglarlo").click()
            page.wait_for_url(f"**/training/{module.slug}/")
            assert page.locator("html").get_attribute("lang") == "es"
            box = page.locator(f"#practice-{item.pk}")
            box.locator("textarea").fill("Deberías irte a casa temprano y olvidarte de eso.")
            advice = box.locator(".live-feedback .feedback-note.is-pitfall[data-code='advice']")
            advice.wait_for()
            text = advice.inner_text()
            assert "Consejo" in text and "Deberías" in text
            assert "Un consejo que nadie ha pedido" in text and "Prueba:" in text
            box.locator("textarea").fill("Eso suena agotador. Cuéntame más.")
            box.locator(".live-feedback .feedback-note.is-move[data-code='invitation']").wait_for()
            ARTIFACTS.mkdir(exist_ok=True)
            box.scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "training-feedback-es.png"), full_page=False)
        except Exception:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "training-es-failed.png"), full_page=True)
            raise
        finally:
            context.close()

    in_browser(journey)
