"""Channel-layer groups of the chat and the events services send to them, after commit.

Recipients are decided here and in the services (a security decision): the room group reaches
everyone in a room, the moderators group only the group's facilitators in it, and the per-user
group only that person's own sockets.
"""

from typing import Any

from django.utils.translation import gettext

from chat import frames
from peersupport.realtime import send_to_group_on_commit, send_to_user_on_commit


def room_group(session_id: int) -> str:
    return f"chat_{session_id}"


def moderators_group(session_id: int) -> str:
    return f"chat_{session_id}_mod"


def to_room(*, session_id: int, frame: dict[str, Any], message_id: int | None = None,
            notice: str | None = None) -> None:
    """Broadcasts a frame to everyone in the room once the transaction commits.

    The frame is encoded once here, so fan-out costs each socket a send, not an encode.
    `notice` asks each socket to act too (e.g. record attendance when the room opens).
    """
    event: dict[str, Any] = {"type": "chat.frame", "text": frames.dumps(frame)}
    if message_id is not None:
        event["message_id"] = message_id
    if notice is not None:
        event["notice"] = notice
    send_to_group_on_commit(group=room_group(session_id), event=event)


def to_moderators(*, session_id: int, frame: dict[str, Any]) -> None:
    send_to_group_on_commit(group=moderators_group(session_id),
                            event={"type": "chat.frame", "text": frames.dumps(frame)})


def to_person(*, user_id: int, session_id: int, frame: dict[str, Any]) -> None:
    """A private frame to one person's sockets in this room (their other rooms ignore it)."""
    send_to_user_on_commit(user_id=user_id, event={
        "type": "chat.private", "session_id": session_id, "text": frames.dumps(frame)})


def close_person(*, user_id: int, frame: dict[str, Any], code: int,
                 session_id: int | None = None, group_id: int | None = None) -> None:
    """Sends a last frame to a person's sockets in one room (or every room of a group), then
    closes them with `code`."""
    send_to_user_on_commit(user_id=user_id, event={
        "type": "chat.kick", "session_id": session_id, "group_id": group_id, "code": code,
        "text": frames.dumps(frame)})


# What each socket of a closed room does after its last frame (see ChatConsumer.chat_frame).
NOTICE_ROOM_OPENED = "room.opened"
NOTICE_ROOM_CLOSED = "room.closed"


def room_closed(*, session_id: int, detail: str) -> None:
    """Tells everyone in the room (lobby included) that the session will not take place, and
    closes their sockets: the last frame says why, so nobody waits for a re-check to find out."""
    to_room(session_id=session_id, frame={"type": "room.closed", "detail": detail},
            notice=NOTICE_ROOM_CLOSED)


def room_closed_unattended(*, session_id: int) -> None:
    room_closed(session_id=session_id, detail=gettext(
        "No facilitator could join this session, so it is closed. "
        "We are sorry; please look out for the next one."))


def room_closed_cancelled(*, session_id: int) -> None:
    room_closed(session_id=session_id, detail=gettext(
        "This session was cancelled, so its chat is closed."))
