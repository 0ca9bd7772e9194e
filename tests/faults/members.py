"""A member's chat client that behaves as the browser's (chat/static/chat/chat.js) under faults.

It reconnects by itself after any close but the final 44xx codes (backoff with jitter, trying
the next server when one does not answer), resumes with `?after=` a little before the last id
it saw (the browser's overlap: two processes' broadcasts may arrive out of id order, so the
last id seen is not proof of having every earlier one) and keeps an outbox: every message it
said is re-sent after each reconnect until it comes back with an id. It records what the suite
asserts on: each message id, any id delivered twice on one connection, which of its own
messages were acknowledged, every close code.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import random
import time
import uuid

import websockets

FINAL_CODES = {4401, 4403, 4404, 4409, 4410}
RESYNC_OVERLAP = 50  # as chat/static/chat/chat.js


class Member:
    def __init__(self, name: str, cookie: str, session_id: int, servers: list, home: int = 0):
        self.name = name
        self.cookie = cookie
        self.session_id = session_id
        self.servers = servers
        self.home = home
        self.ws = None
        self.messages: dict[int, dict] = {}
        self.duplicated: list[int] = []  # ids delivered twice on one connection
        self.outbox: dict[str, str] = {}  # client_id -> body, until it comes back with an id
        self.said: dict[str, str] = {}
        self.acked: dict[str, int] = {}
        self.resent: set[str] = set()
        self.closes: list[tuple[float, int | None]] = []
        self.refusals: list[tuple[float, str]] = []  # handshakes that did not complete
        self.errors: list[dict] = []
        self.last_frames: list[dict] = []
        self.connected = asyncio.Event()
        self.connections = 0
        self.reading = asyncio.Event()
        self.reading.set()
        self._pongs: asyncio.Queue[float] = asyncio.Queue()
        self._task: asyncio.Task | None = None
        self._stopping = False
        self._attempt = 0

    # --- control -------------------------------------------------------------------------------

    def start(self) -> Member:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    async def stop(self) -> None:
        self._stopping = True
        if self.ws is not None:
            await self.ws.close()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    def resume_after(self) -> int:
        ids = sorted(self.messages)
        if not ids:
            return 0
        return ids[-RESYNC_OVERLAP - 1] if len(ids) > RESYNC_OVERLAP else ids[0] - 1

    async def say(self, body: str) -> str:
        client_id = uuid.uuid4().hex
        self.outbox[client_id] = body
        self.said[client_id] = body
        await self._send_quietly({"type": "message", "body": body, "client_id": client_id})
        return client_id

    async def ping(self, timeout: float = 5) -> float:
        """Seconds until the pong (raises TimeoutError past `timeout`)."""
        while not self._pongs.empty():
            self._pongs.get_nowait()
        started = time.monotonic()
        await self.ws.send(json.dumps({"type": "ping"}))
        await asyncio.wait_for(self._pongs.get(), timeout)
        return time.monotonic() - started

    # --- the loop --------------------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._stopping:
            server = self.servers[self.home % len(self.servers)]
            after = self.resume_after()
            query = f"?after={after}" if after else ""
            try:
                self.ws = await websockets.connect(
                    f"{server.ws_url}/ws/sessions/{self.session_id}/chat/{query}",
                    additional_headers={"Cookie": f"sessionid={self.cookie}"},
                    origin=server.url, open_timeout=5, max_queue=4)
            except (TimeoutError, OSError, websockets.InvalidHandshake) as exc:
                self.refusals.append((time.monotonic(), type(exc).__name__))
                self.home += 1  # that server may be gone: the next one
                await self._backoff()
                continue
            self.connections += 1
            code = await self._read()
            self.connected.clear()
            self.closes.append((time.monotonic(), code))
            if code in FINAL_CODES:
                return
            await self._backoff()

    async def _backoff(self) -> None:
        self._attempt += 1
        step = min(2.0, 0.1 * 2 ** (self._attempt - 1))
        await asyncio.sleep(step / 2 + random.random() * step / 2)

    async def _read(self) -> int | None:
        ws, seen = self.ws, collections.Counter()
        try:
            while True:
                await self.reading.wait()
                frame = json.loads(await ws.recv())
                self.last_frames = [*self.last_frames[-9:], frame]
                kind = frame.get("type")
                if kind == "history":
                    for message in frame["messages"]:
                        self._store(message, seen)
                    if not frame.get("more"):
                        self._attempt = 0
                        self.connected.set()
                        for client_id, body in list(self.outbox.items()):
                            self.resent.add(client_id)
                            await ws.send(json.dumps({"type": "message", "body": body,
                                                      "client_id": client_id}))
                elif kind == "message":
                    self._store(frame, seen)
                elif kind == "pong":
                    self._pongs.put_nowait(time.monotonic())
                elif kind == "error":
                    self.errors.append(frame)
        except websockets.ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None

    def _store(self, message: dict, seen: collections.Counter) -> None:
        seen[message["id"]] += 1
        retry_answer = message.get("client_id") in self.resent  # the original, sent back
        if seen[message["id"]] > (2 if retry_answer else 1):
            self.duplicated.append(message["id"])
        self.messages.setdefault(message["id"], message)
        client_id = message.get("client_id")
        if client_id in self.outbox:
            self.acked[client_id] = message["id"]
            del self.outbox[client_id]
        elif client_id in self.said:
            self.acked.setdefault(client_id, message["id"])

    async def _send_quietly(self, frame: dict) -> None:
        """Sent when connected; otherwise it waits in the outbox for the next connection."""
        if self.ws is not None and self.connected.is_set():
            with contextlib.suppress(websockets.ConnectionClosed):
                await self.ws.send(json.dumps(frame))


async def until(check, timeout: float, what: str, every: float = 0.05):
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} within {timeout} s")
        await asyncio.sleep(every)


def until_sync(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"{what} within {timeout} s"
        time.sleep(0.2)


def healed(members: list[Member], stored_ids: set[int]) -> bool:
    """Every member connected, nothing left in any outbox, and every stored message seen."""
    return all(m.connected.is_set() and not m.outbox and stored_ids <= set(m.messages)
               for m in members)
