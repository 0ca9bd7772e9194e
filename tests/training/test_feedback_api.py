"""POST /training/api/feedback/: the page's live feedback."""

import json

import pytest
from django.test import Client

URL = "/training/api/feedback/"


@pytest.fixture
def client_of(db):
    def make(user, enforce_csrf=False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf)
        client.force_login(user)
        return client
    return make


def test_returns_moves_pitfalls_and_notes(client_of, employee):
    response = client_of(employee).post(URL, json.dumps({"text": "Have you tried yoga?"}),
                                        content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["pitfalls"] == ["advice"] and body["moves"] == []
    assert body["notes"] == [{"code": "advice", "span": "Have you tried",
                              "why": body["notes"][0]["why"], "try": body["notes"][0]["try"]}]


def test_stores_nothing(client_of, employee):
    from training.models import PracticeReply

    client_of(employee).post(URL, json.dumps({"text": "You should quit."}),
                             content_type="application/json")
    assert PracticeReply.objects.count() == 0


def test_anonymous_is_sent_to_log_in(db):
    response = Client().post(URL, json.dumps({"text": "hi"}), content_type="application/json")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_csrf_is_required(client_of, employee):
    response = client_of(employee, enforce_csrf=True).post(
        URL, json.dumps({"text": "hi"}), content_type="application/json")
    assert response.status_code == 403


def test_get_is_refused(client_of, employee):
    assert client_of(employee).get(URL).status_code == 405


@pytest.mark.parametrize("body", ["not json", "[]", '{"text": 3}', "{}", '{"text": null}'])
def test_bad_input_gets_a_clear_400(client_of, employee, body):
    response = client_of(employee).post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert "text" in response.json()["error"]


def test_too_long_is_refused(client_of, employee):
    response = client_of(employee).post(URL, json.dumps({"text": "a" * 2001}),
                                        content_type="application/json")
    assert response.status_code == 400


def test_too_many_requests_get_a_429(client_of, employee, settings, monkeypatch):
    from training import views

    monkeypatch.setattr(views, "FEEDBACK_PER_MINUTE", 3)
    client = client_of(employee)
    codes = [client.post(URL, json.dumps({"text": "hi"}), content_type="application/json")
             .status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
