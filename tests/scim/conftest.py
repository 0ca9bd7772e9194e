"""A SCIM client (a Django test client sending a bearer token and SCIM JSON) and the
organisation whose token it holds."""

import json

import pytest
from django.test import Client

from scim import services
from scim.models import Organisation

SCIM = "application/scim+json"
USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


class ScimClient:
    def __init__(self, token: str | None):
        self.client = Client()
        self.token = token

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def _send(self, method: str, path: str, body=None, raw: str | None = None):
        data = raw if raw is not None else (json.dumps(body) if body is not None else "")
        response = getattr(self.client, method)(f"/scim/v2/{path}", data=data,
                                                content_type=SCIM, **self._headers())
        response.data = json.loads(response.content) if response.content else None
        return response

    def get(self, path: str):
        response = self.client.get(f"/scim/v2/{path}", **self._headers())
        response.data = json.loads(response.content) if response.content else None
        return response

    def post(self, path, body=None, raw=None):
        return self._send("post", path, body, raw)

    def put(self, path, body=None, raw=None):
        return self._send("put", path, body, raw)

    def patch(self, path, body=None, raw=None):
        return self._send("patch", path, body, raw)

    def delete(self, path):
        return self._send("delete", path)


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(name="Example Ltd", email_domains="example.com")


@pytest.fixture
def scim(organisation) -> ScimClient:
    _token, raw = services.token_create(organisation=organisation, name="Entra ID")
    return ScimClient(raw)


def user_body(user_name: str, **extra) -> dict:
    body = {
        "schemas": [USER_SCHEMA, ENTERPRISE],
        "userName": user_name,
        "externalId": extra.pop("externalId", user_name.split("@")[0]),
        "active": True,
        "displayName": extra.pop("displayName", "Sam Sample"),
        "emails": [{"primary": True, "type": "work", "value": user_name}],
        "name": {"givenName": "Sam", "familyName": "Sample"},
    }
    body.update(extra)
    return body


def assert_scim_error(response, status: int) -> None:
    assert response.status_code == status, (response.status_code, response.content)
    assert response["Content-Type"].startswith(SCIM)
    assert response.data["schemas"] == [ERROR]
    assert str(response.data["status"]) == str(status)
    assert response.data["detail"]
