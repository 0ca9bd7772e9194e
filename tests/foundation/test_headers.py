"""Security headers in production mode, and the templates that a strict CSP relies on."""

import re
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.django_db, pytest.mark.urls("peersupport.urls")]

PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@override_settings(DEBUG=False, STORAGES=PLAIN_STATIC, SECURE_SSL_REDIRECT=False)
def test_every_page_gets_a_strict_policy(client):
    response = client.get("/accounts/login/", secure=True)

    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["connect-src"] == ["'self'", "wss://testserver"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_websocket_origin_follows_the_page_scheme(client):
    assert "ws://testserver" in policy(client.get("/accounts/login/"))["connect-src"]


def test_pages_shown_to_a_signed_in_person_are_never_stored(client, employee):
    client.force_login(employee)

    for page in ["/", "/groups/", "/sessions/", "/recognition/", "/support/", "/profile/"]:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "no-store" in response["Cache-Control"], page
        assert "private" in response["Cache-Control"], page


def test_nginx_names_no_version_on_either_port():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    before_first_server = conf.split("\nserver {", 1)[0]

    assert re.search(r"(?m)^server_tokens off;", before_first_server)


def templates() -> list[Path]:
    found = set((ROOT / "templates").rglob("*.html")) | set(ROOT.glob("*/templates/**/*.html"))
    return sorted(path for path in found if ".venv" not in path.parts)


@pytest.mark.parametrize("template", templates(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_has_inline_script_style_or_handlers(template):
    html = template.read_text()

    assert not re.search(r"\sstyle\s*=", html)
    assert "<style" not in html
    assert not re.search(r"\son[a-z]+\s*=", html)
    for script in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in script, script
    assert "javascript:" not in html
