"""The SCIM endpoints: django-scim2's views, with every bad request answered as SCIM JSON.

django-scim2 already turns its own exceptions into RFC 7644 §3.12 errors; these subclasses
add what it leaves to chance: a body that is JSON but not an object, a page size out of range,
and a path under /scim/v2/ that names no endpoint.
"""

import json

from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_scim import constants, exceptions
from django_scim import views as scim_views

from scim.adapters import MAX_RESULTS
from scim.auth import error_response


def _status_as_string(response):
    """RFC 7644 §3.12 gives an error's "status" as a JSON string; django-scim2 writes a number."""
    if response.status_code >= 400 and response.content:
        try:
            body = json.loads(response.content)
        except ValueError:
            return response
        if isinstance(body, dict) and isinstance(body.get("status"), int):
            body["status"] = str(body["status"])
            response.content = json.dumps(body)
    return response


class _Robust:
    @method_decorator(csrf_exempt)  # a bearer token, no cookie: nothing to forge
    def dispatch(self, request, *args, **kwargs):
        return _status_as_string(super().dispatch(request, *args, **kwargs))

    def load_body(self, body):
        try:
            data = json.loads(body.decode(constants.ENCODING).strip() or "{}")
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise exceptions.BadRequestError(_("The body is not valid JSON."),
                                             scim_type="invalidSyntax") from None
        if not isinstance(data, dict):
            raise exceptions.BadRequestError(_("The body must be a JSON object."),
                                             scim_type="invalidSyntax")
        return data

    def _search(self, request, query, start, count):
        try:
            return super()._search(request, query, start, count)
        except exceptions.BadRequestError as exc:
            exc.scim_type = exc.scim_type or "invalidFilter"
            raise

    def _page(self, request):
        """startIndex from 1, count from 0 to MAX_RESULTS (RFC 7644 §3.4.2.4: out-of-range
        values are brought into range, not refused)."""
        try:
            start = int(request.GET.get("startIndex", 1))
            count = int(request.GET.get("count", MAX_RESULTS))
        except ValueError:
            raise exceptions.BadRequestError(_("startIndex and count must be integers."),
                                             scim_type="invalidValue") from None
        return max(start, 1), min(max(count, 0), MAX_RESULTS)


class UsersView(_Robust, scim_views.UsersView):
    pass


class GroupsView(_Robust, scim_views.GroupsView):
    pass


class UserSearchView(_Robust, scim_views.UserSearchView):
    pass


class GroupSearchView(_Robust, scim_views.GroupSearchView):
    pass


class NotFoundView(scim_views.SCIMView):
    """Any other path under /scim/v2/, after the token check."""

    def get(self, request, *args, **kwargs):
        return error_response(404, _("There is no such SCIM endpoint."))

    post = put = patch = delete = get
