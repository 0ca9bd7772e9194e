"""Nothing lost: the server process is SIGKILLed while members are streaming messages.

Every message echoed to its sender before the kill must be in the database; after a restart the
members reconnect with `?after=<last id seen>`, re-send what was never acknowledged (same
client_id), and end up with exactly the messages the database holds: no gap, no duplicate.
"""

import asyncio
import collections

import pytest
import websockets

from chat.models import Message
from tests.chat.live_servers import (
    AsgiServer,
    ChatClient,
    SharedDatabase,
    make_room,
    room_open_now,
    session_cookie,
)

MEMBERS = 3
ACKS_BEFORE_KILL = 90
MESSAGES_AFTER_RESTART = 5


class Streamer:
    """One member sending as fast as the echoes come back, with an outbox like the browser's."""

    def __init__(self, client: ChatClient, name: str):
        self.client = client
        self.name = name
        self.sent: list[str] = []  # client_ids in send order
        self.resent: set[str] = set()

    @property
    def unacked(self) -> list[str]:
        return [cid for cid in self.sent if cid not in self.client.acked]

    async def stream(self, stop: asyncio.Event) -> None:
        """Sends until `stop` or until the connection dies; reads everything meanwhile."""
        number = 0
        try:
            while not stop.is_set():
                number += 1
                cid = f"{self.name}-{number}"
                self.sent.append(cid)
                await self.client.send(f"{self.name} says {number}", client_id=cid)
                await self.client.read(lambda c, cid=cid: cid in c.acked or stop.is_set(),
                                       timeout=10)
        except (TimeoutError, websockets.ConnectionClosed, OSError):
            return

    async def resume(self) -> None:
        await self.client.connect(after=self.client.last_id)
        await self.client.read(lambda c: c.history_done.is_set())
        for cid in self.unacked:
            self.resent.add(cid)
            number = cid.rsplit("-", 1)[1]
            await self.client.send(f"{self.name} says {number}", client_id=cid)
        await self.client.read(lambda c: not self.unacked)


def stored(db: SharedDatabase, session_id: int) -> list[tuple[int, str]]:
    table = Message._meta.db_table
    return db.rows(f"SELECT id, client_id FROM {table} WHERE session_id = %s ORDER BY id",
                   (session_id,))


@pytest.mark.django_db(transaction=True)
def test_acknowledged_messages_survive_a_sigkill_and_clients_heal_without_gap_or_duplicate(
        tmp_path):
    room = make_room(members=MEMBERS)
    room_open_now(room.session)
    cookies = [session_cookie(person) for person in room.members]
    db = SharedDatabase(tmp_path)
    database_url = db.publish()
    prefix = f"durability-{tmp_path.name}"
    server = AsgiServer(database_url=database_url, prefix=prefix,
                        settings="tests.chat.live_settings",
                        log_path=tmp_path / "server.log").start()
    port = server.port

    async def journey() -> tuple[list[Streamer], set[str]]:
        streamers = []
        for index, cookie in enumerate(cookies):
            client = await ChatClient(server, room.session.pk, cookie).connect()
            await client.read(lambda c: c.history_done.is_set())
            streamers.append(Streamer(client, f"m{index}"))
        stop = asyncio.Event()
        tasks = [asyncio.create_task(s.stream(stop)) for s in streamers]
        while sum(len(s.client.acked) for s in streamers) < ACKS_BEFORE_KILL * MEMBERS:
            await asyncio.sleep(0.01)
        # Kill mid-stream: every streamer has a message in flight at this moment.
        await asyncio.to_thread(server.kill)
        acked_before_kill = {cid for s in streamers for cid in s.sent if cid in s.client.acked}
        await asyncio.gather(*tasks)
        return streamers, acked_before_kill

    streamers, acked_before_kill = asyncio.run(journey())
    try:
        # 1. Everything acknowledged before the kill was already stored.
        stored_ids = {cid for _, cid in stored(db, room.session.pk)}
        assert acked_before_kill <= stored_ids, acked_before_kill - stored_ids
        # The kill really was mid-stream: some sent message never got its echo.
        assert any(s.unacked for s in streamers)

        restarted = AsgiServer(database_url=database_url, prefix=prefix, port=port,
                               settings="tests.chat.live_settings",
                               log_path=tmp_path / "server.log").start()

        async def heal() -> None:
            for s in streamers:
                await s.resume()
            for s in streamers:  # a few more live messages after the restart
                for number in range(MESSAGES_AFTER_RESTART):
                    cid = f"{s.name}-after-{number}"
                    s.sent.append(cid)
                    await s.client.send(f"{s.name} after restart {number}", client_id=cid)
            for s in streamers:
                await s.client.read(lambda c, s=s: not s.unacked)
            rows = await asyncio.to_thread(stored, db, room.session.pk)
            everything = {row[0] for row in rows}
            for s in streamers:
                await s.client.read(lambda c: everything <= set(c.messages), timeout=15)
                await s.client.close()

        try:
            asyncio.run(heal())
        finally:
            restarted.stop()
    finally:
        server.stop()

    rows = stored(db, room.session.pk)
    by_client_id = collections.Counter(cid for _, cid in rows)
    every_sent = {cid for s in streamers for cid in s.sent}
    # 2. Every message any member sent is stored exactly once (retries created nothing new).
    assert set(by_client_id) == every_sent
    assert max(by_client_id.values()) == 1
    db_ids = [row[0] for row in rows]
    for s in streamers:
        frames = collections.Counter(s.client.received_ids)
        # 3. No gap: each member has every stored message.
        assert set(frames) == set(db_ids), f"{s.name} misses {set(db_ids) - set(frames)}"
        # 4. No duplicate: one frame per id, except the original the protocol sends back to
        #    a sender who re-sent a client_id whose echo the kill swallowed.
        resent_ids = {s.client.acked[cid] for cid in s.resent}
        doubled = {mid for mid, count in frames.items() if count > 1}
        assert doubled <= resent_ids, f"{s.name} got duplicates {doubled - resent_ids}"
        assert max(frames.values()) <= 2
