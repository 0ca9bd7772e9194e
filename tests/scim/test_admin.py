"""Tokens are created in the admin, shown once on the page that follows, and revoked there."""

import hashlib
import re

import pytest
from django.urls import reverse

from scim.models import Organisation, Token

pytestmark = pytest.mark.django_db


def test_a_new_token_is_shown_once_and_stored_as_a_digest(admin_client):
    organisation = Organisation.objects.create(name="Example Ltd")

    response = admin_client.post(reverse("admin:scim_token_add"),
                                 {"organisation": organisation.pk, "name": "Entra ID"})

    assert response.status_code == 200
    secret = re.search(rb'id="scim-token"[^>]*value="([^"]+)"', response.content).group(1)
    token = Token.objects.get()
    assert token.digest == hashlib.sha256(secret).hexdigest()
    assert token.organisation == organisation
    # Never again: not on its change page, not in the list.
    for url in (reverse("admin:scim_token_change", args=[token.pk]),
                reverse("admin:scim_token_changelist")):
        page = admin_client.get(url)
        assert page.status_code == 200
        assert secret not in page.content
    # And the token works.
    from tests.scim.conftest import ScimClient

    assert ScimClient(secret.decode()).get("Users").status_code == 200


def test_revoking_in_the_admin(admin_client):
    from scim import services

    token, raw = services.token_create(
        organisation=Organisation.objects.create(name="Example Ltd"), name="Okta")

    response = admin_client.post(reverse("admin:scim_token_changelist"),
                                 {"action": "revoke_selected", "_selected_action": [token.pk]})

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_revoked
    assert services.token_authenticate(raw=raw) is None


def test_people_without_admin_rights_cannot_create_tokens(client, employee):
    client.force_login(employee)

    response = client.get(reverse("admin:scim_token_add"))

    assert response.status_code == 302
    assert not Token.objects.exists()
