"""Moderator actions in a session's room. The caller checked that `by` moderates the group.

Every action is written to the audit log (ModerationAction) and broadcast after commit, so all
clients update at once. Sanctions are scoped to one session's room (mute, remove) or one group
(ban), carry a reason the person sees, and timed ones lift by themselves.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from chat import events, frames
from chat.models import Flag, Message, ModerationAction, RoomSanction
from chat.policies import CLOSE_GONE
from chat.services.errors import ChatRefusal
from chat.services.messages import CONTROL, REASON_MAX
from groups.models import Membership
from sessions.models import Session

MUTE_MAX_MINUTES = 24 * 60
SLOW_MODE_MAX_SECONDS = 3600


def reason_clean(reason: Any, *, required: bool = True) -> str:
    reason = CONTROL.sub("", reason).strip() if isinstance(reason, str) else ""
    if required and not reason:
        raise ChatRefusal("invalid", gettext("Give a reason; the person concerned will see it."))
    if len(reason) > REASON_MAX:
        raise ChatRefusal("invalid", gettext(
            "Please keep the reason under %(max)d characters.") % {"max": REASON_MAX})
    return reason


def _audit(*, session: Session, by, action: str, target_user_id: int | None = None,
           message_id: int | None = None, reason: str = "", **details: Any) -> ModerationAction:
    return ModerationAction.objects.create(
        group_id=session.group_id, session=session, actor=by, action=action,
        target_user_id=target_user_id, message_id_ref=message_id, reason=reason, details=details)


def moderation_target(*, session: Session, by, member_id: Any) -> Membership:
    """The active member a moderator acts on. Never a facilitator, never oneself."""
    if not isinstance(member_id, int) or isinstance(member_id, bool):
        raise ChatRefusal("invalid", gettext("Say which member (member_id)."))
    target = (Membership.objects.select_related("user", "group")
              .filter(pk=member_id, group_id=session.group_id,
                      status=Membership.Status.ACTIVE).first())
    if target is None:
        raise ChatRefusal("not_found", gettext("That person is not a member of this group."))
    if target.user_id == by.pk:
        raise ChatRefusal("forbidden", gettext("You can't do that to yourself."))
    if target.role == Membership.Role.FACILITATOR:
        raise ChatRefusal("forbidden",
                          gettext("Facilitators can't be sanctioned from the chat."))
    return target


def message_hide(*, session: Session, by, message_id: Any, reason: Any) -> Message:
    """Hides a message for everyone; its author is told why. Open flags on it are closed."""
    reason = reason_clean(reason)
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise ChatRefusal("invalid", gettext("Say which message to hide."))
    now = timezone.now()
    with transaction.atomic():
        msg = Message.objects.filter(session=session, pk=message_id).first()
        if msg is None:
            raise ChatRefusal("not_found", gettext("That message is not in this room."))
        hidden = Message.objects.filter(pk=msg.pk, hidden_at=None).update(hidden_at=now,
                                                                          hidden_by=by)
        Flag.objects.filter(message=msg, status=Flag.Status.OPEN).update(
            status=Flag.Status.ACTIONED, resolved_at=now, resolved_by=by)
        if not hidden:  # already hidden: nothing more to say to anyone
            return msg
        _audit(session=session, by=by, action=ModerationAction.Action.HIDE,
               target_user_id=msg.author_id, message_id=msg.pk, reason=reason)
        events.to_room(session_id=session.pk,
                       frame={"type": "message.hidden", "message_id": msg.pk})
        # Built in each language: the author's sockets each take their own (chat.i18n).
        events.to_person(user_id=msg.author_id, session_id=session.pk, frame=lambda: (
            frames.sanction("message_hidden", reason=reason, detail=gettext(
                "A facilitator hid one of your messages: %(reason)s") % {"reason": reason})))
    msg.hidden_at = now
    return msg


def member_mute(*, session: Session, by, target: Membership, minutes: Any,
                reason: Any) -> RoomSanction:
    """Mutes a member in this room for N minutes (replacing a mute they already had)."""
    reason = reason_clean(reason)
    if (not isinstance(minutes, int) or isinstance(minutes, bool)
            or not 1 <= minutes <= MUTE_MAX_MINUTES):
        raise ChatRefusal("invalid", gettext("Mute for 1 to %(max)d minutes.")
                          % {"max": MUTE_MAX_MINUTES})
    now = timezone.now()
    until = now + dt.timedelta(minutes=minutes)
    with transaction.atomic():
        RoomSanction.objects.filter(session=session, user_id=target.user_id, lifted_at=None,
                                    kind=RoomSanction.Kind.MUTE).update(lifted_at=now,
                                                                        lifted_by=by)
        sanction = RoomSanction.objects.create(session=session, user_id=target.user_id,
                                               kind=RoomSanction.Kind.MUTE, reason=reason,
                                               until=until, created_by=by)
        _audit(session=session, by=by, action=ModerationAction.Action.MUTE,
               target_user_id=target.user_id, reason=reason, minutes=minutes)
        events.to_room(session_id=session.pk, frame={
            "type": "member.muted", "person": frames.person(target, session.group),
            "until": until.isoformat()})
        events.to_person(user_id=target.user_id, session_id=session.pk, frame=lambda: (
            frames.sanction("muted", reason=reason, until=until, detail=ngettext(
                "A facilitator muted you for %(minutes)d minute: %(reason)s",
                "A facilitator muted you for %(minutes)d minutes: %(reason)s",
                minutes) % {"minutes": minutes, "reason": reason})))
    return sanction


def member_unmute(*, session: Session, by, target: Membership) -> int:
    now = timezone.now()
    with transaction.atomic():
        lifted = RoomSanction.objects.filter(session=session, user_id=target.user_id,
                                             lifted_at=None, kind=RoomSanction.Kind.MUTE,
                                             until__gt=now).update(lifted_at=now, lifted_by=by)
        if lifted:
            _audit(session=session, by=by, action=ModerationAction.Action.UNMUTE,
                   target_user_id=target.user_id)
            events.to_room(session_id=session.pk, frame={
                "type": "member.unmuted", "person": frames.person(target, session.group)})
            events.to_person(user_id=target.user_id, session_id=session.pk,
                             frame=lambda: frames.sanction(
                                 "unmuted", reason="", detail=gettext("You can post again.")))
    return lifted


def member_remove(*, session: Session, by, target: Membership, reason: Any) -> RoomSanction:
    """Removes a member from this session's room for the rest of the session."""
    reason = reason_clean(reason)
    with transaction.atomic():
        sanction = RoomSanction.objects.create(session=session, user_id=target.user_id,
                                               kind=RoomSanction.Kind.REMOVE, reason=reason,
                                               created_by=by)
        _audit(session=session, by=by, action=ModerationAction.Action.REMOVE,
               target_user_id=target.user_id, reason=reason)
        _drop_from_talking_piece(session, target.user_id)
        events.to_room(session_id=session.pk, frame={
            "type": "member.removed", "person": frames.person(target, session.group),
            "scope": "session"})
        events.close_person(
            user_id=target.user_id, session_id=session.pk, code=CLOSE_GONE,
            frame=lambda: frames.sanction("removed", reason=reason, detail=gettext(
                "A facilitator removed you from this session's chat: %(reason)s")
                % {"reason": reason}))
    return sanction


