"""The language each chat socket speaks, and frames made once per language for broadcasts.

A page follows its request (accounts.middleware.UserLanguageMiddleware, then LocaleMiddleware);
a socket has no such middleware, so the consumer works its person's language out of the
handshake the same way: the language saved in their profile, else the switcher's cookie, else
the browser's Accept-Language, else the site's default. Everything the consumer says to that
socket (error `detail`s, notices, the replies made in its database hop) is made inside
`translation.override(language)`.

A frame broadcast to many sockets (a room, the facilitators, a person's tabs) is built once per
site language (`in_each_language`), and each socket sends the one in its own language.
"""

from collections.abc import Callable
from http.cookies import CookieError, SimpleCookie
from typing import Any

from django.conf import settings
from django.utils import translation


def _supported(code: str) -> str | None:
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code.strip().lower())
    except LookupError:
        return None


def _header(scope: dict[str, Any], name: bytes) -> str:
    """A header's value; repeated ones joined (HTTP/2 may split Cookie into several)."""
    separator = "; " if name == b"cookie" else ", "
    return separator.join(value.decode("latin-1") for key, value in scope.get("headers") or ()
                          if key.lower() == name)


def _accept_language(header: str) -> list[str]:
    """The browser's languages, most preferred first ("es-ES,es;q=0.9,en;q=0.8")."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        code, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        if code and code != "*" and quality > 0:
            ranked.append((-quality, position, code))
    return [code for _q, _p, code in sorted(ranked)]


def socket_language(scope: dict[str, Any], user=None) -> str:
    """The language of the person on a socket, from its handshake (and their account)."""
    if user is None:
        user = scope.get("user")
    chosen = ""
    if user is not None and getattr(user, "is_authenticated", False):
        chosen = getattr(user, "language", "") or ""
    language = _supported(chosen)
    if language:
        return language
    try:
        cookies = SimpleCookie(_header(scope, b"cookie"))
    except CookieError:
        cookies = SimpleCookie()
    cookie = cookies.get(settings.LANGUAGE_COOKIE_NAME)
    language = _supported(cookie.value) if cookie is not None else None
    if language:
        return language
    for code in _accept_language(_header(scope, b"accept-language")):
        language = _supported(code)
        if language:
            return language
    return settings.LANGUAGE_CODE


def in_each_language(build: Callable[[], dict[str, Any]],
                     dumps: Callable[[dict[str, Any]], str]) -> dict[str, str]:
    """`build()`'s frame encoded once in each of the site's languages."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = dumps(build())
    return texts
