import runpy
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


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


def test_the_container_healthcheck_passes_against_the_app(live_server, monkeypatch):
    """deploy/healthcheck.py exits 0 against a healthy app and 1 when nothing listens."""
    real_request = urllib.request.Request

    def to_live_server(url, headers):
        return real_request(url.replace("http://127.0.0.1:8000", live_server.url),
                            headers=headers)

    monkeypatch.setattr(urllib.request, "Request", to_live_server)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver,localhost")
    main = runpy.run_path(str(ROOT / "deploy" / "healthcheck.py"))["main"]
    assert main() == 0

    monkeypatch.setattr(urllib.request, "Request",
                        lambda url, headers: real_request("http://127.0.0.1:9/healthz",
                                                          headers=headers))
    assert main() == 1


@pytest.mark.django_db
def test_health_reports_a_broken_channel_layer_and_database(client, monkeypatch):
    from peersupport import views

    def broken():
        raise RuntimeError("down")

    monkeypatch.setattr(views, "_check_channel_layer", broken)
    monkeypatch.setattr(views, "_check_database", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error",
                               "channel_layer": "error", "cache": "ok"}


@pytest.mark.django_db
def test_health_is_never_cached_and_refuses_post(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_health_answers_within_its_deadline_when_a_part_hangs(client, settings, monkeypatch):
    """A hung dependency (a frozen Redis, a partitioned database) is reported as "timeout" with
    503 once the deadline passed, instead of holding the request."""
    import asyncio
    import threading
    import time

    from peersupport import views

    settings.HEALTHZ_DEADLINE = 0.3
    released = threading.Event()

    def cache_hangs():
        released.wait(5)

    async def channel_layer_hangs():
        await asyncio.sleep(5)

    monkeypatch.setattr(views, "_check_cache", cache_hangs)
    monkeypatch.setattr(views, "_check_channel_layer", channel_layer_hangs)
    try:
        started = time.monotonic()
        response = client.get("/healthz")
        took = time.monotonic() - started
    finally:
        released.set()  # the abandoned check's thread goes back to work

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "channel_layer": "timeout",
                               "cache": "timeout"}
    assert took < 1.5