def member_ban(*, session: Session, by, target: Membership, reason: Any,
               days: Any = None) -> None:
    """Removes a member from the whole group (for good, or blocked from rejoining for N days),
    through the groups app, and closes their sockets in every room of the group."""
    from groups.services import membership_remove

    reason = reason_clean(reason)
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
        raise ChatRefusal("invalid", gettext("Block for a whole number of days, or leave it "
                                             "empty for good."))
    with transaction.atomic():
        try:
            membership_remove(group=session.group, by=by, membership=target, reason=reason,
                              block_days=days, ban=days is None)
        except ValidationError as exc:
            raise ChatRefusal("invalid", " ".join(exc.messages)) from exc
        _audit(session=session, by=by, action=ModerationAction.Action.BAN,
               target_user_id=target.user_id, reason=reason, days=days)
        _drop_from_talking_piece(session, target.user_id)
        events.to_room(session_id=session.pk, frame={
            "type": "member.removed", "person": frames.person(target, session.group),
            "scope": "group"})
        events.close_person(
            user_id=target.user_id, group_id=session.group_id, code=CLOSE_GONE,
            frame=lambda: frames.sanction("banned", reason=reason, detail=gettext(
                "A facilitator removed you from the group “%(group)s”: %(reason)s")
                % {"group": session.group.name, "reason": reason}))


