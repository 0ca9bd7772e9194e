"""Shared fixtures of the chat tests: a group, its facilitator, two members with the rules
accepted, an online session in progress with an open room, and a websocket client helper.

Websocket tests: `@pytest.mark.django_db(transaction=True)`, and always `await client.disconnect()`
(or use `async with`). They run on the in-memory channel layer, and on Redis when REDIS_URL is set.
"""

import asyncio
import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from channels import DEFAULT_CHANNEL_LAYER
from channels.db import database_sync_to_async
from channels.layers import channel_layers, get_channel_layer
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.utils import timezone

from accounts.models import User
from accounts.two_factor import second_factor_mark_set_up
from chat import filters
from chat.models import FilterTerm
from groups.models import Group, Membership
from groups.rules import DEFAULT_RULES
from groups.services import group_create, membership_join
from peersupport.asgi import application
from sessions.models import Session
from sessions.services import session_rules_accept
from tests.factories import UserFactory

ORIGIN = "http://testserver"
TIMEOUT = 3


@pytest.fixture(autouse=True)
def _fresh_word_lists():
    filters.word_lists_forget()
    yield
    filters.word_lists_forget()


@pytest.fixture(autouse=True)
async def _fresh_channel_layer():
    """A new layer for every test, flushed: no test sees another's groups, and the Redis layer's
    locks and pools are never reused from a previous test's event loop (they are bound to it)."""
    channel_layers.backends.clear()
    layer = get_channel_layer()
    if hasattr(layer, "flush"):
        await layer.flush()
    yield
    layer = channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)
    if layer is not None and hasattr(layer, "close_pools"):
        await layer.close_pools()


@dataclass
class Room:
    group: Group
    session: Session
    facilitator: User
    member: User
    member2: User

    def membership(self, user: User) -> Membership:
        return Membership.objects.get(group=self.group, user=user)


def make_session(group: Group, facilitator: User, *, starts_in: dt.timedelta = dt.timedelta(
        minutes=-10), minutes: int = 60, opened: bool = True, **fields) -> Session:
    """An online session (in progress by default). Built directly: the scheduling service only
    accepts future start times, and chat tests need one that is happening now."""
    starts_at = timezone.now() + starts_in
    session = Session.objects.create(
        group=group, title="Tuesday circle", starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes), format=Session.Format.ONLINE,
        created_by=facilitator,
        facilitator_joined_at=timezone.now() if opened else None, **fields)
    session.facilitators.add(facilitator)
    return session


def join_group(group: Group, user: User, *, pseudonym: str = "") -> Membership:
    return membership_join(group=group, user=user, accepted_version=group.rules_version,
                           pseudonym=pseudonym)


def accept_rules(session: Session, *users: User) -> None:
    for user in users:
        session_rules_accept(session=session, user=user)


@pytest.fixture
def chat_group(facilitator, two_factor) -> Group:
    # Facilitators moderate only with two-factor set up (real allauth TOTP, as in production).
    two_factor(facilitator)
    return group_create(creator=facilitator, name="Calm harbour",
                        purpose="A place to talk about hard days at work.",
                        category=Group.Category.PEER_CIRCLE, rules=DEFAULT_RULES)


@pytest.fixture
def room(chat_group, facilitator, member, employee) -> Room:
    """The group's room, open (a facilitator has joined), with two members who accepted the
    group's and the session's rules. `room.facilitator` facilitates the group."""
    join_group(chat_group, member)
    join_group(chat_group, employee)
    session = make_session(chat_group, facilitator)
    accept_rules(session, member, employee)
    return Room(group=chat_group, session=session, facilitator=facilitator, member=member,
                member2=employee)


@pytest.fixture
def word_lists(db) -> None:
    """A small set of each list (the starter lists of the migration are gone in
    transactional tests, which empty the tables)."""
    FilterTerm.objects.create(kind=FilterTerm.Kind.BLOCKED, phrase="go die")
    FilterTerm.objects.create(kind=FilterTerm.Kind.DISTRESS, phrase="want to die")
    FilterTerm.objects.create(kind=FilterTerm.Kind.NUDGE, phrase="you should",
                              rule_key="no_unsolicited_advice")
    filters.word_lists_forget()


def session_cookie(user: User, *, second_factor: bool = True) -> str:
    """A new login's session key. Someone with an authenticator app has answered it in this
    login (as allauth's login makes them), unless `second_factor=False` (a door that skipped it)."""
    client = Client()
    client.force_login(user)
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if second_factor and totp is not None:
        session = client.session
        second_factor_mark_set_up(SimpleNamespace(session=session, user=user), user, totp)
        session.save()
    return client.cookies["sessionid"].value


