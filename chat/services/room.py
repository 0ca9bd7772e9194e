"""The room itself: opening it, presence, and the talking piece.

Presence rows are per socket; `seen_at` is refreshed while a socket lives so rows left behind by
a crashed server process stop counting after a minute and a half.
"""

import datetime as dt
import math
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from chat import events
from chat.models import ModerationAction, Presence, RaisedHand, TalkingPiece
from chat.policies import PHASE_LOBBY, RoomAccess
from chat.selectors import PRESENCE_STALE_AFTER, talking_piece
from chat.services.errors import ChatRefusal
from chat.shared_cache import REDIS_ERRORS, chat_cache, redis_available, redis_failed
from groups.models import Membership
from peersupport.compiled import CompiledQuery
from sessions import services as session_services
from sessions.models import Session


def room_open(*, access: RoomAccess) -> bool:
    """A facilitator arrived: the lobby opens (once). True when this call opened it."""
    session = access.session
    if not access.is_moderator or access.phase != PHASE_LOBBY:
        return False
    now = timezone.now()
    with transaction.atomic():
        opened = Session.objects.filter(pk=session.pk, facilitator_joined_at=None).update(
            facilitator_joined_at=now)
        if opened:
            ModerationAction.objects.create(group_id=session.group_id, session=session,
                                            actor=access.user,
                                            action=ModerationAction.Action.OPEN_ROOM)
            events.to_room(session_id=session.pk, frame={"type": "room.opened"},
                           notice=events.NOTICE_ROOM_OPENED)
    if opened:
        session.facilitator_joined_at = now
    return bool(opened)


def attendance_note(*, access: RoomAccess) -> None:
    """Being in the open room is attending the session."""
    session_services.attendance_note(session=access.session, user=access.user, source="chat")


def _other_socket_query(session_id: int, user_id: int, channel_name: str,
                        fresh: dt.datetime) -> QuerySet[Presence]:
    return (Presence.objects.filter(session_id=session_id, user_id=user_id, seen_at__gte=fresh)
            .exclude(channel_name=channel_name).order_by().values_list("pk")[:1])


# Every arrival asks (peersupport.compiled).
_other_socket = CompiledQuery(_other_socket_query, session_id=int, user_id=int, channel_name=str,
                              fresh=dt.datetime)


def presence_enter(*, session: Session, user, channel_name: str) -> bool:
    """Records a socket in the room. True when it is the person's only live one (they arrived)."""
    now = timezone.now()
    # Channel names are unique per socket, so this is always a new row.
    Presence.objects.create(session=session, user=user, channel_name=channel_name,
                            connected_at=now, seen_at=now)
    return not _other_socket.rows(session_id=session.pk, user_id=user.pk,
                                  channel_name=channel_name, fresh=now - PRESENCE_STALE_AFTER)


def presence_leave(*, session_id: int, user_id: int, channel_name: str) -> bool:
    """Forgets a socket. True when the person has no live socket left in the room."""
    Presence.objects.filter(channel_name=channel_name).delete()
    fresh = timezone.now() - PRESENCE_STALE_AFTER
    return not Presence.objects.filter(session_id=session_id, user_id=user_id,
                                       seen_at__gte=fresh).exists()


def presence_announcement(*, session_id: int, present: int) -> str | None:
    """How to tell the room that someone arrived or left.

    Small rooms (the circles this is made for) get a `presence.join`/`presence.leave` at once.
    In a room with more than `CHAT_PRESENCE_DELTA_LIMIT` people, one arrival per person would cost
    n² frames when everyone arrives together, so the room instead gets one full `presence` list
    at most every `CHAT_PRESENCE_COALESCE_SECONDS`: "delta", "list" (this socket sends it, after
    the pause) or None (another socket already will).
    """
    if present <= getattr(settings, "CHAT_PRESENCE_DELTA_LIMIT", 50):
        return "delta"
    pause = getattr(settings, "CHAT_PRESENCE_COALESCE_SECONDS", 2)
    # Whole seconds: Redis keeps no key for a fraction of a second.
    timeout = max(1, math.ceil(pause))
    if not redis_available():  # Redis down: the room's list waits for the next arrival
        return None
    try:
        return ("list" if chat_cache().add(f"chat:presence:{session_id}", 1, timeout=timeout)
                else None)
    except REDIS_ERRORS as exc:
        redis_failed(exc)
        return None


