"""Sending events to websocket consumers, always after the transaction commits.

Recipients are chosen by the calling service (that choice is a security decision);
this module only delivers. The channel layer is at-most-once: the database stays the record.

Consumers run their database work in one thread (`database_sync_to_async`). Sending from that
thread would hold it until Redis answers, and every other socket's database work would wait
behind the broadcast; so a consumer wraps its database functions in `sends_from_loop`, and the
events they commit are handed to the event loop, which sends them one after the other, in commit
order. Everything else (views, tasks, the shell) sends before `on_commit` returns, as before.
"""

import asyncio
import collections
import contextlib
import functools
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction

from peersupport import outages

logger = logging.getLogger(__name__)

T = TypeVar("T")

_thread = threading.local()


def user_group_name(user_id: int) -> str:
    return f"user_{user_id}"


def send_to_group_now(group: str, event: dict) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, event)
    except Exception as exc:  # a broadcast failure must never undo what was stored
        if outages.part_of(exc) is None:
            logger.exception("channel layer group_send to %s failed", group)
        else:
            outages.down(outages.REDIS, exc)


class _LoopSender:
    """The events handed to one event loop, sent in the order they were committed by one task
    (concurrent sends could overtake each other: a client would see message 12 before 11)."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.queue: collections.deque[tuple[str, dict]] = collections.deque()
        self.task: asyncio.Task | None = None

    def put(self, group: str, event: dict) -> None:  # on the loop's thread
        self.queue.append((group, event))
        if self.task is None:
            self.task = self.loop.create_task(self._drain())

    async def _drain(self) -> None:
        try:
            while self.queue:
                group, event = self.queue.popleft()
                layer = get_channel_layer()
                if layer is None:
                    continue
                try:
                    if outages.is_down(outages.REDIS):  # known down: no wait for a timeout
                        raise ConnectionError("the channel layer's Redis is down")
                    # asyncio.timeout, not wait_for: no extra task per broadcast.
                    async with asyncio.timeout(layer_timeout()):
                        await layer.group_send(group, event)
                except Exception as exc:  # a broadcast failure must never undo what was stored
                    if outages.part_of(exc) is None:
                        logger.exception("channel layer group_send to %s failed", group)
                    else:
                        outages.down(outages.REDIS, exc)
                    _send_failed(group)
        finally:
            self.task = None


def layer_timeout() -> float:
    """The longest wait for one channel-layer call (send, group add or discard)."""
    return getattr(settings, "REDIS_TIMEOUT", 2.0)


# Groups whose committed events could not be sent during a Redis outage. Their sockets (in every
# process) missed something, so once Redis answers again each gets one `realtime.resync` event:
# a chat socket then closes with 1013 and its client reconnects and catches up from the database.
_missed: set[str] = set()
RESYNC_EVENT = {"type": "realtime.resync"}


def _send_failed(group: str) -> None:
    _missed.add(group)


def _on_redis_recovery() -> None:  # in the outage probe's thread
    for loop in list(_senders.keys()):
        if not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # closed meanwhile
                loop.call_soon_threadsafe(_start_resync, loop)


def _start_resync(loop: asyncio.AbstractEventLoop) -> None:
    if _missed:
        task = loop.create_task(_resync_missed())
        _resyncs.add(task)
        task.add_done_callback(_resyncs.discard)


_resyncs: set[asyncio.Task] = set()


async def _resync_missed() -> None:
    layer = get_channel_layer()
    for group in sorted(_missed):
        try:
            await asyncio.wait_for(layer.group_send(group, dict(RESYNC_EVENT)), layer_timeout())
        except Exception as exc:  # kept for the next recovery
            outages.down(outages.REDIS, exc)
            return
        _missed.discard(group)


outages.on_recovery(outages.REDIS, _on_redis_recovery)


_senders: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopSender]" = (
    weakref.WeakKeyDictionary())


def _hand_to_loop(loop: asyncio.AbstractEventLoop, group: str, event: dict) -> None:
    sender = _senders.get(loop)
    if sender is None:
        sender = _senders[loop] = _LoopSender(loop)
    sender.put(group, event)


def sends_from_loop(func: Callable[..., T], loop: asyncio.AbstractEventLoop) -> Callable[..., T]:
    """`func` (to run in a database thread) with the events it commits sent by `loop`, in
    commit order, instead of from the thread. The database thread goes back to work at once;
    the events still leave only after their transaction committed."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> T:
        previous = getattr(_thread, "loop", None)
        _thread.loop = loop
        try:
            return func(*args, **kwargs)
        finally:
            _thread.loop = previous

    return run


def _send_committed(group: str, event: dict) -> None:
    loop = getattr(_thread, "loop", None)
    if loop is None or loop.is_closed():
        send_to_group_now(group, event)
        return
    try:
        loop.call_soon_threadsafe(_hand_to_loop, loop, group, event)
    except RuntimeError:  # the loop closed meanwhile (a server shutting down)
        send_to_group_now(group, event)


def send_to_group_on_commit(*, group: str, event: dict) -> None:
    transaction.on_commit(lambda: _send_committed(group, event))


def send_to_user_on_commit(*, user_id: int, event: dict) -> None:
    send_to_group_on_commit(group=user_group_name(user_id), event=event)
