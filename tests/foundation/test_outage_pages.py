"""A page that fails because the database (or Redis) is down answers 503, not a server error,
and the outage is logged once, not as a traceback per request."""

import logging

import pytest
from django.db import OperationalError

from peersupport import outages


@pytest.fixture(autouse=True)
def _no_outage_left_behind():
    outages.forget()
    yield
    outages.forget()


@pytest.mark.django_db
def test_a_page_meeting_a_database_outage_answers_503_and_logs_once(client, employee, settings,
                                                                     monkeypatch, caplog):
    from peersupport import views

    settings.DEBUG = False

    def database_gone(user):
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(views, "_home_cards", database_gone)
    client.force_login(employee)
    client.raise_request_exception = False
    caplog.set_level(logging.WARNING)

    responses = [client.get("/") for _ in range(3)]

    assert [r.status_code for r in responses] == [503] * 3
    assert responses[0]["Retry-After"] == "30"
    assert b"back in a moment" in responses[0].content
    assert not any(r.exc_info for r in caplog.records)  # no traceback
    assert [r.getMessage() for r in caplog.records if "unavailable" in r.getMessage()] == [
        "database unavailable (OperationalError: connection to server failed: Connection "
        "refused); degrading until it answers again"]


@pytest.mark.django_db
def test_a_real_bug_is_still_a_500_with_its_traceback(client, employee, settings, monkeypatch,
                                                      caplog):
    from peersupport import views

    settings.DEBUG = False

    def bug(user):
        raise KeyError("cards")

    monkeypatch.setattr(views, "_home_cards", bug)
    client.force_login(employee)
    client.raise_request_exception = False

    assert client.get("/").status_code == 500
    assert any(r.exc_info for r in caplog.records)