def room_lock_set(*, session: Session, by, locked: bool, reason: Any = "") -> bool:
    """Locks (read-only for members) or unlocks the room. False when it already was so."""
    reason = reason_clean(reason, required=False)
    with transaction.atomic():
        changed = Session.objects.filter(pk=session.pk, chat_locked=not locked).update(
            chat_locked=locked)
        if changed:
            _audit(session=session, by=by, reason=reason, action=(
                ModerationAction.Action.LOCK if locked else ModerationAction.Action.UNLOCK))
            frame = {"type": "room.locked" if locked else "room.unlocked"}
            if reason:
                frame["reason"] = reason
            events.to_room(session_id=session.pk, frame=frame)
    session.chat_locked = locked
    return bool(changed)


def room_slow_mode_set(*, session: Session, by, seconds: Any) -> None:
    if (not isinstance(seconds, int) or isinstance(seconds, bool)
            or not 0 <= seconds <= SLOW_MODE_MAX_SECONDS):
        raise ChatRefusal("invalid", gettext("Slow mode takes 0 (off) to %(max)d seconds.")
                          % {"max": SLOW_MODE_MAX_SECONDS})
    with transaction.atomic():
        Session.objects.filter(pk=session.pk).update(slow_mode_seconds=seconds)
        _audit(session=session, by=by, action=ModerationAction.Action.SLOW_MODE,
               seconds=seconds)
        events.to_room(session_id=session.pk, frame={"type": "room.slow_mode",
                                                     "seconds": seconds})
    session.slow_mode_seconds = seconds


def flag_dismiss(*, flag: Flag, by) -> bool:
    """The facilitator looked and found nothing to act on."""
    with transaction.atomic():
        done = Flag.objects.filter(pk=flag.pk, status=Flag.Status.OPEN).update(
            status=Flag.Status.DISMISSED, resolved_at=timezone.now(), resolved_by=by)
        if done:
            session = flag.message.session
            _audit(session=session, by=by, action=ModerationAction.Action.DISMISS_FLAG,
                   message_id=flag.message_id, flag_id=flag.pk)
    return bool(done)


def flags_action(*, message: Message, by) -> int:
    """Marks the open flags of a message as acted upon (after a mute or a removal)."""
    return Flag.objects.filter(message=message, status=Flag.Status.OPEN).update(
        status=Flag.Status.ACTIONED, resolved_at=timezone.now(), resolved_by=by)


def _drop_from_talking_piece(session: Session, user_id: int) -> None:
    from chat.services.room import talking_piece_forget

    talking_piece_forget(session=session, user_id=user_id)


FLAG_ACTIONS = ("hide", "dismiss", "mute", "remove")


def flag_act(*, flag: Flag, by, action: str, reason: str = "", minutes: int | None = None
             ) -> None:
    """The moderation queue's actions on a flagged message: hide it, dismiss the flag, or mute
    or remove its author from that session's room. Every open flag on the message is settled."""
    if action not in FLAG_ACTIONS:
        raise ChatRefusal("invalid", gettext("Choose hide, dismiss, mute or remove."))
    message = flag.message
    session = message.session
    if action == "dismiss":
        with transaction.atomic():
            for open_flag in Flag.objects.filter(message=message, status=Flag.Status.OPEN):
                open_flag.message = message
                flag_dismiss(flag=open_flag, by=by)
        return
    if action == "hide":
        message_hide(session=session, by=by, message_id=message.pk, reason=reason)
        return
    author = Membership.objects.filter(group_id=session.group_id,
                                       user_id=message.author_id).first()
    member_id = author.pk if author else None
    with transaction.atomic():
        target = moderation_target(session=session, by=by, member_id=member_id)
        if action == "mute":
            member_mute(session=session, by=by, target=target, minutes=minutes, reason=reason)
        else:
            member_remove(session=session, by=by, target=target, reason=reason)
        flags_action(message=message, by=by)
