"""The load generator of bench/chat.py: N members on websockets, messages at a set rate.

Latency of a message = from the moment its sender wrote it to the socket until the LAST member
(the sender included) has received it. Every member counts every message id it receives, so
loss and duplication are counted exactly, per member and id.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import statistics
import time
from dataclasses import dataclass, field

import websockets

TIMEOUT = 15


@dataclass
class PhaseResult:
    name: str
    members: int
    target_msgs_per_s: float
    messages: int
    seconds: float
    latencies_ms: list[float]
    lost: int
    duplicated: int
    delivered: int
    errors: collections.Counter = field(default_factory=collections.Counter)

    @property
    def deliveries_per_s(self) -> float:
        return self.delivered / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        return percentile(self.latencies_ms, p)

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p99(self) -> float:
        # Messages that never reached everyone count as infinitely late.
        if self.lost:
            return float("inf")
        return self.percentile(99)

    def line(self) -> str:
        errors = f" errors={dict(self.errors)}" if self.errors else ""
        return (f"{self.name:<28} {self.target_msgs_per_s * self.members:>7.0f} offered/s "
                f"{self.deliveries_per_s:>8.0f} delivered/s  p50 {self.p50:7.1f} ms  "
                f"p99 {self.p99:7.1f} ms  lost {self.lost}  dup {self.duplicated}"
                f"  ({self.messages} msgs in {self.seconds:.1f} s){errors}")


class Tracker:
    """What one phase sent and what every member received."""

    def __init__(self, prefix: str, members: int, messages: int):
        self.prefix = prefix
        self.members = members
        self.sent_at = [0.0] * messages
        self.received = [0] * messages
        self.done_at = [0.0] * messages
        self.ids = [collections.Counter() for _ in range(members)]
        self.complete = 0
        self.errors: collections.Counter = collections.Counter()
        self.all_done = asyncio.Event()
        self.sent = 0

    def on_message(self, member: int, frame: dict, now: float) -> None:
        cid = frame.get("client_id") or ""
        if not cid.startswith(self.prefix):
            return
        seq = int(cid[len(self.prefix):])
        counts = self.ids[member]
        counts[frame["id"]] += 1
        if counts[frame["id"]] > 1:
            return
        self.received[seq] += 1
        if self.received[seq] == self.members:
            self.done_at[seq] = now
            self.complete += 1
            if self.complete == len(self.sent_at):
                self.all_done.set()


class Room:
    """N connected members of one room, each with a reader task."""

    def __init__(self, ws_url: str, origin: str, session_id: int, cookies: list[str]):
        self.url = f"{ws_url}/ws/sessions/{session_id}/chat/"
        self.origin = origin
        self.cookies = cookies
        self.sockets: list = []
        self.readers: list[asyncio.Task] = []
        self.tracker: Tracker | None = None
        self.connect_failures = 0
        # Per socket: from its first byte to its last arrival frame (history), in ms.
        self.connect_ms: list[float] = []

    async def _open(self, cookie: str):
        ws = await websockets.connect(self.url,
                                      additional_headers={"Cookie": f"sessionid={cookie}"},
                                      origin=self.origin, open_timeout=TIMEOUT, max_queue=None,
                                      ping_interval=None, compression=None)
        async with asyncio.timeout(TIMEOUT):
            while True:
                frame = json.loads(await ws.recv())
                if frame["type"] == "history" and not frame.get("more"):
                    return ws
                if frame["type"] == "error" or frame["type"] == "sanction":
                    raise RuntimeError(f"refused: {frame}")

    async def connect(self, spread_seconds: float = 0.0) -> float:
        """Opens every member's socket (spread evenly over `spread_seconds`); returns seconds."""
        start = time.perf_counter()
        step = spread_seconds / max(1, len(self.cookies))

        async def one(index: int, cookie: str):
            await asyncio.sleep(index * step)
            began = time.perf_counter()
            try:
                ws = await self._open(cookie)
            except Exception:  # any failure to get in counts; the figure is what matters
                self.connect_failures += 1
                return None
            self.connect_ms.append((time.perf_counter() - began) * 1000)
            return ws

        opened = await asyncio.gather(*(one(i, c) for i, c in enumerate(self.cookies)))
        self.sockets = [ws for ws in opened if ws is not None]
        self.readers = [asyncio.create_task(self._read(i, ws)) for i, ws in enumerate(self.sockets)]
        return time.perf_counter() - start

    async def _read(self, member: int, ws) -> None:
        loads, clock = json.loads, time.perf_counter
        try:
            async for raw in ws:
                frame = loads(raw)
                tracker = self.tracker
                if tracker is None:
                    continue
                kind = frame["type"]
                if kind == "message":
                    tracker.on_message(member, frame, clock())
                elif kind == "error":
                    tracker.errors[frame.get("code", "?")] += 1
        except websockets.ConnectionClosed:
            return

    async def phase(self, name: str, msgs_per_s: float, messages: int, drain: float = 10.0
                    ) -> PhaseResult:
        """Sends `messages` at `msgs_per_s` (members take turns) and waits for every delivery."""
        prefix = f"{name.replace('@', '-').replace(' ', '-')}-{time.monotonic_ns()}-"
        tracker = Tracker(prefix, len(self.sockets), messages)
        self.tracker = tracker
        clock = time.perf_counter
        start = clock()
        for seq in range(messages):
            delay = start + seq / msgs_per_s - clock()
            if delay > 0:
                await asyncio.sleep(delay)
            ws = self.sockets[seq % len(self.sockets)]
            tracker.sent_at[seq] = clock()
            await ws.send(json.dumps({"type": "message", "client_id": f"{prefix}{seq}",
                                      "body": f"Benchmark message number {seq}."}))
        last_send = clock()
        seen = -1
        while not tracker.all_done.is_set() and tracker.complete != seen:
            seen = tracker.complete
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(tracker.all_done.wait(), timeout=drain)
        end = max([last_send, *tracker.done_at])
        self.tracker = None
        latencies = [(done - sent) * 1000 for sent, done in zip(tracker.sent_at, tracker.done_at,
                                                                strict=True) if done]
        delivered = sum(len(c) for c in tracker.ids)
        duplicated = sum(sum(c.values()) - len(c) for c in tracker.ids)
        return PhaseResult(name=name, members=len(self.sockets), target_msgs_per_s=msgs_per_s,
                           messages=messages, seconds=end - start, latencies_ms=latencies,
                           lost=len(self.sockets) * messages - delivered, duplicated=duplicated,
                           delivered=delivered + duplicated, errors=tracker.errors)

    async def close(self) -> None:
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)
        for task in self.readers:
            task.cancel()
        await asyncio.gather(*self.readers, return_exceptions=True)


async def saturation(room: Room, name: str, steps: list[int], step_seconds: float,
                     limit_ms: float = 500.0) -> tuple[list[PhaseResult], float]:
    """Raises the offered deliveries/s step by step until p99 passes `limit_ms` (or messages
    are lost). Returns the results and the best delivered rate that kept p99 under the limit."""
    results, best = [], 0.0
    members = len(room.sockets)
    for deliveries in steps:
        rate = deliveries / members
        result = await room.phase(f"{name}@{deliveries}", rate, max(20, int(rate * step_seconds)))
        results.append(result)
        print("  " + result.line(), flush=True)
        if result.p99 > limit_ms or result.lost:
            break
        best = max(best, result.deliveries_per_s)
        await asyncio.sleep(1.0)
    return results, best


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`; infinity when there are none."""
    if not values:
        return float("inf")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
