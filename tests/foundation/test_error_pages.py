"""Users see the product's error pages, on the embedded default (DEBUG on) too.

Django's technical pages list every URL pattern, settings and tracebacks: they show only when
a developer asks for them (DEBUG_TECHNICAL_PAGES=1).
"""

import pytest

from groups.models import Group
from tests.foundation.subprocess_settings import read_settings
from tests.sessions.factories import GroupFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.foundation.error_urls")]

TECHNICAL = ("URLconf", "Traceback", "Django tried these URL patterns", "settings.py",
             "secret-internal-detail", "DEBUG = True")


@pytest.fixture
def embedded_default(settings):
    """What `make run` serves with: DEBUG on, no request for technical pages."""
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_PAGES = False
    return settings


def shows_nothing_technical(response) -> bool:
    text = response.content.decode()
    return not any(marker in text for marker in TECHNICAL)


def test_an_unknown_address_gets_the_product_404(client, employee, embedded_default):
    client.force_login(employee)

    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert shows_nothing_technical(response)


def test_a_missing_slash_still_redirects(client, employee, embedded_default):
    client.force_login(employee)

    response = client.get("/groups")

    assert response.status_code == 301 and response["Location"] == "/groups/"


def test_a_private_group_gets_the_product_404(client, outsider, embedded_default):
    group = GroupFactory(visibility=Group.Visibility.PRIVATE, name="Private circle")
    client.force_login(outsider)

    response = client.get(f"/groups/{group.slug}/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Private circle" not in response.content.decode()
    assert shows_nothing_technical(response)


def test_an_unknown_session_gets_the_product_404(client, employee, embedded_default):
    client.force_login(employee)

    response = client.get("/sessions/999999/")

    assert response.status_code == 404
    assert shows_nothing_technical(response)


def test_a_failing_page_gets_the_product_500_and_the_developer_a_log(client, employee,
                                                                     embedded_default, caplog):
    client.force_login(employee)

    response = client.get("/test/broken/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert shows_nothing_technical(response)
    assert any(r.exc_info and "hunter2" in str(r.exc_info[1]) for r in caplog.records)


def test_a_suspicious_request_gets_the_product_400(client, employee, embedded_default):
    client.force_login(employee)

    response = client.get("/test/suspicious/")

    assert response.status_code == 400
    assert shows_nothing_technical(response)


def test_a_stale_form_gets_a_product_page_not_the_csrf_explainer(employee, embedded_default):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)

    response = client.post("/groups/people-i-avoid/", {})

    assert response.status_code == 403
    assert "That form had expired" in response.content.decode()
    assert "CSRF" not in response.content.decode()


def test_a_developer_who_asks_gets_the_technical_pages(client, employee, settings):
    settings.DEBUG = True
    settings.DEBUG_TECHNICAL_PAGES = True
    client.force_login(employee)

    response = client.get("/no/such/page/")

    assert response.status_code == 404
    assert "Django tried these URL patterns" in response.content.decode()


def test_the_embedded_default_does_not_ask_for_technical_pages():
    assert read_settings({}, "DEBUG", "DEBUG_TECHNICAL_PAGES") == {
        "DEBUG": True, "DEBUG_TECHNICAL_PAGES": False}
    assert read_settings({"DEBUG_TECHNICAL_PAGES": "1"}, "DEBUG_TECHNICAL_PAGES") is True
    # Production never shows them, whatever is set.
    assert read_settings({"DEBUG": "0", "DEBUG_TECHNICAL_PAGES": "1"},
                         "DEBUG_TECHNICAL_PAGES") is False
