"""Single logout: logging out here ends the identity provider's session too, where it can."""

from urllib.parse import parse_qs, urlsplit

from tests.sso import idp
from tests.sso.conftest import OIDC_PORT, PASSWORD


def test_logging_out_of_an_oidc_sign_in_ends_the_providers_session(client, http, sso):
    idp.oidc_sign_in(client, http, provider_id="acme", email="ada@acme.test", password=PASSWORD)

    response = client.post("/accounts/logout/")

    assert not client.get("/").wsgi_request.user.is_authenticated
    target = urlsplit(response.url)
    assert f"{target.scheme}://{target.netloc}{target.path}" == (
        f"http://127.0.0.1:{OIDC_PORT}/session/end")
    assert parse_qs(target.query)["post_logout_redirect_uri"] == [
        "http://testserver/accounts/login/"]
    confirm = idp.follow_idp(http, response.url)
    form = idp.Forms(confirm.text).forms[0]
    back = idp.follow_idp(http, f"http://127.0.0.1:{OIDC_PORT}{form['action']}"
                          if form["action"].startswith("/") else form["action"],
                          method="POST", data={**form["fields"], "logout": "yes"})
    assert back == "http://testserver/accounts/login/"

    # Signing in again asks for the password at the provider.
    again = client.post("/accounts/oidc/acme/login/", {"process": "login"})
    page = idp.follow_idp(http, again.url)
    assert "/interaction/" in page.url


def test_a_password_login_has_no_provider_to_log_out_of(client, db):
    from tests.factories import PASSWORD as LOCAL_PASSWORD
    from tests.factories import UserFactory

    UserFactory(email="pat@example.com")
    client.post("/accounts/login/", {"login": "pat@example.com", "password": LOCAL_PASSWORD})

    assert client.post("/accounts/logout/").url == "/accounts/login/"


def test_logging_out_of_a_saml_sign_in_sends_a_logout_request_to_the_idp(client, http, sso):
    from tests.sso.conftest import SAML_PORT, globex_person

    idp.saml_post(client, idp.saml_assertion(client, http, organization="globex",
                                             person=globex_person("sam@globex.test")))

    response = client.post("/accounts/logout/")

    assert not client.get("/").wsgi_request.user.is_authenticated
    target = urlsplit(response.url)
    assert f"{target.scheme}://{target.netloc}{target.path}" == (
        f"http://127.0.0.1:{SAML_PORT}/saml/slo")
    assert "SAMLRequest" in parse_qs(target.query)
    # The IdP takes it (it answers with its logout response to PeerSupport's SLS endpoint).
    assert http.get(response.url, timeout=15).status_code == 200
