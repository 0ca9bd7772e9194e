"""Requests no page can make sense of are refused before any view runs."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.http.cookie import parse_cookie
from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values)
               for key, values in data.lists())


def _refuse(request: HttpRequest) -> HttpResponse:
    """The 400 page, or for a script that asked for JSON (the page's own fetches), the same
    refusal in the shape its endpoints answer errors: {"errors": [...]}."""
    if request.accepts("application/json") and not request.accepts("text/html"):
        return JsonResponse({"errors": [_(
            "It contained a character we can't accept (a NUL byte). Nothing was saved.")]},
            status=400)
    return render(request, "errors/400.html", {"nul_byte": True}, status=400)


class RejectNulCookiesMiddleware:
    """A cookie carrying a NUL (`sessionid="a\\000b"` is all ASCII on the wire and unquotes to
    one): 400 before the session is read (PostgreSQL refused the lookup: 500), shown as to a
    visitor who is not signed in, and the broken cookie is deleted so the next page works.
    Placed before SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        bad = [name for name, value in request.COOKIES.items() if NUL in name or NUL in value]
        if not bad:
            return self.get_response(request)
        request.user = AnonymousUser()
        response = _refuse(request)
        for name in bad:
            if NUL not in name:
                response.delete_cookie(name)
        return response


class RejectNulBytesMiddleware:
    """A NUL byte anywhere in the address, the query or a posted form: 400, nothing runs.

    No text the product stores or searches can hold one (PostgreSQL refuses them in any string,
    so a search, a filter, a token or a slug-keyed choice carrying one answered 500 there), and
    nobody types one: it comes from a script or a corrupted paste. One check here covers every
    view, present and future, the same way on both databases, including the places that read
    `request.GET` directly rather than through a form. Forms would give a friendlier error for
    a text field, but not for a search box, a path or a choice; the browser's Back keeps what
    was typed, and nothing was saved. Placed after AuthenticationMiddleware (the page shows the
    person signed in) and before any view or CSRF check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if self._carries_nul(request):
            return _refuse(request)
        return self.get_response(request)

    @staticmethod
    def _carries_nul(request: HttpRequest) -> bool:
        if NUL in request.path or _has_nul(request.GET):
            return True
        if request.method != "POST":
            return False
        if _has_nul(request.POST):
            return True
        return any(NUL in (upload.name or "") for upload in request.FILES.values())


class RejectNulCookiesOnSockets:
    """The websocket side of the same rule: a cookie carrying a NUL would reach the session
    lookup in Channels' auth middleware and fail the handshake with a 500 on PostgreSQL. The
    handshake is refused (HTTP 403) before that."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and _cookies_carry_nul(scope):
            message = await receive()
            if message["type"] == "websocket.connect":
                await send({"type": "websocket.close"})
            return
        await self.app(scope, receive, send)


def _cookies_carry_nul(scope) -> bool:
    for name, value in scope.get("headers", []):
        if name.lower() == b"cookie":
            cookies = parse_cookie(value.decode("latin-1"))
            if any(NUL in key or NUL in text for key, text in cookies.items()):
                return True
    return False
