"""What each client frame does, run synchronously in one database hop per frame.

The consumer passes every frame here; access is checked first, every time (a member removed or
muted a moment ago can do nothing more), then the frame's service is called.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_lazy

from activities.live import FRAME_HANDLERS as ACTIVITY_HANDLERS
from chat import frames, selectors, services
from chat.policies import RoomAccess, room_access
from chat.services import ChatRefusal
from training.realtime import PRACTICE_HANDLERS

MODERATOR_ONLY = gettext_lazy("Only the group's facilitators can do that.")


@dataclass
class Outcome:
    access: RoomAccess
    replies: list[dict[str, Any]] = field(default_factory=list)
    close_code: int | None = None
    typing: bool = False


def _int(frame: dict, name: str) -> Any:
    value = frame.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _message(access: RoomAccess, frame: dict) -> list[dict]:
    message_frame, created = services.message_post(access=access, body=frame.get("body"),
                                                   client_id=frame.get("client_id"))
    # A new message reaches the sender with the broadcast; a retry gets the original back.
    return [] if created else [message_frame]


def _check(access: RoomAccess, frame: dict) -> list[dict]:
    nudge = services.message_check(access=access, body=frame.get("body"))
    return [{"type": "check", "ref": frame.get("ref"), "nudge": nudge}]


def _flag(access: RoomAccess, frame: dict) -> list[dict]:
    flag = services.flag_create(access=access, message_id=frame.get("message_id"),
                                rule=frame.get("rule"), reason=frame.get("reason", ""))
    return [{"type": "flagged", "message_id": flag.message_id,
             "detail": gettext("Thank you. The facilitators will look at it; nobody will be "
                               "told who flagged it.")}]


def _state(access: RoomAccess, frame: dict) -> list[dict]:
    return [selectors.room_state(access=access)]


def _ping(access: RoomAccess, frame: dict) -> list[dict]:
    return [{"type": "pong"}]


def _hand_raise(access: RoomAccess, frame: dict) -> list[dict]:
    services.hand_raise(access=access)
    return []


def _hand_lower(access: RoomAccess, frame: dict) -> list[dict]:
    services.hand_lower(access=access)
    return []


def _turn_release(access: RoomAccess, frame: dict) -> list[dict]:
    if not services.turn_release(access=access):
        raise ChatRefusal("invalid", gettext("You don't hold the talking piece."))
    return []


def _target(access: RoomAccess, frame: dict):
    return services.moderation_target(session=access.session, by=access.user,
                                      member_id=frame.get("member_id"))


def _mod_hide(access: RoomAccess, frame: dict) -> list[dict]:
    services.message_hide(session=access.session, by=access.user,
                          message_id=frame.get("message_id"), reason=frame.get("reason"))
    return []


def _mod_mute(access: RoomAccess, frame: dict) -> list[dict]:
    services.member_mute(session=access.session, by=access.user, target=_target(access, frame),
                         minutes=frame.get("minutes"), reason=frame.get("reason"))
    return []


def _mod_unmute(access: RoomAccess, frame: dict) -> list[dict]:
    if not services.member_unmute(session=access.session, by=access.user,
                                  target=_target(access, frame)):
        raise ChatRefusal("invalid", gettext("That person is not muted."))
    return []


def _mod_remove(access: RoomAccess, frame: dict) -> list[dict]:
    services.member_remove(session=access.session, by=access.user,
                           target=_target(access, frame), reason=frame.get("reason"))
    return []


def _mod_ban(access: RoomAccess, frame: dict) -> list[dict]:
    services.member_ban(session=access.session, by=access.user, target=_target(access, frame),
                        reason=frame.get("reason"), days=frame.get("days"))
    return []


def _mod_lock(access: RoomAccess, frame: dict) -> list[dict]:
    services.room_lock_set(session=access.session, by=access.user, locked=True,
                           reason=frame.get("reason", ""))
    return []


def _mod_unlock(access: RoomAccess, frame: dict) -> list[dict]:
    services.room_lock_set(session=access.session, by=access.user, locked=False)
    return []


def _mod_slow_mode(access: RoomAccess, frame: dict) -> list[dict]:
    services.room_slow_mode_set(session=access.session, by=access.user,
                                seconds=frame.get("seconds"))
    return []


def _mod_circle(access: RoomAccess, frame: dict) -> list[dict]:
    services.circle_set(session=access.session, by=access.user, enabled=frame.get("enabled"))
    return []


def _mod_pass_turn(access: RoomAccess, frame: dict) -> list[dict]:
    target = None if frame.get("member_id") is None else _target(access, frame)
    services.turn_pass(session=access.session, by=access.user, target=target)
    return []


HANDLERS: dict[str, Callable[[RoomAccess, dict], list[dict]]] = {
    "message": _message,
    "check": _check,
    "flag": _flag,
    "state": _state,
    "ping": _ping,
    "hand.raise": _hand_raise,
    "hand.lower": _hand_lower,
    "turn.release": _turn_release,
    "mod.hide": _mod_hide,
    "mod.mute": _mod_mute,
    "mod.unmute": _mod_unmute,
    "mod.remove": _mod_remove,
    "mod.ban": _mod_ban,
    "mod.lock": _mod_lock,
    "mod.unlock": _mod_unlock,
    "mod.slow_mode": _mod_slow_mode,
    "mod.circle": _mod_circle,
    "mod.pass_turn": _mod_pass_turn,
    **ACTIVITY_HANDLERS,  # activity.* (activities/live.py)
    **PRACTICE_HANDLERS,  # listening practice in triads (training/realtime.py)
}
FRAME_TYPES = frozenset([*HANDLERS, "typing"])


def handle_frame(*, session_id: int, user, frame: dict[str, Any],
                 accepted_rules_key: tuple | None = None, login_key: str | None = None,
                 second_factor: bool | None = None) -> Outcome:
    """Checks access, then runs the frame. Refusals become `error` frames for this socket.

    `accepted_rules_key`: the socket's last positive rules check; `login_key`: its login
    session (see `chat.policies.room_access`)."""
    kind = frame["type"]
    access = room_access(session_id=session_id, user=user, accepted_rules_key=accepted_rules_key,
                         login_key=login_key, second_factor=second_factor)
    if not access.allowed:
        return Outcome(access=access, close_code=access.close_code,
                       replies=[frames.error(access.error_code, access.detail,
                                             **lost_access_extra(access))])
    if kind == "typing":
        return Outcome(access=access, typing=True)
    if kind.startswith("mod.") and not access.is_moderator:
        return Outcome(access=access, replies=[frames.error("forbidden", str(MODERATOR_ONLY))])
    try:
        return Outcome(access=access, replies=HANDLERS[kind](access, frame))
    except ChatRefusal as refusal:
        extra = dict(refusal.extra)
        if kind == "message" and isinstance(frame.get("client_id"), str):
            extra.setdefault("client_id", frame["client_id"])
        return Outcome(access=access, close_code=refusal.close_code,
                       replies=[frames.error(refusal.code, refusal.detail, **extra)])


def lost_access_extra(access: RoomAccess) -> dict[str, Any]:
    """Extra fields of the error frame sent before a socket closes for lost access."""
    if access.error_code == "rules_not_accepted" and access.session is not None:
        try:
            accept = reverse("sessions:accept_rules", args=[access.session.pk])
            room = reverse("chat:room", args=[access.session.pk])
        except NoReverseMatch:
            return {}
        return {"accept_url": f"{accept}?{urlencode({'next': room})}"}
    return {}
