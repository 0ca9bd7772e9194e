"""axe-core on the recognition, support and dashboard pages in French, with their popups and
disclosures open (the colleague picker's list, a reply form). These apps have no modal dialog:
the picker's listbox is the one thing that opens over a page.

Run with the page validity crawl's own axe-core and helpers (tests/validity)."""

import importlib

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from dashboards import rollups
from recognition.models import Value
from support import services as support_services
from tests.conftest import log_in
from tests.factories import PASSWORD, UserFactory
from tests.recognition.factories import give
from tests.support.conftest import draft_for, make_group
from tests.validity.conftest import validators  # noqa: F401 - the fixture, shared
from tests.validity.test_pages import run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def default_values(transactional_db):
    """A transactional test may run after another one flushed the data migration's rows."""
    migration = importlib.import_module("recognition.migrations.0002_default_values")
    for position, (name, slug, description) in enumerate(migration.DEFAULT_VALUES):
        Value.objects.get_or_create(slug=slug, defaults={
            "name": name, "description": description, "position": position})


def violations(page, axe_js) -> list[str]:
    return [f"{page.url}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
            for v in run_axe(page, axe_js)]


def test_recognition_support_and_the_dashboard_are_axe_clean_in_french_with_popups_open(
        live_server, browser, validators, settings, default_values):  # noqa: F811
    settings.MFA_EXEMPT_EMAILS = ["rh@example.org"]
    camille = UserFactory(display_name="Camille Dubois", email="camille@example.org",
                          language="fr", pronouns="elle", show_pronouns=True)
    alex = UserFactory(display_name="Alexandre Martin", email="alex@example.org")
    UserFactory(display_name="Alexia Nour", email="alexia@example.org")
    noor = UserFactory(display_name="نور الهدى عبد الرحمن", email="noor@example.org",
                       pronouns="هي", show_pronouns=True)
    hr = UserFactory(display_name="Romane RH", email="rh@example.org", is_hr=True,
                     language="fr")
    make_group(name="Cercle du mardi", facilitator=noor, members=[camille, alex])
    give(noor, [camille, alex], message="Merci pour ton écoute.")
    conversation = support_services.conversation_open(requester=camille, facilitator=noor,
                                                      body="Puis-je vous parler ?")
    draft = draft_for(camille, people_described="Quelqu'un du service finance.")
    rollups.build()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    failures: list[str] = []
    try:
        log_in(page, live_server.url, camille.email, PASSWORD)

        page.goto(f"{live_server.url}/recognition/")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        page.locator("details.reply-details summary").first.click()
        expect(page.get_by_role("textbox", name="Votre réponse")).to_be_visible()
        failures += violations(page, validators.axe_js)

        page.goto(f"{live_server.url}/recognition/give/")
        picker = page.get_by_role("combobox", name="Collègues dont vous saluez le travail")
        picker.fill("Alex")
        expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(2)
        picker.press("ArrowDown")
        failures += violations(page, validators.axe_js)  # the listbox open, an option active
        picker.press("Enter")
        expect(page.get_by_role("button", name="Retirer Alexandre Martin")).to_be_visible()
        failures += violations(page, validators.axe_js)

        for path in ["/recognition/me/", "/recognition/settings/", "/support/",
                     "/support/facilitator/", f"/support/conversations/{conversation.pk}/",
                     f"/support/reports/{draft.pk}/edit/", f"/support/reports/{draft.pk}/preview/",
                     reverse("dashboards:what_hr_sees")]:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, path
            failures += violations(page, validators.axe_js)

        page.context.clear_cookies()
        log_in(page, live_server.url, hr.email, PASSWORD)
        for path in [reverse("dashboards:index"), reverse("dashboards:index") + "?period=year",
                     "/support/hr/reports/"]:
            response = page.goto(f"{live_server.url}{path}")
            assert response is not None and response.status == 200, path
            expect(page.locator("html")).to_have_attribute("lang", "fr")
            failures += violations(page, validators.axe_js)
    finally:
        context.close()
    assert failures == [], "\n".join(failures)