def presence_count(*, session_id: int) -> int:
    fresh = timezone.now() - PRESENCE_STALE_AFTER
    return (Presence.objects.filter(session_id=session_id, seen_at__gte=fresh)
            .values("user_id").distinct().count())


def presence_touch(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def _broadcast_talking_piece(session: Session) -> None:
    events.to_room(session_id=session.pk, frame=talking_piece(session=session))


def hand_raise(*, access: RoomAccess) -> bool:
    session = access.session
    if TalkingPiece.objects.filter(session=session, holder=access.user).exists():
        raise ChatRefusal("invalid", gettext("You already hold the talking piece."))
    try:
        with transaction.atomic():
            RaisedHand.objects.create(session=session, user=access.user)
            _broadcast_talking_piece(session)
    except IntegrityError:
        return False
    return True


def hand_lower(*, access: RoomAccess) -> bool:
    with transaction.atomic():
        deleted, _ = RaisedHand.objects.filter(session=access.session, user=access.user).delete()
        if deleted:
            _broadcast_talking_piece(access.session)
    return bool(deleted)


def turn_release(*, access: RoomAccess) -> bool:
    """The holder gives the talking piece back (everyone has the right to pass)."""
    with transaction.atomic():
        released = TalkingPiece.objects.filter(session=access.session,
                                               holder=access.user).update(holder=None)
        if released:
            _broadcast_talking_piece(access.session)
    return bool(released)


def turn_pass(*, session: Session, by, target: Membership | None) -> dict[str, Any]:
    """A facilitator passes the talking piece: to a member, or (None) to the first raised hand;
    with no hand raised the turn simply ends."""
    with transaction.atomic():
        TalkingPiece.objects.get_or_create(session=session)
        piece = TalkingPiece.objects.select_for_update().get(session=session)
        if target is not None:
            holder_id = target.user_id
        else:
            first = RaisedHand.objects.filter(session=session).order_by("raised_at", "id").first()
            holder_id = first.user_id if first else None
        if holder_id is not None:
            RaisedHand.objects.filter(session=session, user_id=holder_id).delete()
        piece.holder_id = holder_id
        piece.save(update_fields=["holder", "updated_at"])
        ModerationAction.objects.create(group_id=session.group_id, session=session, actor=by,
                                        action=ModerationAction.Action.PASS_TURN,
                                        target_user_id=holder_id)
        _broadcast_talking_piece(session)
    return talking_piece(session=session)


def circle_set(*, session: Session, by, enabled: Any) -> None:
    """Circle mode on/off: while on, only the holder of the talking piece (and facilitators)
    may post."""
    if not isinstance(enabled, bool):
        raise ChatRefusal("invalid",
                          gettext("Say whether circle mode is on (enabled: true/false)."))
    with transaction.atomic():
        Session.objects.filter(pk=session.pk).update(talking_piece=enabled)
        session.talking_piece = enabled
        ModerationAction.objects.create(group_id=session.group_id, session=session, actor=by,
                                        action=ModerationAction.Action.CIRCLE,
                                        details={"enabled": enabled})
        _broadcast_talking_piece(session)


def talking_piece_forget(*, session: Session, user_id: int) -> None:
    """Someone left for good (removed, banned): out of the queue, and the piece back if held."""
    lowered, _ = RaisedHand.objects.filter(session=session, user_id=user_id).delete()
    released = TalkingPiece.objects.filter(session=session, holder_id=user_id).update(
        holder=None)
    if lowered or released:
        _broadcast_talking_piece(session)
