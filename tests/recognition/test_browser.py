"""A whole journey in a real browser: recognise a colleague through the picker, and the
colleague finds it under "For me"."""

import importlib
import re

import pytest
from playwright.sync_api import expect

from recognition.models import Recognition, Value
from tests.conftest import log_in
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def default_values(transactional_db):
    """A transactional test may run after another one flushed the data migration's rows."""
    migration = importlib.import_module("recognition.migrations.0002_default_values")
    for position, (name, slug, description) in enumerate(migration.DEFAULT_VALUES):
        Value.objects.get_or_create(slug=slug, defaults={
            "name": name, "description": description, "position": position})


def test_an_employee_recognises_a_colleague_who_sees_it_for_me(live_server, page,
                                                              default_values):
    UserFactory(display_name="Sam Employee", email="sam@example.org")
    UserFactory(display_name="Alex Colleague", email="alex@example.org")
    UserFactory(display_name="Alexis Other", email="alexis@example.org")

    log_in(page, live_server.url, "sam@example.org", PASSWORD)
    page.goto(f"{live_server.url}/recognition/")
    page.get_by_role("link", name="Recognise a colleague").click()

    picker = page.get_by_role("combobox", name="Colleagues to recognise")
    picker.fill("Alex")
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(2)
    picker.press("ArrowDown")
    expect(picker).to_have_attribute("aria-activedescendant", re.compile(r"listbox-0$"))
    picker.press("Enter")
    expect(page.get_by_role("button", name="Remove Alex Colleague")).to_be_visible()
    expect(picker).to_have_attribute("aria-expanded", "false")

    page.get_by_label("Active listening").check()
    page.get_by_label("Your message").fill("You listened without judgement when I needed it.")
    page.get_by_role("button", name="Share recognition").click()

    expect(page.get_by_text("Your recognition was shared")).to_be_visible()
    recognition = Recognition.objects.get()
    assert [r.email for r in recognition.recipients.all()] == ["alex@example.org"]

    page.context.clear_cookies()
    log_in(page, live_server.url, "alex@example.org", PASSWORD)
    page.goto(f"{live_server.url}/recognition/")
    page.get_by_role("link", name="For me").click()

    card = page.locator(f"#recognition-{recognition.pk}")
    expect(card).to_contain_text("Sam Employee recognised Alex Colleague")
    expect(card).to_contain_text("Active listening")
    expect(card).to_contain_text("You listened without judgement when I needed it.")
    card.get_by_role("button", name="Thank you").click()
    expect(page.locator(f"#recognition-{recognition.pk}").get_by_role(
        "button", name="Thank you")).to_have_attribute("aria-pressed", "true")
