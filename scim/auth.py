"""Bearer-token authentication of the SCIM endpoints (django-scim2's AUTH_CHECK_MIDDLEWARE).

Every request to /scim/v2/ carries `Authorization: Bearer <token>`; a missing, unknown or revoked
token gets a SCIM 401 (RFC 7644 §3.12). The token's organisation is `request.scim_organisation`,
which scopes everything the adapters read and write.
"""

import json

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_scim import constants
from django_scim.middleware import SCIMAuthCheckMiddleware

from scim import services

WWW_AUTHENTICATE = 'Bearer realm="PeerSupport SCIM"'


def error_response(status: int, detail: str, scim_type: str | None = None) -> HttpResponse:
    body = {"schemas": [constants.SchemaURI.ERROR], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return HttpResponse(json.dumps(body), status=status,
                        content_type=constants.SCIM_CONTENT_TYPE)


def bearer_token(request) -> str:
    scheme, _sep, raw = request.headers.get("Authorization", "").partition(" ")
    return raw.strip() if scheme.lower() == "bearer" else ""


class BearerTokenCheck(SCIMAuthCheckMiddleware):
    def process_request(self, request):
        token = services.token_authenticate(raw=bearer_token(request))
        if token is None:
            response = error_response(401, _("A valid bearer token is required."))
            response["WWW-Authenticate"] = WWW_AUTHENTICATE
            return response
        request.scim_token = token
        request.scim_organisation = token.organisation
        return None
