"""PostgreSQL stopped, a server process killed, a client that stops reading."""

import asyncio
import time

import redis

from tests.faults.conftest import GROUP_EXPIRY
from tests.faults.members import healed, until, until_sync
from tests.faults.scenario import (
    assert_clean_logs,
    chat_round,
    finish,
    handshake,
    healthz,
    healthz_async,
    room_of,
)


def test_a_stopped_database_refuses_cleanly_and_the_room_heals_once_it_is_back(stack):
    first = stack.servers[0]

    async def scenario():
        members = await room_of(stack)
        await chat_round(stack, members, "before")

        stack.postgres.stop("fast")
        outcome, seconds = await handshake(first, stack.members[1], stack.session_id)
        assert outcome == 1013 and seconds < 5, (outcome, seconds)
        stack.figures["database stopped: new handshake"] = [outcome, round(seconds, 2)]
        status, body, seconds = await healthz_async(first)
        assert status == 503 and body["database"] != "ok" and body["channel_layer"] == "ok", body
        assert seconds < 2.5, seconds
        stack.figures["database stopped: /healthz (s)"] = round(seconds, 2)
        # Every frame checks access in the database: a socket that sends one is closed with
        # 1013 (its message waits in the client's outbox), none hangs.
        for member in members:
            await member.say("Said while the database is down.")
        await until(lambda: all(any(code == 1013 for _, code in m.closes) for m in members),
                    15, "every socket that spoke closed with 1013")
        await asyncio.sleep(1)

        stack.postgres.start()
        restarted = time.monotonic()
        await until(lambda: healed(members, set(stack.stored().values())), 40, "healed")
        stack.figures["database stopped: recovery after restart (s)"] = round(
            time.monotonic() - restarted, 2)
        await until(lambda: healthz(first)[0] == 200, 10, "/healthz ok again")
        await chat_round(stack, members, "after")
        await finish(stack, members)

    try:
        asyncio.run(scenario())
    finally:
        stack.postgres.start()  # the other tests' databases live in the same cluster
    # The presence rows of the sockets that closed during the outage are deleted once the
    # database is back (retried in the background), not left to go stale.
    until_sync(lambda: stack.presence() == [], 40, "nobody left present")
    assert_clean_logs(stack)
    logs = stack.logs()
    assert logs.count("database unavailable") <= 2 * len(stack.servers), logs[-3000:]


def test_a_killed_server_leaves_no_dead_channel_in_the_groups_and_its_members_move_over(stack):
    first, second = stack.servers
    group_key = f"{stack.prefix}:group:chat_{stack.session_id}"
    layer_redis = redis.Redis.from_url(stack.redis.url, socket_timeout=5)

    async def scenario():
        members = await room_of(stack)
        await chat_round(stack, members, "before")
        assert layer_redis.zcard(group_key) == len(members)
        on_first = [m for m in members if m.home % 2 == 0]
        dead = set(stack.presence())

        first.kill()
        killed = time.monotonic()
        # The first server's members reconnect to the second and catch up.
        await until(lambda: all(m.connected.is_set() and m.connections >= 2 for m in on_first)
                    and healed(members, set(stack.stored().values())), 30, "moved over")
        stack.figures["server killed: members moved over and caught up (s)"] = round(
            time.monotonic() - killed, 2)
        await chat_round(stack, members, "after")

        # The dead process's channels leave the room's group within its expiry (the live
        # ones are refreshed by their sockets), instead of receiving every broadcast for a day.
        def only_live_channels() -> bool:
            return layer_redis.zcard(group_key) == len(members)

        started = time.monotonic()
        speaker = members[1]
        while not only_live_channels():  # broadcasts are when channels_redis drops them
            assert time.monotonic() - started < GROUP_EXPIRY + 10, layer_redis.zcard(group_key)
            await speaker.say("Anyone still here?")
            await asyncio.sleep(1)
        stack.figures["server killed: dead channels gone from the group after (s)"] = round(
            time.monotonic() - killed, 2)
        # Live sockets keep their place: well past the expiry, everyone still gets everything.
        await asyncio.sleep(GROUP_EXPIRY)
        await chat_round(stack, members, "much later")
        assert only_live_channels()
        await finish(stack, members)
        return dead

    dead = asyncio.run(scenario())
    layer_redis.close()
    # The second server's sockets all left properly. What the killed process could not delete
    # (it died) is only its own sockets' rows, which go stale (90 s) and leave the lists.
    until_sync(lambda: set(stack.presence()) <= dead, 10, "no live socket left present")
    assert_clean_logs(stack)
    assert second.process.poll() is None


def test_a_client_that_stops_reading_holds_up_nobody_and_catches_up(stack):
    async def scenario():
        members = await room_of(stack)
        await chat_round(stack, members, "before")
        slow, others = members[0], members[1:]
        slow.reading.clear()
        body = "A long thought, shared slowly. " * 60  # ~1.9 KB
        latencies = []
        for round_number in range(20):
            for member in others:
                await member.say(f"{round_number}: {body}")
            latencies.append(await others[round_number % len(others)].ping(timeout=4))
            await asyncio.sleep(0.15)  # under the per-socket frame limit
        stored_ids = set(stack.stored().values())
        await until(lambda: healed(others, stored_ids), 30, "the others saw everything")
        assert max(latencies) < 1.5, latencies
        stack.figures["slow client: others' worst pong while it stalls (s)"] = round(
            max(latencies), 3)

        resumed = time.monotonic()
        slow.reading.set()
        await until(lambda: healed([slow], stored_ids), 30, "the slow client caught up")
        stack.figures["slow client: caught up after resuming (s)"] = round(
            time.monotonic() - resumed, 2)
        await finish(stack, members)

    asyncio.run(scenario())
    until_sync(lambda: stack.presence() == [], 10, "nobody left present")
    assert_clean_logs(stack)
