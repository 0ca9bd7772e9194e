"""Every SCIM request needs a live bearer token; tokens are stored only as digests."""

import hashlib

import pytest

from scim import services
from scim.models import Token
from tests.scim.conftest import ScimClient, assert_scim_error, user_body

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["Users", "Groups", "ServiceProviderConfig", "Users/x"])
def test_a_request_without_a_token_is_refused(path):
    response = ScimClient(None).get(path)

    assert_scim_error(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_wrong_token_is_refused(scim):
    assert_scim_error(ScimClient("not-the-token").get("Users"), 401)
    assert_scim_error(ScimClient("not-the-token").post("Users", user_body("a@example.com")),
                      401)


def test_a_basic_auth_header_is_refused(scim):
    scim.client.defaults["HTTP_AUTHORIZATION"] = f"Basic {scim.token}"
    scim.token = None

    assert_scim_error(scim.get("Users"), 401)


def test_a_revoked_token_is_refused_at_its_next_request(scim):
    assert scim.get("Users").status_code == 200
    token = Token.objects.get()

    assert services.token_revoke(token=token)

    assert_scim_error(scim.get("Users"), 401)
    assert not services.token_revoke(token=token)


def test_only_a_digest_of_the_token_is_stored(scim):
    token = Token.objects.get()

    assert token.digest == hashlib.sha256(scim.token.encode()).hexdigest()
    stored = [str(value) for value in Token.objects.values().get().values()]
    assert scim.token not in stored
    assert token.prefix == scim.token[:8]


def test_the_environment_token_is_seeded_once_and_can_be_revoked(settings):
    settings.SCIM_BEARER_TOKEN = "dev-token-for-tests-0123456789"
    client = ScimClient("dev-token-for-tests-0123456789")

    assert client.get("Users").status_code == 200
    assert client.post("Users", user_body("seeded@example.com")).status_code == 201
    assert Token.objects.count() == 1

    services.token_revoke(token=Token.objects.get())

    assert_scim_error(client.get("Users"), 401)
    assert Token.objects.count() == 1  # revoked stays revoked, not seeded again


def test_without_the_environment_variable_no_token_is_seeded(settings):
    settings.SCIM_BEARER_TOKEN = ""

    assert_scim_error(ScimClient("").get("Users"), 401)
    assert not Token.objects.exists()


def test_scim_requests_need_no_csrf_token_and_set_no_cookie(scim):
    scim.client = scim.client.__class__(enforce_csrf_checks=True)

    response = scim.post("Users", user_body("csrf@example.com"))

    assert response.status_code == 201
    assert "sessionid" not in response.cookies
