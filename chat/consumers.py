"""The websocket of a session's live chat room (protocol: docs/realtime.md).

An interface only: access is decided by chat.policies at the handshake and for every frame,
writes go through chat.services (in `chat.handlers`, one database hop per frame), and stored
frames are broadcast by the services after commit. Typing and presence are ephemeral (nothing is
stored for typing), so this consumer sends them itself.
"""

import asyncio
import collections
import contextlib
import json
import logging
import random
import time
import weakref
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from accounts.two_factor import session_passed_second_factor
from chat import events, frames, selectors, services
from chat.handlers import FRAME_TYPES, handle_frame, lost_access_extra
from chat.i18n import socket_language
from chat.policies import (
    CLOSE_GONE,
    CLOSE_SIGNED_OUT,
    PHASE_LOBBY,
    PHASE_OPEN,
    RoomAccess,
    room_access,
)
from peersupport import memory, outages
from peersupport.channel_layer import on_receive_restored
from peersupport.realtime import layer_timeout, sends_from_loop, user_group_name
from sessions.models import Session

logger = logging.getLogger(__name__)

TYPING_EVERY_SECONDS = 3.0
MAX_FRAME_BYTES = 16_384
# No frame of the protocol nests beyond 2 levels; a deep one would only reach the handlers (or
# the reply that echoes a `ref`) to exhaust the stack there.
MAX_FRAME_DEPTH = 8
HISTORY_DEDUPE_IDS = 500
DEFAULT_SOCKET_FRAME_LIMIT = (40, 5)  # frames per seconds, any type, per socket


# Sockets joining or leaving channel-layer groups at once, per process. Each call holds a
# Redis connection, and the pool keeps every connection it ever opened: 500 sockets closing
# together used to leave ~460 idle connections (and their buffers, tens of MB) behind, and
# opening them cost the burst itself. Beyond this many, sockets wait their turn (a round trip).
DEFAULT_LAYER_CALLS_AT_ONCE = 32
_layer_gates: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]" = (
    weakref.WeakKeyDictionary())


# Sockets of this process connecting to or connected to each room, by room group name.
_room_sockets: collections.Counter[str] = collections.Counter()

# A dependency (Redis, the database) failed: the socket closes with 1013 ("try again later"), and
# the client reconnects with backoff and catches up with ?after= (docs/realtime.md).
CLOSE_UNAVAILABLE = outages.CLOSE_UNAVAILABLE
UNAVAILABLE_RETRY_AFTER = 2

# The chat sockets of this process, to close when the channel layer failed them (weak: a closed
# socket is freed by reference counting alone, see tests/chat/test_consumer_cleanup.py).
_live: "weakref.WeakSet[ChatConsumer]" = weakref.WeakSet()
_background: set[asyncio.Task] = set()


def _in_background(coroutine) -> None:
    task = asyncio.get_running_loop().create_task(coroutine)
    _background.add(task)
    task.add_done_callback(_background.discard)


def _close_all_unavailable() -> None:
    """Closes this process's sockets with 1013: the channel layer may have lost events for
    them (its receiving failed), and each heals by reconnecting (?after= catches it up)."""
    for consumer in list(_live):
        if not consumer.closing:
            _in_background(consumer.unavailable())


on_receive_restored(_close_all_unavailable)


def _dependency_failed(exc: BaseException, what: str) -> str | None:
    """Logs a failure: once per outage for a dependency (its part returned), else a traceback."""
    part = outages.part_of(exc)
    if part is None:
        logger.error("chat: %s failed", what, exc_info=exc)
    else:
        outages.down(part, exc)
    return part


def _layer_gate() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    gate = _layer_gates.get(loop)
    if gate is None:
        gate = _layer_gates[loop] = asyncio.Semaphore(
            getattr(settings, "CHAT_LAYER_CALLS_AT_ONCE", DEFAULT_LAYER_CALLS_AT_ONCE))
    return gate


