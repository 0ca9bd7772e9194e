"""Real ASGI server processes for the chat's browser, multi-process and durability tests.

The servers run `uvicorn peersupport.asgi:application` in their own processes, so a test can
SIGKILL one, start two against one Redis, or cut a browser's connection at the TCP level.
They need a database another process can open: on PostgreSQL that is pytest's test database
itself; on SQLite (whose test database lives in memory) `SharedDatabase.publish()` copies it to a
file once the test has set its data up, and `rows()` reads back from wherever the servers wrote.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import websockets
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def session_cookie(user) -> str:
    """A real login session stored in the database, as the browser would hold it."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def room_open_now(session) -> None:
    """Opens the room as if a facilitator had just joined it (tests without a facilitator)."""
    from django.utils import timezone

    from sessions.models import Session

    Session.objects.filter(pk=session.pk).update(facilitator_joined_at=timezone.now())


class SharedDatabase:
    """The test database, reachable by server processes."""

    def __init__(self, tmp_path: Path):
        self.settings = connection.settings_dict
        self.vendor = connection.vendor
        self.file: Path | None = None
        self.tmp_path = tmp_path

    def publish(self) -> str:
        """Returns the DATABASE_URL for the servers. Call it after the test's data is set up."""
        s = self.settings
        if self.vendor == "postgresql":
            auth = quote(s["USER"] or "postgres")
            if s.get("PASSWORD"):
                auth += ":" + quote(s["PASSWORD"])
            return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
        if not connection.is_in_memory_db():
            self.file = Path(s["NAME"])
            return f"sqlite:///{self.file}"
        self.file = self.tmp_path / "chat-live.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(self.file)
        with target:
            connection.connection.backup(target)
        target.close()
        return f"sqlite:///{self.file}"

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Reads what the servers stored (`%s` placeholders)."""
        if self.file is not None and self.vendor == "sqlite":
            db = sqlite3.connect(self.file, timeout=20)
            try:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
            finally:
                db.close()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


class AsgiServer:
    """One uvicorn process serving the whole site (HTTP and websockets)."""

    def __init__(self, *, database_url: str, prefix: str, port: int | None = None,
                 log_path: Path | None = None, settings: str = "peersupport.test_settings"):
        self.port = port or free_port()
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings,
            "DATABASE_URL": database_url,
            "CHANNELS_PREFIX": prefix,
            "CACHE_PREFIX": prefix,
            "DEBUG": "1",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> AsgiServer:
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "peersupport.asgi:application",
             "--host", "127.0.0.1", "--port", str(self.port), "--lifespan", "off",
             "--log-level", "warning", "--no-access-log"],
            cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}: {self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"uvicorn did not listen on {self.port}: {self.log()}")

    def log(self) -> str:
        if self.log_path and self.log_path.exists():
            return self.log_path.read_text(errors="replace")[-4000:]
        return ""

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, as when a machine dies."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


class ChatClient:
    """A member's websocket, speaking docs/realtime.md, keeping every message by id."""

    def __init__(self, server: AsgiServer, session_id: int, cookie: str):
        self.server = server
        self.session_id = session_id
        self.cookie = cookie
        self.ws = None
        self.messages: dict[int, dict] = {}
        self.received_ids: list[int] = []  # every message frame id, duplicates included
        self.acked: dict[str, int] = {}  # client_id -> id, for this client's own messages
        self.errors: list[dict] = []
        self.frames: list[dict] = []
        self.history_done = asyncio.Event()

    @property
    def last_id(self) -> int:
        return max(self.messages, default=0)

    async def connect(self, *, after: int | None = None) -> ChatClient:
        query = f"?after={after}" if after else ""
        self.history_done = asyncio.Event()
        self.ws = await websockets.connect(
            f"{self.server.ws_url}/ws/sessions/{self.session_id}/chat/{query}",
            additional_headers={"Cookie": f"sessionid={self.cookie}"},
            origin=self.server.url, open_timeout=10,
        )
        return self

    async def read(self, until, timeout: float = 10) -> None:
        """Reads frames until `until(self)` is true."""
        deadline = time.monotonic() + timeout
        while not until(self):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"gave up waiting; last frames: {self.frames[-5:]}")
            raw = await asyncio.wait_for(self.ws.recv(), timeout=left)
            self.take(json.loads(raw))

    def take(self, frame: dict) -> None:
        self.frames.append(frame)
        kind = frame.get("type")
        if kind == "history":
            for message in frame["messages"]:
                self._store(message)
            if not frame.get("more"):
                self.history_done.set()
        elif kind == "message":
            self._store(frame)
        elif kind == "error":
            self.errors.append(frame)

    def _store(self, message: dict) -> None:
        self.received_ids.append(message["id"])
        self.messages.setdefault(message["id"], message)
        self.acked.setdefault(message["client_id"], message["id"])

    async def send(self, body: str, client_id: str | None = None) -> str:
        client_id = client_id or uuid.uuid4().hex
        await self.ws.send(json.dumps({"type": "message", "body": body, "client_id": client_id}))
        return client_id

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


class TcpProxy:
    """A TCP relay in front of a server, so a test can drop a browser's connections for real.

    `cut()` closes every relayed connection and refuses new ones until `restore()`.
    """

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.port = free_port()
        self.refusing = False
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._running = True
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update({client, upstream})
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while chunk := source.recv(65536):
                target.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                self._close(sock)

    def _close(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def cut(self) -> None:
        self.refusing = True
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._close(sock)

    def restore(self) -> None:
        self.refusing = False

    def close(self) -> None:
        self._running = False
        self.cut()
        self._listener.close()


def make_room(*, members: int = 2, title: str = "Thursday circle"):
    """A group with a facilitator and `members` members who accepted its rules, and an online
    session about to start (its chat window is open). Set up through the owners' services."""
    import datetime as dt
    from types import SimpleNamespace

    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.utils import timezone

    from groups.models import Group
    from groups.rules import DEFAULT_RULES
    from groups.services.catalogue import group_create
    from groups.services.membership import membership_join
    from sessions.models import Session
    from sessions.services.participation import session_rules_accept
    from sessions.services.scheduling import SessionDetails, session_schedule
    from tests.factories import UserFactory

    facilitator = UserFactory(display_name="Fran Facilitator")
    # Moderating asks for two-factor: the facilitator has a real authenticator, and logs in
    # with its code (tests.conftest.log_in answers the two-factor step).
    facilitator_totp_secret = generate_totp_secret()
    TOTP.activate(facilitator, facilitator_totp_secret)
    group = group_create(creator=facilitator, name=f"Circle {uuid.uuid4().hex[:6]}",
                         purpose="A calm place to talk.", category=Group.Category.PEER_CIRCLE,
                         rules=DEFAULT_RULES)
    starts = timezone.now() + dt.timedelta(minutes=10)
    (session,) = session_schedule(group=group, by=facilitator, details=SessionDetails(
        title=title, kind=Session.Kind.PEER_CIRCLE, starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1), facilitators=[facilitator]))
    people = []
    for number in range(members):
        person = UserFactory(display_name=f"Member {chr(65 + number)}")
        membership_join(group=group, user=person, accepted_version=group.rules_version)
        session_rules_accept(session=session, user=person)
        people.append(person)
    facilitator.totp_secret = facilitator_totp_secret  # read by the browser tests' log-in
    return SimpleNamespace(group=group, session=session, facilitator=facilitator, members=people)
