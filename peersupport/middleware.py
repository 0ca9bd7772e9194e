"""Requests no page can make sense of are refused before any view runs."""

from django.http import HttpRequest, QueryDict
from django.shortcuts import render

NUL = "\x00"


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values)
               for key, values in data.lists())


class RejectNulBytesMiddleware:
    """A NUL byte anywhere in the address, the query or a posted form: 400, nothing runs.

    No text the product stores or searches can hold one (PostgreSQL refuses them in any string,
    so a search, a filter, a token or a slug-keyed choice carrying one answered 500 there), and
    nobody types one: it comes from a script or a corrupted paste. One check here covers every
    view, present and future, the same way on both databases, including the places that read
    `request.GET` directly rather than through a form. Forms would give a friendlier error for
    a text field, but not for a search box, a path or a choice; the browser's Back keeps what
    was typed, and nothing was saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if self._carries_nul(request):
            return render(request, "errors/400.html", {"nul_byte": True}, status=400)
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
