"""The real identity providers the SSO tests sign in through, started on loopback.

tools/idp holds them (`make idp` installs them from tools/idp/package-lock.json): the npm
package `oidc-provider` (a certified OpenID Provider) and the npm package `saml-idp`. A provider
that cannot start fails the test (never a skip): the journey it stands for is not tested then.
"""

import datetime
import json
import os
import queue
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

BASE_DIR = Path(__file__).resolve().parents[2]
IDP_DIR = BASE_DIR / "tools" / "idp"
START_TIMEOUT = 30


class IdentityProvider:
    def __init__(self, name: str, command: list[str], ready: str, env: dict | None = None):
        if not (IDP_DIR / "node_modules" / ".package-lock.json").exists():
            pytest.fail("tools/idp is not installed: run `make idp` (make test does).")
        self.name = name
        self.output: list[str] = []
        self.process = subprocess.Popen(
            command, cwd=IDP_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, **(env or {})})
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, args=(lines,), daemon=True).start()
        try:
            while True:
                line = lines.get(timeout=START_TIMEOUT)
                if line is None:
                    break
                if ready in line:
                    return
        except queue.Empty:
            pass
        self.stop()
        pytest.fail(f"The test {name} did not start:\n" + "".join(self.output[-40:]))

    def _read(self, lines: queue.Queue) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            lines.put(line)
        lines.put(None)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_oidc(tmp_dir: Path, *, port: int, client: dict, accounts: dict) -> IdentityProvider:
    config = tmp_dir / f"oidc-{port}.json"
    config.write_text(json.dumps({"port": port, "clients": [client], "accounts": accounts}))
    return IdentityProvider("OpenID Provider (oidc-provider)",
                            ["node", "oidc.mjs", str(config)], f"ready http://127.0.0.1:{port}")


def make_signing_keys(tmp_dir: Path) -> tuple[Path, Path, str]:
    """A throwaway RSA key and self-signed certificate for the SAML IdP (PEM files, and the
    certificate's base64 body for the service provider's settings)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PeerSupport test IdP")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=2))
            .sign(key, hashes.SHA256()))
    key_path, cert_path = tmp_dir / "idp-key.pem", tmp_dir / "idp-cert.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    pem = cert.public_bytes(serialization.Encoding.PEM).decode()
    cert_path.write_text(pem)
    body = "".join(line for line in pem.splitlines() if "CERTIFICATE" not in line)
    return key_path, cert_path, body


def start_saml(*, port: int, key: Path, cert: Path, audience: str, sp_logout_url: str,
               clock_skew_seconds: int = 0) -> IdentityProvider:
    return IdentityProvider(
        "SAML IdP (saml-idp)",
        ["node", "--require", "./clock-skew.cjs", "node_modules/saml-idp/bin/run.js",
         "--host", "127.0.0.1", "--port", str(port), "--cert", str(cert), "--key", str(key),
         "--issuer", f"urn:peersupport:test-idp:{port}", "--audience", audience,
         "--acsUrl", "http://127.0.0.1/never-used", "--sloUrl", sp_logout_url,
         "--configFile", str(IDP_DIR / "saml-attributes.js")],
        "IdP server ready", env={"IDP_CLOCK_SKEW_SECONDS": str(clock_skew_seconds)})


# --- Driving a sign-in without a browser ----------------------------------------------------


class Forms(HTMLParser):
    """The forms of a page: [{"action", "method", "fields": {name: value}}]."""

    def __init__(self, html: str):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""),
                               "method": attrs.get("method", "get").lower(), "fields": {}})
        elif self.forms and tag == "input" and attrs.get("name"):
            if attrs.get("type") in ("radio", "checkbox") and "checked" not in attrs:
                return
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""
        elif self.forms and tag == "select":
            self._select = attrs.get("name")
        elif self.forms and tag == "option" and self._select:
            self.forms[-1]["fields"].setdefault(self._select, attrs.get("value", ""))

    def handle_data(self, data):
        if self._select and self.forms and not self.forms[-1]["fields"].get(self._select):
            self.forms[-1]["fields"][self._select] = data.strip()

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None

    def find(self, action_part: str) -> dict:
        return next(form for form in self.forms if action_part in form["action"])


def follow_idp(http: requests.Session, url: str, *, method: str = "GET", data=None,
               stop_host: str = "testserver") -> requests.Response | str:
    """Follows the identity provider's redirects until one leads back to `stop_host` (returned
    as the URL string there) or a page is shown (returned as the response)."""
    for _ in range(20):
        if urlsplit(url).hostname == stop_host:
            return url
        response = http.request(method, url, data=data, allow_redirects=False, timeout=15)
        method, data = "GET", None
        if response.status_code in (301, 302, 303, 307):
            url = urljoin(url, response.headers["Location"])
            continue
        return response
    raise AssertionError("Too many redirects at the identity provider.")


def local(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def oidc_sign_in(client, http: requests.Session, *, provider_id: str, email: str,
                 password: str, **login_params):
    """A full sign-in through the OpenID Provider; returns PeerSupport's last response."""
    response = client.post(f"/accounts/oidc/{provider_id}/login/", {"process": "login",
                                                                    **login_params})
    assert response.status_code == 302, response
    page = follow_idp(http, response.url)
    form = Forms(page.text).forms[0]
    back = follow_idp(http, urljoin(page.url, form["action"]), method="POST",
                      data={"email": email, "password": password})
    assert isinstance(back, str), back.text
    return client.get(local(back), follow=True)


def saml_assertion(client, http: requests.Session, *, organization: str,
                   person: dict) -> dict:
    """Starts a sign-in at PeerSupport and signs `person` in at the SAML IdP; returns the form
    the IdP hands the browser to post to PeerSupport (action, SAMLResponse, RelayState)."""
    response = client.post(f"/accounts/saml/{organization}/login/", {"process": "login"})
    assert response.status_code == 302, response
    page = follow_idp(http, response.url)
    profile = Forms(page.text).find("/signin")
    fields = {**profile["fields"], **person}
    posted = http.post(urljoin(page.url, profile["action"]), data=fields, timeout=15)
    assert posted.status_code == 200, posted.text
    handed = Forms(posted.text).forms[0]
    return {"action": handed["action"], **handed["fields"]}


def saml_post(client, assertion: dict):
    """The browser's post of the IdP's answer to PeerSupport's ACS, then what follows."""
    response = client.post(local(assertion["action"]),
                           {"SAMLResponse": assertion["SAMLResponse"],
                            "RelayState": assertion.get("RelayState", "")})
    assert response.status_code == 302, response
    return client.get(response.url, follow=True)
