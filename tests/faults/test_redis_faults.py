"""Redis frozen (SIGSTOP) and Redis killed, under a room of members chatting on two servers."""

import asyncio
import time

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


def test_a_frozen_redis_freezes_no_socket_and_the_room_heals_when_it_resumes(stack):
    first = stack.servers[0]

    async def scenario():
        members = await room_of(stack)
        await chat_round(stack, members, "before")
        on_first = [m for m in members if m.home % 2 == 0]
        sender, other = on_first[0], on_first[1]

        stack.redis.freeze()
        # The message goes through the per-message rate limit, which meets the frozen Redis in
        # the database thread every socket of the process shares.
        await sender.say("Said while Redis hangs.")
        await asyncio.sleep(0.05)
        pong = await other.ping(timeout=4)
        assert pong < 2.5, pong
        stack.figures["frozen: another socket's pong (s)"] = round(pong, 2)

        outcome, seconds = await handshake(first, stack.members[1], stack.session_id)
        assert outcome in ("connected", 1013), outcome
        assert seconds < 5, seconds
        stack.figures["frozen: new handshake"] = [outcome, round(seconds, 2)]

        status, body, seconds = await healthz_async(first)
        assert status == 503, body
        assert body["channel_layer"] in ("timeout", "error") and body["database"] == "ok"
        assert seconds < 2.5, seconds
        stack.figures["frozen: /healthz (s)"] = round(seconds, 2)

        for member in members:
            await member.say("Still talking while Redis hangs.")
        await asyncio.sleep(3)
        stack.redis.thaw()
        thawed = time.monotonic()
        await until(lambda: healed(members, set(stack.stored().values())), 30, "healed")
        stack.figures["frozen: recovery after SIGCONT (s)"] = round(time.monotonic() - thawed, 2)
        await until(lambda: healthz(first)[0] == 200, 10, "/healthz ok again")

        await chat_round(stack, members, "after")
        # Every socket got the 1013 close or stayed up; none closed any other way.
        codes = {code for member in members for _, code in member.closes}
        assert codes <= {1013}, codes
        await finish(stack, members)

    asyncio.run(scenario())
    until_sync(lambda: stack.presence() == [], 10, "nobody left present")
    assert_clean_logs(stack)


def test_a_killed_redis_closes_sockets_cleanly_and_the_room_heals_once_it_is_back(stack):
    first = stack.servers[0]

    async def scenario():
        members = await room_of(stack)
        await chat_round(stack, members, "before")

        stack.redis.kill()
        # The sockets stay up while Redis is away: a ping needs none.
        await asyncio.sleep(0.5)
        pong = await members[0].ping(timeout=4)
        assert pong < 1, pong
        stack.figures["killed: a socket's pong (s)"] = round(pong, 2)
        outcome, seconds = await handshake(first, stack.members[1], stack.session_id)
        assert outcome == 1013 and seconds < 5, (outcome, seconds)
        status, body, seconds = await healthz_async(first)
        assert status == 503 and body["channel_layer"] != "ok" and body["cache"] != "ok", body
        assert seconds < 2.5
        for member in members:
            await member.say("Waiting in my outbox while Redis is down.")
        await asyncio.sleep(2)

        stack.redis.restart()
        restarted = time.monotonic()
        await until(lambda: healed(members, set(stack.stored().values())), 30, "healed")
        stack.figures["killed: recovery after restart (s)"] = round(
            time.monotonic() - restarted, 2)
        await until(lambda: healthz(first)[0] == 200, 10, "/healthz ok again")
        await chat_round(stack, members, "after")
        await finish(stack, members)

    asyncio.run(scenario())
    until_sync(lambda: stack.presence() == [], 10, "nobody left present")
    assert_clean_logs(stack)
    # One warning when the outage began and one when it ended, per process: not one per socket.
    assert stack.logs().count("redis unavailable") <= len(stack.servers)