def _arrive(session_id: int, user, login_key: str | None, channel_name: str, after: int | None,
            sockets_here: int = 0, login_session=None
            ) -> tuple[RoomAccess, dict[str, Any] | None]:
    """The handshake's access check and, when it passes, everything the socket needs on arrival:
    one database hop per arrival (each hop costs a thread switch and a connection check).
    `sockets_here`: the sockets of this server process in the room, arrived or arriving;
    `login_session`: the socket's login session, read (in this hop) for whether that login
    answered the second factor; the socket keeps the answer as `access.second_factor`."""
    second_factor = (None if login_session is None
                     else session_passed_second_factor(login_session, user))
    access = room_access(session_id=session_id, user=user, login_key=login_key,
                         second_factor=second_factor)
    if not access.allowed:
        return access, None
    # One transaction for the arrival's writes (presence, attendance): one commit to wait for.
    with transaction.atomic():
        return access, _enter_room(access, channel_name, after, sockets_here)


def _enter_room(access: RoomAccess, channel_name: str, after: int | None,
                sockets_here: int = 0) -> dict[str, Any]:
    """Everything a socket needs on arrival (after its access check)."""
    services.room_open(access=access)
    arrived = services.presence_enter(session=access.session, user=access.user,
                                      channel_name=channel_name)
    pages, more = [], True
    while more:
        page, more = selectors.room_history(session=access.session, after=after)
        pages.append(page)
        if after is None or not page:
            break
        after = page[-1]["id"]
    if access.phase == PHASE_OPEN:
        services.attendance_note(access=access)
    state = selectors.room_state(access=access)
    # A join notice goes to every socket in the room's group, and in a crowd most of those are
    # still arriving (and will read this arrival in their own state frame): counted by people
    # present alone, the first 50 arrivals each sent one to all of them (500 sockets at once:
    # 24,000 frames, measured). So a room with many sockets connecting gets the coalesced list.
    present = max(len(state["presence"]), sockets_here)
    announce = (services.presence_announcement(session_id=access.session.pk, present=present)
                if arrived else None)
    return {"announce": announce, "pages": pages, "state": state}


def _recheck(session_id: int, user, login_key: str | None, channel_name: str,
             second_factor: bool | None = None) -> RoomAccess:
    access = room_access(session_id=session_id, user=user, login_key=login_key,
                         second_factor=second_factor)
    if access.allowed:
        services.presence_touch(channel_name=channel_name)
        # A facilitator who came early opens the room when its window begins.
        services.room_open(access=access)
    return access


def _leave_room(session_id: int, user_id: int, channel_name: str) -> str | None:
    if not services.presence_leave(session_id=session_id, user_id=user_id,
                                   channel_name=channel_name):
        return None
    return services.presence_announcement(
        session_id=session_id, present=services.presence_count(session_id=session_id))


async def _leave_room_later(session_id: int, user_id: int, channel_name: str,
                            person: dict[str, Any] | None) -> None:
    """A socket's presence row that could not be deleted as it left (the database was down):
    tried again with backoff for about a minute, then the row's staleness (90 s) takes over."""
    for delay in (1, 2, 4, 8, 16, 32):
        await asyncio.sleep(delay)
        try:
            announce = await database_sync_to_async(_leave_room)(session_id, user_id,
                                                                 channel_name)
        except Exception as exc:
            if outages.part_of(exc) is None:
                logger.error("chat: leaving session %s failed", session_id, exc_info=exc)
                return
            continue
        outages.up(outages.DATABASE)
        if announce == "delta" and person and not outages.is_down(outages.REDIS):
            layer = get_channel_layer()
            with contextlib.suppress(Exception):  # a courtesy, as every presence notice
                await asyncio.wait_for(layer.group_send(events.room_group(session_id), {
                    "type": "chat.frame",
                    "text": frames.dumps({"type": "presence.leave", "person": person})}),
                    layer_timeout())
        return


def _presence_frame(session_id: int) -> dict[str, Any]:
    session = Session.objects.select_related("group").get(pk=session_id)
    return {"type": "presence", "people": selectors.presence_list(session=session)}


