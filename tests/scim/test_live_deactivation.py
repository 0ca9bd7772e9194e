"""End to end, on a real server (uvicorn, as in production) and a real websocket: a SCIM
deactivation closes the person's open chat within 5 seconds, and they can neither reconnect
nor log in again."""

import asyncio
import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import websockets

from chat.policies import CLOSE_SIGNED_OUT
from scim import services
from scim.models import Organisation, ProvisionedPerson
from tests.chat.live_servers import (
    AsgiServer,
    ChatClient,
    SharedDatabase,
    make_room,
    room_open_now,
    session_cookie,
)
from tests.factories import PASSWORD
from tests.scim.conftest import PATCH_OP

CLOSES_WITHIN_SECONDS = 5


def scim_patch(server: AsgiServer, token: str, scim_id: str, body: dict) -> int:
    request = urllib.request.Request(
        f"{server.url}/scim/v2/Users/{scim_id}", data=json.dumps(body).encode(), method="PATCH",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/scim+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def browser(cookie: str | None = None) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirects)
    opener.jar = jar
    opener.cookie = cookie
    return opener


def fetch(opener, url: str, data: dict | None = None) -> tuple[int, str, str]:
    """(status, Location, body) without following redirects."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode()
                                     if data is not None else None)
    if opener.cookie:
        request.add_header("Cookie", f"sessionid={opener.cookie}")
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, "", response.read().decode()
    except urllib.error.HTTPError as redirect:
        return redirect.code, redirect.headers.get("Location", ""), ""


def log_in(server: AsgiServer, email: str) -> tuple[int, str]:
    opener = browser()
    _status, _where, page = fetch(opener, f"{server.url}/accounts/login/")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    status, where, _body = fetch(opener, f"{server.url}/accounts/login/", {
        "csrfmiddlewaretoken": csrf, "login": email, "password": PASSWORD})
    return status, where


@pytest.mark.django_db(transaction=True)
def test_a_scim_deactivation_closes_the_open_chat_within_5_seconds_and_locks_the_door(tmp_path):
    room = make_room(members=2)
    room_open_now(room.session)
    leaver, colleague = room.members
    organisation = Organisation.objects.create(name="Example Ltd")
    _token, token = services.token_create(organisation=organisation, name="Entra ID")
    identity = ProvisionedPerson.objects.create(organisation=organisation, user=leaver,
                                                user_name=leaver.email)
    leaver_cookie, colleague_cookie = session_cookie(leaver), session_cookie(colleague)
    db = SharedDatabase(tmp_path)
    server = AsgiServer(database_url=db.publish(), prefix=f"scim-{tmp_path.name}",
                        log_path=tmp_path / "server.log").start()

    async def journey() -> dict:
        theirs = await ChatClient(server, room.session.pk, leaver_cookie).connect()
        others = await ChatClient(server, room.session.pk, colleague_cookie).connect()
        for client in (theirs, others):
            await client.read(lambda c: c.history_done.is_set())

        started = time.monotonic()
        status = await asyncio.to_thread(scim_patch, server, token, identity.scim_id, {
            "schemas": [PATCH_OP],
            "Operations": [{"op": "Replace", "path": "active", "value": "False"}]})
        with pytest.raises(websockets.ConnectionClosed):
            await theirs.read(lambda c: False, timeout=CLOSES_WITHIN_SECONDS)
        closed_after = time.monotonic() - started
        close_code = theirs.ws.close_code

        # They come back with the same cookie: the door is shut.
        again = await ChatClient(server, room.session.pk, leaver_cookie).connect()
        with pytest.raises(websockets.ConnectionClosed):
            await again.read(lambda c: False, timeout=CLOSES_WITHIN_SECONDS)
        reconnect_code = again.ws.close_code

        # Their colleague's chat goes on.
        await others.send("Still here.")
        await others.read(lambda c: any(m["body"] == "Still here." for m in
                                        c.messages.values()))
        await others.close()
        return {"status": status, "closed_after": closed_after, "close_code": close_code,
                "reconnect_code": reconnect_code, "signed_out": theirs.errors}

    try:
        seen = asyncio.run(journey())
        assert seen["status"] == 200
        assert seen["closed_after"] < CLOSES_WITHIN_SECONDS
        assert seen["close_code"] == CLOSE_SIGNED_OUT
        assert [e["code"] for e in seen["signed_out"]] == ["signed_out"]
        assert seen["reconnect_code"] == CLOSE_SIGNED_OUT
        # Their old login no longer opens a page, and logging in again is refused.
        status, where, _body = fetch(browser(leaver_cookie), f"{server.url}/profile/")
        assert status == 302 and where.startswith("/accounts/login/")
        status, where = log_in(server, leaver.email)
        assert (status, where) == (302, "/accounts/inactive/")
        # (The same login form lets an active colleague in.)
        assert log_in(server, colleague.email)[1] != "/accounts/inactive/"
    finally:
        server.stop()
