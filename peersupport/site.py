"""The site's own address, for links in emails and calendar files.

Production sets SITE_URL (the public https:// origin). On the embedded default it is unset and
the origin is taken from how the app is served: the request being answered (its scheme, host
and port), else the address `make run` serves at (PEERSUPPORT_SERVED_AT, set by the Makefile
for the server and its scheduler), else http://127.0.0.1:8000, runserver's own default.
"""

import contextvars
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_ORIGIN = "http://127.0.0.1:8000"
SITE_NAME = "PeerSupport"

_request_origin: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "peersupport_request_origin", default=None)


def site_origin() -> str:
    """scheme://host[:port], without a trailing slash."""
    explicit = (settings.SITE_URL or "").strip()
    if explicit:
        return explicit.rstrip("/")
    served = _request_origin.get() or os.environ.get("PEERSUPPORT_SERVED_AT", "").strip()
    return (served or DEFAULT_ORIGIN).rstrip("/")


def absolute_url(path: str) -> str:
    """A link to `path` (from reverse()) on this site."""
    return site_origin() + path


def site_domain() -> str:
    """The host name alone (no port): for Message-IDs."""
    return urlsplit(site_origin()).hostname or "localhost"


@dataclass(frozen=True)
class SiteInfo:
    """What allauth's email templates call `current_site`: the product's name, not a host."""

    name: str
    domain: str
    url: str


def current_site() -> SiteInfo:
    return SiteInfo(name=SITE_NAME, domain=site_domain(), url=site_origin() + "/")


class RequestOriginMiddleware:
    """Without SITE_URL, emails sent while answering a request link to the origin the request
    came to (`make run PORT=8101`: port 8101), not to a fixed default."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SITE_URL:
            return self.get_response(request)
        token = _request_origin.set(f"{request.scheme}://{request.get_host()}")
        try:
            return self.get_response(request)
        finally:
            _request_origin.reset(token)