def _nesting_depth(value: Any) -> int:
    """How deep lists and objects nest in a parsed frame (walked without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item)
    return deepest


class ChatConsumer(AsyncWebsocketConsumer):
    async def __call__(self, scope, receive, send) -> None:
        """Channels' consumer loop, with `disconnect()` run however it ends.

        Channels calls disconnect() only for a websocket.disconnect event; a consumer that ends
        by an exception skips it. The common case is not an error: a broadcast sent in the gap
        between the client's close frame and its websocket.disconnect makes uvicorn raise
        ClientDisconnected, which it swallows without a log. Without this, such a socket's
        re-check task ran on forever (keeping the consumer alive and touching its presence row:
        a ghost in the room), and its channel stayed in the room's groups for a day, every
        broadcast to them buffered for it in this process (channels_redis's receive_buffer).
        """
        try:
            await super().__call__(scope, receive, send)
        except Exception as exc:  # not CancelledError: a server shutting down, a test's teardown
            part = outages.part_of(exc)
            if part is None:
                if hasattr(self, "closing"):  # connect() ran; disconnect() is safe to repeat
                    await self.disconnect(1006)
                raise
            if not hasattr(self, "closing"):  # before connect(): peersupport.outages' guard
                raise
            # A dependency failed (the handshake's database hop, a frame's): not a bug of
            # ours, so no traceback: one log line per outage, and close with 1013.
            outages.down(part, exc)
            await self.unavailable()
            await self.disconnect(CLOSE_UNAVAILABLE)
        finally:
            # Counted once its leaving is done (the room, the groups, the presence row), so a
            # crowd's memory is released after its last socket's work, not during it.
            memory.sockets_closed()

    async def dispatch(self, message: dict[str, Any]) -> None:
        """Channels' dispatch, without its hop to the database thread (`aclose_old_connections`)
        for the events that need no database: channel-layer events (every broadcast, to every
        socket) and client frames (whose handling closes stale connections itself, in its own
        hop: channels.db.DatabaseSyncToAsync). At 4,000 deliveries a second that hop was 4,000
        thread switches a second through the one database thread. Connects and disconnects
        keep it.
        """
        # Everything said to this socket is in its person's language (chat.i18n): the override
        # lives in this socket's task context and reaches its database hops (asgiref copies the
        # context into the thread), and no other socket sees it.
        with translation.override(self._language()):
            if message["type"] in ("websocket.connect", "websocket.disconnect"):
                await super().dispatch(message)
                return
            handler = getattr(self, get_handler_name(message), None)
            if handler is None:
                raise ValueError(f"No handler for message type {message['type']}")
            await handler(message)

    def _language(self) -> str:
        """The language of the person on this socket, worked out once from the handshake and
        followed when their saved language changes (`_follow_language`)."""
        language = getattr(self, "language", None)
        if language is None:
            language = self.language = socket_language(self.scope)
        return language

    def _follow_language(self, user) -> None:
        """The account as just re-read: a language saved in the profile meanwhile is spoken
        from the next frame on (one saved before the handshake already was)."""
        chosen = getattr(user, "language", "") or ""
        if chosen and chosen != getattr(self, "account_language", ""):
            self.language = socket_language(self.scope, user)
        self.account_language = chosen

    async def connect(self) -> None:
        self.session_id: int = self.scope["url_route"]["kwargs"]["session_id"]
        self.user = self.scope.get("user")
        # The login session the socket came with: its end ends the socket's rights (the
        # access check reads it on every frame; see chat.policies.room_access).
        self.login_key: str | None = getattr(self.scope.get("session"), "session_key", None)
        self.room_group = events.room_group(self.session_id)
        self.mod_group = events.moderators_group(self.session_id)
        self.joined = False  # in the room: arrived, present, not yet left
        self.in_groups: set[str] = set()  # the channel-layer groups to leave, however it ends
        _room_sockets[self.room_group] += 1
        _live.add(self)
        self.counted = True
        self.closing = False
        self.is_moderator = False
        # Whether this login answered the second factor (read at arrival from its session):
        # moderating needs it, not only an authenticator set up (chat.policies.room_access).
        self.second_factor: bool | None = None
        self.history_ids: set[int] = set()
        self.typing_at = 0.0
        self.frames_window_start, self.frames_in_window = time.monotonic(), 0
        self.frame_limit = getattr(settings, "CHAT_SOCKET_FRAME_LIMIT",
                                   DEFAULT_SOCKET_FRAME_LIMIT)
        self.recheck_task: asyncio.Task | None = None
        # The last positive check of the session's rules (skips re-reading them per frame).
        self.rules_key: tuple | None = None

        # Accepted even when refused: browsers only see a close code on an accepted socket.
        await self.accept()
        if self.user is None or not self.user.is_authenticated:
            access = room_access(session_id=self.session_id, user=self.user)  # no query
            await self._lose_access(access)
            return
        # Join the room and personal groups before reading history, so no message falls between
        # the two. Nothing reaches this socket before the access check below: channel-layer
        # events are dispatched only after connect() returns, and a refused socket is closing
        # (its handlers drop every event) and leaves the groups at once.
        user_group = user_group_name(self.user.pk)
        after, after_error = self._after_from_query()
        try:
            await self._join(self.room_group, user_group)
            access, arrival = await self._in_database(_arrive)(
                self.session_id, self.user, self.login_key, self.channel_name, after,
                _room_sockets[self.room_group], self.scope.get("session"))
        except Exception as exc:
            if not await self._refuse_on_outage(exc):
                raise
            return
        if arrival is None:
            await self._lose_access(access)
            await self._leave(self.room_group, user_group)
            return
        self.joined = True  # from here on, disconnect() leaves the room properly
        outages.up(outages.DATABASE)
        self.user = access.user
        self._follow_language(access.user)
        self.rules_key = access.rules_key
        self.second_factor = access.second_factor
        self.group_id = access.session.group_id
        self.person = frames.person(access.membership, access.session.group)
        self.is_moderator = access.is_moderator
        if self.is_moderator:
            await self._join(self.mod_group)
        pages = arrival["pages"]
        for number, page in enumerate(pages):
            await self._send_frame({"type": "history", "messages": page,
                                    "more": number < len(pages) - 1})
        self.history_ids = {m["id"] for m in pages[-1][-HISTORY_DEDUPE_IDS:]}
        await self._send_frame(arrival["state"])
        if after_error:  # after history and state, so history stays the first frame
            await self._send_frame(frames.error("invalid", after_error))
        if arrival["state"]["room"]["phase"] == PHASE_LOBBY:
            await self._send_frame({"type": "lobby", "detail": gettext(
                "Welcome. The room opens when a facilitator arrives; you can read until then.")})
        await self._announce(arrival["announce"], "presence.join")
        self.recheck_task = asyncio.create_task(self._recheck_loop())

    def _after_from_query(self) -> tuple[int | None, str]:
        query = self.scope.get("query_string", b"").decode("latin-1")
        for pair in query.split("&"):
            name, _, value = pair.partition("=")
            if name == "after":
                if value.isdigit() and len(value) <= 18:
                    return int(value), ""
                return None, gettext("`after` must be a message id; here are the latest "
                                     "messages.")
        return None, ""

    async def disconnect(self, code: int) -> None:
        self.closing = True
        if getattr(self, "counted", False):
            self.counted = False
            _room_sockets[self.room_group] -= 1
            if _room_sockets[self.room_group] <= 0:
                del _room_sockets[self.room_group]
        if self.recheck_task is not None:
            # Let go of the task as it is cancelled: once done it holds its CancelledError, whose
            # traceback holds _recheck_loop's frame, whose `self` is this consumer. Kept, that
            # cycle took the whole socket (consumer, scope, session, user, the server's protocol
            # objects: ~90 objects) past reference counting to the cyclic collector's rare full
            # collections, so a crowd's memory stayed allocated long after it left.
            task, self.recheck_task = self.recheck_task, None
            task.cancel()
        # Each step of leaving is done even if another failed (a dependency may be why the
        # socket ended): the presence row first (what people see) and its notice, then the
        # groups.
        joined, self.joined = self.joined, False
        if joined:
            await self._announce(await self._leave_presence(), "presence.leave")
        if self.in_groups:
            await self._leave_quietly(*self.in_groups)

    async def _leave_presence(self) -> str | None:
        try:
            return await self._in_database(_leave_room)(self.session_id, self.user.pk,
                                                         self.channel_name)
        except Exception as exc:
            _dependency_failed(exc, f"leaving session {self.session_id}")
            # Retried in the background (not tied to this consumer, which is freed now), so the
            # person is not shown "here now" for the 90 s until the row would go stale.
            _in_background(_leave_room_later(self.session_id, self.user.pk, self.channel_name,
                                              getattr(self, "person", None)))
            return None

    async def _leave_quietly(self, *groups: str) -> None:
        """Leaves channel-layer groups; when Redis is down, its `group_expiry` drops them."""
        if outages.is_down(outages.REDIS):
            self.in_groups.difference_update(groups)
            return
        try:
            await self._leave(*groups)
        except Exception as exc:
            self.in_groups.difference_update(groups)
            _dependency_failed(exc, "leaving channel-layer groups")

    async def _refuse_on_outage(self, exc: BaseException) -> bool:
        """A dependency outage met by the arrival or a frame: one log line per outage, the
        `unavailable` frame and close 1013, here and now (not through the consumer's end by
        exception, whose cancelling of the channel-layer receive has been seen to hang).
        False when `exc` is not an outage (a bug: the caller re-raises it)."""
        part = outages.part_of(exc)
        if part is None:
            return False
        outages.down(part, exc)
        await self.unavailable()
        return True

    async def unavailable(self) -> None:
        """A dependency failed this socket: say so, and close with 1013 (the client reconnects
        with backoff and catches up; docs/realtime.md)."""
        if self.closing:
            return
        self.closing = True  # one goodbye, and the handlers drop every event from now on
        with contextlib.suppress(Exception):  # the client may be gone already
            # Also called from outside this socket's task (a Redis outage closes them all).
            with translation.override(self._language()):
                detail = gettext("The chat is briefly unavailable. Reconnecting; your messages "
                                 "are kept.")
            await self._send_frame(frames.error("unavailable", detail,
                                                retry_after=UNAVAILABLE_RETRY_AFTER))
        with contextlib.suppress(Exception):
            await self.close(code=CLOSE_UNAVAILABLE)

    # --- Frames from the client --------------------------------------------------------------

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.closing or not self.joined:
            return
        if self._flooding():
            await self._send_frame(frames.error(
                "rate_limited", gettext("Too many frames at once; slow down a little."),
                retry_after=self.frame_limit[1]))
            return
        frame = self._parse(text_data)
        if isinstance(frame, str):
            await self._send_frame(frames.error("invalid", frame))
            return
        if frame["type"] == "typing":
            now = time.monotonic()
            if now - self.typing_at < TYPING_EVERY_SECONDS:
                return
            self.typing_at = now
        try:
            outcome = await self._in_database(handle_frame)(
                session_id=self.session_id, user=self.user, frame=frame,
                accepted_rules_key=self.rules_key, login_key=self.login_key,
                second_factor=self.second_factor)
        except Exception as exc:
            if not await self._refuse_on_outage(exc):
                raise
            return
        self.rules_key = outcome.access.rules_key
        self._follow_language(outcome.access.user)
        for reply in outcome.replies:
            await self._send_frame(reply)
        if outcome.close_code is not None:
            await self._close(outcome.close_code)
            return
        await self._follow_role(outcome.access)
        if outcome.typing:
            await self._broadcast_ephemeral({"type": "typing", "person": self.person})

    def _flooding(self) -> bool:
        """Any frame counts (typing, checks, hands...): a socket can't flood the room or the
        database. Messages also have the per-person limits shared by all sockets."""
        limit, window = self.frame_limit
        now = time.monotonic()
        if now - self.frames_window_start >= window:
            self.frames_window_start, self.frames_in_window = now, 0
        self.frames_in_window += 1
        return self.frames_in_window > limit

    def _parse(self, text_data: str | None) -> dict[str, Any] | str:
        if text_data is None:
            return gettext("Frames are JSON text.")
        if len(text_data) > MAX_FRAME_BYTES:
            return gettext("That frame is too large.")
        try:
            frame = json.loads(text_data)
        except ValueError:
            return gettext("Frames are JSON text.")
        except RecursionError:  # nested deeper than the parser's stack, under the size cap
            return gettext("That frame is nested too deeply.")
        if _nesting_depth(frame) > MAX_FRAME_DEPTH:
            return gettext("That frame is nested too deeply.")
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            return gettext("Each frame is a JSON object with a \"type\".")
        if frame["type"] not in FRAME_TYPES:
            return gettext("Unknown frame type %(type)r.") % {"type": frame["type"][:40]}
        return frame

    # --- Events from the channel layer -------------------------------------------------------

    async def chat_frame(self, event: dict[str, Any]) -> None:
        if self.closing or event.get("exclude") == self.channel_name:
            return
        if event.get("message_id") in self.history_ids:
            return  # already sent in the history frame
        await self.send(text_data=self._text_of(event))
        if event.get("notice") == events.NOTICE_ROOM_OPENED:
            await self._note_attendance()
        elif event.get("notice") == events.NOTICE_ROOM_CLOSED:
            await self._close(CLOSE_GONE)

    async def chat_private(self, event: dict[str, Any]) -> None:
        if not self.closing and event.get("session_id") == self.session_id:
            await self.send(text_data=self._text_of(event))

    async def chat_kick(self, event: dict[str, Any]) -> None:
        if self.closing:
            return
        if event.get("session_id") == self.session_id or event.get("group_id") == self.group_id:
            await self.send(text_data=self._text_of(event))
            await self._close(event["code"])

    async def user_disconnect(self, event: dict[str, Any]) -> None:
        """Sent by accounts on logout and deactivation."""
        if self.closing:
            return
        await self._send_frame(frames.error("signed_out",
                                            gettext("You signed out, so the chat closed.")))
        await self._close(CLOSE_SIGNED_OUT)

    async def realtime_resync(self, event: dict[str, Any]) -> None:
        """After a Redis outage: an event for this socket's room or person could not be sent.
        The socket closes with 1013; its client reconnects and catches up (?after=)."""
        await self.unavailable()

    async def access_recheck(self, event: dict[str, Any]) -> None:
        """Any app may ask: something about this person's access changed."""
        if not self.closing:
            await self._recheck()

    # --- Helpers -----------------------------------------------------------------------------

    def _text_of(self, event: dict[str, Any]) -> str:
        """An event's frame in this socket's language, when it was made in each (chat.i18n)."""
        texts = event.get("texts")
        if texts:
            return texts.get(self._language(), event["text"])
        return event["text"]

    async def _join(self, *groups: str) -> None:
        """Joins (or, for groups already joined, refreshes) channel-layer groups; each call
        bounded. While Redis is known to be down it fails at once (no wait for a timeout)."""
        async with _layer_gate():
            for group in groups:
                if outages.is_down(outages.REDIS):
                    raise ConnectionError("the channel layer's Redis is down")
                self.in_groups.add(group)
                async with asyncio.timeout(layer_timeout()):
                    await self.channel_layer.group_add(group, self.channel_name)

    async def _leave(self, *groups: str) -> None:
        async with _layer_gate():
            for group in groups:
                self.in_groups.discard(group)
                async with asyncio.timeout(layer_timeout()):
                    await self.channel_layer.group_discard(group, self.channel_name)

    def _in_database(self, func):
        """`func` in the database thread; what it commits is broadcast by this event loop, so
        the database thread never waits for Redis (peersupport.realtime)."""
        return database_sync_to_async(sends_from_loop(func, asyncio.get_running_loop()))

    async def _recheck_loop(self) -> None:
        interval = getattr(settings, "CHAT_ACCESS_RECHECK_SECONDS", 30)
        while not self.closing:
            # Jittered, so a room that filled at once doesn't re-check all at once.
            await asyncio.sleep(interval * random.uniform(0.8, 1.2))
            try:
                await self._recheck()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # one failed check (a database blip) must not end the loop
                _dependency_failed(exc, f"access re-check for session {self.session_id}")
                continue
            if self.closing:
                return
            try:
                # Re-adding refreshes the channel's time in its groups, so only the channels of
                # a dead process expire from them (channels_redis's `group_expiry`).
                await self._join(*self.in_groups)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the next round refreshes them (expiry: minutes)
                _dependency_failed(exc, "refreshing channel-layer groups")

    async def _recheck(self) -> None:
        # The re-check loop runs as a task of its own: in the language of now, not of its start.
        with translation.override(self._language()):
            access = await self._in_database(_recheck)(self.session_id, self.user,
                                                       self.login_key, self.channel_name,
                                                       self.second_factor)
        self.rules_key = access.rules_key
        self._follow_language(access.user)
        if not access.allowed:
            with translation.override(self._language()):
                await self._lose_access(access)
        else:
            await self._follow_role(access)

    async def _follow_role(self, access: RoomAccess) -> None:
        """A member made facilitator (or stepping down) joins (or leaves) the moderators group."""
        if access.is_moderator == self.is_moderator:
            return
        self.is_moderator = access.is_moderator
        if access.is_moderator:
            await self._join(self.mod_group)
        else:
            await self._leave(self.mod_group)

    async def _note_attendance(self) -> None:
        access = await self._in_database(room_access)(session_id=self.session_id,
                                                           user=self.user,
                                                           login_key=self.login_key)
        if access.allowed:
            await self._in_database(services.attendance_note)(access=access)

    async def _lose_access(self, access: RoomAccess) -> None:
        await self._send_frame(frames.error(access.error_code, access.detail,
                                            **lost_access_extra(access)))
        await self._close(access.close_code)

    async def _close(self, code: int) -> None:
        if self.closing:
            return
        self.closing = True
        await self.close(code=code)

    async def _send_frame(self, frame: dict[str, Any]) -> None:
        await self.send(text_data=frames.dumps(frame))

    async def _announce(self, how: str | None, delta_type: str) -> None:
        if how == "delta":
            await self._broadcast_ephemeral({"type": delta_type, "person": self.person})
        elif how == "list":
            # Not tied to this socket: the list goes out even if it closes meanwhile.
            asyncio.get_running_loop().create_task(self._send_presence_list())

    async def _send_presence_list(self) -> None:
        await asyncio.sleep(getattr(settings, "CHAT_PRESENCE_COALESCE_SECONDS", 2))
        try:
            frame = await self._in_database(_presence_frame)(self.session_id)
            await self.channel_layer.group_send(self.room_group, {
                "type": "chat.frame", "text": frames.dumps(frame)})
        except Exception as exc:  # presence is a courtesy; a failure must not surface anywhere
            _dependency_failed(exc, f"presence list for session {self.session_id}")

    async def _broadcast_ephemeral(self, frame: dict[str, Any]) -> None:
        """Typing and presence: to the others in the room, now (nothing stored to wait for)."""
        if outages.is_down(outages.REDIS):
            return  # an ephemeral notice may be lost; no wait on a Redis known to be down
        try:
            async with asyncio.timeout(layer_timeout()):
                await self.channel_layer.group_send(self.room_group, {
                    "type": "chat.frame", "text": frames.dumps(frame),
                    "exclude": self.channel_name})
        except Exception as exc:  # an ephemeral notice may be lost; the socket must stay up
            _dependency_failed(exc, f"ephemeral broadcast for session {self.session_id}")
