"""Slows password guessing without letting a stranger lock anyone out.

A fixed "5 failures per account locks the account" rule lets anyone lock a chosen colleague
out at will. Here failures are counted per *client* of an account, and the account-wide count
only ever holds back clients the account has never logged in from:

- a browser the account logged in from carries a signed "known browser" cookie; its failures
  count against that browser alone;
- an address the account logged in from (hashed; kept 90 days) counts as a known place;
- any other client is a stranger: its own failures for the account count, all strangers'
  failures for the account count together, and all strangers' failures from one address count
  together (password spraying across accounts).

So someone hammering an account from elsewhere stops only themselves and other strangers: the
owner, from their usual browser or place, logs in as ever. Counters are fixed windows in the
default cache (Redis in production, shared by every web replica). The account is named by a
keyed hash of the address typed, so unknown addresses behave exactly like real ones.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

DEVICE_COOKIE = "peersupport_known_browser"
DEVICE_COOKIE_MAX_AGE = 180 * 24 * 3600
KNOWN_PLACE_SECONDS = 90 * 24 * 3600
# How many accounts one browser remembers (a shared kiosk: the most recent ones).
DEVICE_ACCOUNTS = 10

# (failures, window in seconds)
CLIENT_LIMIT = (5, 300)  # one browser or one address, for one account
STRANGERS_PER_ACCOUNT_LIMIT = (20, 3600)  # every stranger together, for one account
STRANGERS_PER_ADDRESS_LIMIT = (30, 600)  # one stranger address, across accounts

_SALT = "peersupport.accounts.login_guard"


def _digest(*parts: str) -> str:
    return salted_hmac(_SALT, "\x1f".join(parts)).hexdigest()[:32]


def account_token(login: str) -> str:
    return _digest("account", (login or "").strip().lower())


def _read_device(request) -> dict:
    raw = request.COOKIES.get(DEVICE_COOKIE)
    if not raw:
        return {}
    try:
        value = signing.loads(raw, salt=_SALT, max_age=DEVICE_COOKIE_MAX_AGE)
    except signing.BadSignature:
        return {}
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        return {}
    accounts = value.get("a")
    if not isinstance(accounts, list):
        return {}
    return {"id": value["id"], "a": [a for a in accounts if isinstance(a, str)]}


class Client:
    """Who is trying to log in to which account, and what the account knows of them."""

    def __init__(self, request, login: str, ip: str) -> None:
        self.account = account_token(login)
        self.place = _digest("place", ip)
        device = _read_device(request)
        self.known_browser = self.account in device.get("a", [])
        self.known_place = bool(cache.get(self._known_place_key()))
        if self.known_browser:
            self.client_key = f"browser:{_digest('browser', device['id'])}"
        else:
            self.client_key = f"place:{self.place}"

    @property
    def stranger(self) -> bool:
        return not (self.known_browser or self.known_place)

    def _known_place_key(self) -> str:
        return f"login-guard:known:{self.account}:{self.place}"

    def _counters(self) -> list[tuple[str, tuple[int, int]]]:
        counters = [(f"login-guard:client:{self.account}:{self.client_key}", CLIENT_LIMIT)]
        if self.stranger:
            counters += [
                (f"login-guard:strangers:{self.account}", STRANGERS_PER_ACCOUNT_LIMIT),
                (f"login-guard:stranger-place:{self.place}", STRANGERS_PER_ADDRESS_LIMIT),
            ]
        return counters

    def is_held_back(self) -> bool:
        return any((cache.get(key) or 0) >= limit for key, (limit, _) in self._counters())

    def record_failure(self) -> None:
        for key, (_, window) in self._counters():
            if not cache.add(key, 1, timeout=window):
                try:
                    cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.add(key, 1, timeout=window)

    def record_success(self, response, request) -> None:
        """The account logged in from here: remember the place and this browser."""
        cache.set(self._known_place_key(), 1, timeout=KNOWN_PLACE_SECONDS)
        device = _read_device(request) or {"id": secrets.token_urlsafe(16), "a": []}
        accounts = [a for a in device["a"] if a != self.account] + [self.account]
        value = signing.dumps({"id": device["id"], "a": accounts[-DEVICE_ACCOUNTS:]}, salt=_SALT)
        response.set_cookie(
            DEVICE_COOKIE, value, max_age=DEVICE_COOKIE_MAX_AGE, httponly=True,
            secure=settings.SESSION_COOKIE_SECURE, samesite="Lax",
        )
