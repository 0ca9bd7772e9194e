import pytest


@pytest.mark.django_db
def test_health_reports_every_part_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "channel_layer": "ok",
                               "cache": "ok"}


@pytest.mark.django_db
def test_health_names_the_broken_part_with_503(client, monkeypatch):
    from peersupport import views

    def broken():
        raise ConnectionError("redis down")

    monkeypatch.setattr(views, "_check_cache", broken)
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "error"
    assert response.json()["database"] == "ok"
