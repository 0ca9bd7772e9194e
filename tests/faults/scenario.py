"""Steps the fault tests share: a room of members chatting on two servers, a fresh handshake,
the health check, and the end-of-test accounting (nothing acknowledged lost, no gap, no
duplicate, nobody left present, no traceback in the servers' logs)."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request

import websockets

from tests.faults.members import Member, healed, until


async def room_of(stack) -> list[Member]:
    members = [Member(m["name"], m["cookie"], stack.session_id, stack.servers, home=i % 2).start()
               for i, m in enumerate(stack.members)]
    await until(lambda: all(m.connected.is_set() for m in members), 30, "everyone connected")
    return members


async def chat_round(stack, members: list[Member], label: str, timeout: float = 30) -> None:
    for member in members:
        await member.say(f"{label}: {member.name} here.")
    await until(lambda: healed(members, set(stack.stored().values())), timeout,
                f"everyone saw every message ({label})")


async def handshake(server, member: dict, session_id: int) -> tuple[str | int | None, float]:
    """A new socket: ("connected", s) once its history arrived, or (close code, s)."""
    started = time.monotonic()
    try:
        async with websockets.connect(
                f"{server.ws_url}/ws/sessions/{session_id}/chat/",
                additional_headers={"Cookie": f"sessionid={member['cookie']}"},
                origin=server.url, open_timeout=10) as ws:
            while True:
                frame = json.loads(await asyncio.wait_for(ws.recv(), 10))
                if frame.get("type") == "history" and not frame.get("more"):
                    return "connected", time.monotonic() - started
    except websockets.ConnectionClosed as closed:
        return (closed.rcvd.code if closed.rcvd else None), time.monotonic() - started
    except websockets.InvalidStatus as refused:
        return f"HTTP {refused.response.status_code}", time.monotonic() - started


def healthz(server) -> tuple[int, dict, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"{server.url}/healthz", timeout=10) as response:  # noqa: S310
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, json.loads(body), time.monotonic() - started


async def healthz_async(server) -> tuple[int, dict, float]:
    return await asyncio.to_thread(healthz, server)


async def finish(stack, members: list[Member]) -> None:
    """Everyone leaves; then the accounting every fault must pass."""
    for member in members:
        await member.stop()
    stored = stack.stored()
    stored_ids = set(stored.values())
    for member in members:
        # Nothing this member saw acknowledged (its message back with an id) was lost, and
        # everything it said was acknowledged in the end (its outbox emptied).
        assert not member.outbox, f"{member.name} still waits for {member.outbox}"
        assert set(member.acked) == set(member.said)
        for client_id, message_id in member.acked.items():
            assert stored.get(client_id) == message_id, f"{member.name} lost {client_id}"
        # No gap; no message delivered twice on one connection (a reconnect's overlap is
        # deduplicated by id, as the browser does).
        assert set(member.messages) == stored_ids, f"{member.name} has a gap"
        assert member.duplicated == [], (member.name, member.duplicated)
    assert len(stored) == sum(len(m.said) for m in members)  # nothing stored twice


def assert_clean_logs(stack) -> None:
    logs = stack.logs()
    assert "Traceback" not in logs, logs[-3000:]
    assert "Exception in ASGI application" not in logs, logs[-3000:]
