"""Channel-layer groups of the chat and the events services send to them, after commit.

Recipients are decided here and in the services (a security decision): the room group reaches
everyone in a room, the moderators group only the group's facilitators in it, and the per-user
group only that person's own sockets.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext

from chat import frames
from chat.i18n import in_each_language
from peersupport.realtime import send_to_group_on_commit, send_to_user_on_commit


def room_group(session_id: int) -> str:
    return f"chat_{session_id}"


def moderators_group(session_id: int) -> str:
    return f"chat_{session_id}_mod"


# A frame, or a function that builds it: called once per site language, for a frame with words
# in it (a `detail`), so each socket gets it in its person's language (chat.i18n).
FrameOrBuilder = dict[str, Any] | Callable[[], dict[str, Any]]


def _encoded(frame: FrameOrBuilder) -> dict[str, Any]:
    """The event fields carrying a frame: `text`, and `texts` by language for a builder."""
    if callable(frame):
        return {"text": frames.dumps(frame()), "texts": in_each_language(frame, frames.dumps)}
    return {"text": frames.dumps(frame)}


def to_room(*, session_id: int, frame: FrameOrBuilder, message_id: int | None = None,
            notice: str | None = None) -> None:
    """Broadcasts a frame to everyone in the room once the transaction commits.

    The frame is encoded once here, so fan-out costs each socket a send, not an encode.
    `notice` asks each socket to act too (e.g. record attendance when the room opens).
    """
    event: dict[str, Any] = {"type": "chat.frame", **_encoded(frame)}
    if message_id is not None:
        event["message_id"] = message_id
    if notice is not None:
        event["notice"] = notice
    send_to_group_on_commit(group=room_group(session_id), event=event)


def to_moderators(*, session_id: int, frame: FrameOrBuilder) -> None:
    send_to_group_on_commit(group=moderators_group(session_id),
                            event={"type": "chat.frame", **_encoded(frame)})


def to_person(*, user_id: int, session_id: int, frame: FrameOrBuilder) -> None:
    """A private frame to one person's sockets in this room (their other rooms ignore it)."""
    send_to_user_on_commit(user_id=user_id, event={
        "type": "chat.private", "session_id": session_id, **_encoded(frame)})


def close_person(*, user_id: int, frame: FrameOrBuilder, code: int,
                 session_id: int | None = None, group_id: int | None = None) -> None:
    """Sends a last frame to a person's sockets in one room (or every room of a group), then
    closes them with `code`."""
    send_to_user_on_commit(user_id=user_id, event={
        "type": "chat.kick", "session_id": session_id, "group_id": group_id, "code": code,
        **_encoded(frame)})


# What each socket of a closed room does after its last frame (see ChatConsumer.chat_frame).
NOTICE_ROOM_OPENED = "room.opened"
NOTICE_ROOM_CLOSED = "room.closed"


def room_closed(*, session_id: int, detail: Callable[[], str]) -> None:
    """Tells everyone in the room (lobby included) that the session will not take place, and
    closes their sockets: the last frame says why, so nobody waits for a re-check to find out.
    `detail` makes the text in the active language (called once per language)."""
    to_room(session_id=session_id, frame=lambda: {"type": "room.closed", "detail": detail()},
            notice=NOTICE_ROOM_CLOSED)


def room_closed_unattended(*, session_id: int) -> None:
    room_closed(session_id=session_id, detail=lambda: gettext(
        "No facilitator could join this session, so it is closed. "
        "We are sorry; please look out for the next one."))


def room_closed_cancelled(*, session_id: int) -> None:
    room_closed(session_id=session_id, detail=lambda: gettext(
        "This session was cancelled, so its chat is closed."))