def new_client_id() -> str:
    return str(uuid.uuid4())


class ChatClient:
    """A WebsocketCommunicator with the chat protocol's habits."""

    def __init__(self, communicator: WebsocketCommunicator) -> None:
        self.communicator = communicator
        self.connected = False
        self.close_code: int | None = None
        self.refused: tuple[int | None, list[dict]] | None = None
        self.history: list[dict] | None = None
        self.history_pages: list[dict] = []
        self.state: dict | None = None
        self.lobby: dict | None = None

    async def __aenter__(self) -> "ChatClient":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.disconnect()

    async def send(self, frame: dict[str, Any] | str) -> None:
        text = frame if isinstance(frame, str) else json.dumps(frame)
        await self.communicator.send_to(text_data=text)

    async def say(self, body: str, client_id: str | None = None) -> str:
        """Sends a message frame; returns its client_id."""
        client_id = client_id or new_client_id()
        await self.send({"type": "message", "body": body, "client_id": client_id})
        return client_id

    async def receive(self, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The next frame. Raises AssertionError when the socket closed instead."""
        output = await self.communicator.receive_output(timeout)
        if output["type"] == "websocket.close":
            self.close_code = output.get("code")
            raise AssertionError(f"socket closed with {self.close_code}")
        return json.loads(output["text"])

    async def receive_type(self, kind: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """Skips frames until one of this type arrives."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            frame = await self.receive(max(0.05, deadline - loop.time()))
            if frame["type"] == kind:
                return frame

    async def expect_close(self, timeout: float = TIMEOUT) -> tuple[int, list[dict]]:
        """Reads until the server closes the socket: (close code, frames read before)."""
        seen = []
        while True:
            output = await self.communicator.receive_output(timeout)
            if output["type"] == "websocket.close":
                self.close_code = output.get("code")
                return self.close_code, seen
            seen.append(json.loads(output["text"]))

    async def _next_or_close(self) -> dict[str, Any] | None:
        output = await self.communicator.receive_output(TIMEOUT)
        if output["type"] == "websocket.close":
            self.close_code = output.get("code")
            return None
        return json.loads(output["text"])

    async def nothing_more(self, timeout: float = 0.3) -> bool:
        return await self.communicator.receive_nothing(timeout)

    async def disconnect(self) -> None:
        await self.communicator.disconnect()


async def eventually(condition: Callable[[], bool], seconds: float = 1.0) -> None:
    """Waits until `condition()` holds (checked every 10 ms), for at most `seconds`: for what a
    consumer does after its socket closed. The caller asserts the condition itself."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)


async def open_chat(user: User | None, session: Session | int, *, after: int | str | None = None,
                    origin: str = ORIGIN, arrival: bool = True,
                    cookie: str | None = None,
                    headers: list[tuple[bytes, bytes]] | None = None) -> ChatClient:
    """Opens the room's websocket as `user` (None: anonymous) through the real ASGI stack
    (origin check, auth from the session cookie: a new login, or the one `cookie` names).

    With `arrival` (default) the arrival frames are read: `client.history`, `client.state` (and
    `client.lobby` in the lobby). Refused sockets: `client.refused` holds (close code, frames).
    `headers`: more handshake headers (e.g. Accept-Language).
    """
    session_id = session if isinstance(session, int) else session.pk
    path = f"/ws/sessions/{session_id}/chat/"
    if after is not None:
        path += f"?after={after}"
    extra, headers = headers or [], [(b"origin", origin.encode())]
    if user is not None:
        cookie = cookie or await database_sync_to_async(session_cookie)(user)
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    headers.extend(extra)
    communicator = WebsocketCommunicator(application, path, headers=headers)
    client = ChatClient(communicator)
    client.connected, code = await communicator.connect(timeout=TIMEOUT)
    if not client.connected:
        client.close_code = code
        client.refused = (code, [])
        return client
    if not arrival:
        return client
    first = await client._next_or_close()
    if first is None or first["type"] == "error" and first["code"] != "invalid":
        code, seen = await client.expect_close() if first is not None else (client.close_code, [])
        client.refused = (code, [first, *seen] if first else seen)
        return client
    pages = [first]
    while pages[-1].get("more"):
        pages.append(await client.receive_type("history"))
    client.history = [m for page in pages for m in page["messages"]]
    client.history_pages = pages
    client.state = await client.receive_type("state")
    if client.state["room"]["phase"] == "lobby":
        client.lobby = await client.receive_type("lobby")
    return client


@pytest.fixture
def other_user(db) -> User:
    return UserFactory(display_name="Quinn Quiet")
