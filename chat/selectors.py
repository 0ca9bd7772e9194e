"""Reads of the chat. Callers have checked access (chat.policies) before asking."""

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import DateTimeField, Q, QuerySet, Value
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from accounts.models import User
from chat import frames
from chat.models import (
    Flag,
    Message,
    ModerationAction,
    Presence,
    RaisedHand,
    RoomSanction,
    TalkingPiece,
)
from chat.policies import RoomAccess, room_window
from groups.models import Group, Membership
from groups.rules import rule_text
from peersupport.compiled import CompiledQuery
from sessions.models import Session
from sessions.selectors import session_rules

HISTORY_LATEST = 100
HISTORY_PAGE = 500
PRESENCE_STALE_AFTER = dt.timedelta(seconds=90)


def people_by_user(*, group: Group, user_ids) -> dict[int, dict[str, Any]]:
    """Person frames (member id, in-group name) for these accounts, in one query (none for no
    accounts: an empty history or talking piece, on every arrival)."""
    user_ids = set(user_ids)
    if not user_ids:
        return {}
    memberships = Membership.objects.select_related("user").filter(group=group,
                                                                   user_id__in=user_ids)
    return {m.user_id: frames.person(m, group) for m in memberships}


def _message_frames(session: Session, messages: list[Message]) -> list[dict[str, Any]]:
    people = people_by_user(group=session.group, user_ids=[m.author_id for m in messages])
    unknown = {"id": None, "name": gettext("Former member"), "pronouns": "",
               "facilitator": False}
    return [frames.message(m, people.get(m.author_id, unknown)) for m in messages]


def _latest_query(session_id: int) -> QuerySet[Message]:
    return (Message.objects.filter(session_id=session_id, hidden_at=None)
            .order_by("-id")[:HISTORY_LATEST])


def _page_query(session_id: int, after: int) -> QuerySet[Message]:
    return (Message.objects.filter(session_id=session_id, hidden_at=None, id__gt=after)
            .order_by("id")[:HISTORY_PAGE + 1])


# Every arrival reads one of these (peersupport.compiled).
_latest = CompiledQuery(_latest_query, session_id=int)
_page = CompiledQuery(_page_query, session_id=int, after=int)


def room_history(*, session: Session, after: int | None = None
                 ) -> tuple[list[dict[str, Any]], bool]:
    """Visible messages, oldest first: those after `after` (one page of up to `HISTORY_PAGE`,
    and whether more follow), or the latest `HISTORY_LATEST` when `after` is None."""
    if after is None:
        messages = _latest.objects(session_id=session.pk)[::-1]
        return _message_frames(session, messages), False
    messages = _page.objects(session_id=session.pk, after=after)
    more = len(messages) > HISTORY_PAGE
    return _message_frames(session, messages[:HISTORY_PAGE]), more


def message_in_room(*, session: Session, message_id: int) -> Message | None:
    return Message.objects.filter(session=session, pk=message_id).first()


def _people_present(session: Session) -> list[dict[str, Any]]:
    """Person frames of everyone with a live socket, from one join read as plain values (a big
    room fills with hundreds of arrivals, each of which reads this list)."""
    fresh = timezone.now() - PRESENCE_STALE_AFTER
    present = Presence.objects.filter(session=session, seen_at__gte=fresh).values("user_id")
    rows = (Membership.objects.filter(group_id=session.group_id, user_id__in=present)
            .values_list("pk", "role", "status", "pseudonym", "pseudonym_pronouns",
                         "user__display_name", "user__email", "user__pronouns",
                         "user__show_pronouns"))
    group = session.group
    people = []
    for (pk, role, status, pseudonym, pseudonym_pronouns, display_name, email, pronouns,
         show_pronouns) in rows:
        # The same facts frames.person reads, on unsaved instances (no second query).
        membership = Membership(pk=pk, role=role, status=status, pseudonym=pseudonym,
                                pseudonym_pronouns=pseudonym_pronouns,
                                user=User(display_name=display_name, email=email,
                                          pronouns=pronouns, show_pronouns=show_pronouns))
        people.append(frames.person(membership, group))
    return sorted(people, key=lambda p: p["name"].casefold())


# Rooms above the presence delta limit hear about arrivals through a coalesced `presence` list
# anyway, so the list in their `state` frames may be up to this old (per server process).
_PRESENCE_REUSE_SECONDS = 1.0
_presence_reused: dict[int, tuple[float, list[dict[str, Any]]]] = {}


def presence_list(*, session: Session, reuse: bool = False) -> list[dict[str, Any]]:
    """Who is in the room now (people with a live socket), by in-group name.

    `reuse`: a list read less than a second ago may do, in rooms so big that their presence
    updates are coalesced (`CHAT_PRESENCE_DELTA_LIMIT`); smaller rooms always read it fresh.
    """
    now = time.monotonic()
    if reuse:
        reused = _presence_reused.get(session.pk)
        if reused is not None and now - reused[0] < _PRESENCE_REUSE_SECONDS:
            return reused[1]
    people = _people_present(session)
    if len(people) > getattr(settings, "CHAT_PRESENCE_DELTA_LIMIT", 50):
        for stale in [k for k, (at, _) in _presence_reused.items()
                      if now - at >= _PRESENCE_REUSE_SECONDS]:
            _presence_reused.pop(stale, None)
        _presence_reused[session.pk] = (now, people)
    else:
        _presence_reused.pop(session.pk, None)
    return people


def _talking_piece_query(session_id: int) -> QuerySet:
    """One query for both: the holder's row, then the raised hands."""
    holder = (TalkingPiece.objects.filter(session_id=session_id, holder__isnull=False)
              .values_list(Value(0), Value(None, output_field=DateTimeField()), Value(0),
                           "holder_id"))
    hands = (RaisedHand.objects.filter(session_id=session_id).order_by()
             .values_list(Value(1), "raised_at", "id", "user_id"))
    return holder.union(hands, all=True)


# Every arrival reads this (peersupport.compiled).
_talking_piece = CompiledQuery(_talking_piece_query, session_id=int)


def talking_piece(*, session: Session) -> dict[str, Any]:
    """The talking-piece frame: circle mode, the holder and the raised hands in order."""
    rows = _talking_piece.rows(session_id=session.pk)
    holder_id = next((user_id for kind, _, _, user_id in rows if kind == 0), None)
    queue = sorted((raised_at, pk, user_id) for kind, raised_at, pk, user_id in rows if kind == 1)
    queue_ids = [user_id for _, _, user_id in queue]  # RaisedHand's order: raised_at, id
    people = people_by_user(group=session.group,
                            user_ids=[*queue_ids, *([holder_id] if holder_id else [])])
    return {
        "type": "talking_piece",
        "circle": session.talking_piece,
        "holder": people.get(holder_id) if holder_id else None,
        "queue": [people[uid] for uid in queue_ids if uid in people],
    }


def holder_id_of(*, session: Session) -> int | None:
    return TalkingPiece.objects.filter(session=session).values_list("holder_id", flat=True).first()


def numbered_rules(*, session: Session) -> list[dict[str, Any]]:
    """The posted rules (group + session) with the index a flag refers to."""
    return [{"index": i, "key": rule["key"], "text": rule["text"]}
            for i, rule in enumerate(session_rules(session=session))]


def room_state(*, access: RoomAccess) -> dict[str, Any]:
    """The `state` frame for the person whose access this is."""
    from activities.live import activity_state  # activities builds on chat

    session = access.session
    opens_at, closes_at = room_window(session)
    mute = access.mute
    piece = talking_piece(session=session)
    return {
        "type": "state",
        "you": frames.person(access.membership, session.group),
        "room": {
            "phase": access.phase,
            "opens_at": opens_at.isoformat(),
            "closes_at": closes_at.isoformat(),
            "locked": session.chat_locked,
            "slow_mode_seconds": session.slow_mode_seconds,
        },
        "talking_piece": {k: v for k, v in piece.items() if k != "type"},
        "presence": presence_list(session=session, reuse=True),
        "sanction": ({"kind": "muted", "until": mute.until.isoformat() if mute.until else None,
                      "reason": mute.reason} if mute else None),
        # A default rule in the reader's language (a flag stores the posted text, not this).
        "rules": [{**rule, "text": rule_text(rule)} for rule in numbered_rules(session=session)],
        "limits": {"max_length": Message._meta.get_field("body").max_length},
        "activity": activity_state(session=session),  # activities/live.py
    }


def active_mutes(*, session: Session) -> QuerySet[RoomSanction]:
    return RoomSanction.objects.filter(
        Q(until=None) | Q(until__gt=timezone.now()), session=session,
        kind=RoomSanction.Kind.MUTE, lifted_at=None)


# --- Moderation queue -------------------------------------------------------------------------


@dataclass
class FlagReview:
    flag: Flag
    message: dict[str, Any]
    context_before: list[dict[str, Any]]
    context_after: list[dict[str, Any]]
    hidden: bool
    flag_count: int

    @property
    def rule_text(self) -> str:
        """The flagged rule as the reader reads it (a default rule in their language)."""
        return rule_text({"key": self.flag.rule_key, "text": self.flag.rule_text or ""})


def open_flags_for_group(*, group: Group, context: int = 2) -> list[FlagReview]:
    """Open flags of the group's sessions, oldest first, each with the messages around it.

    The reporter is deliberately not part of what this returns.
    """
    flags = list(Flag.objects.filter(status=Flag.Status.OPEN, message__session__group=group)
                 .select_related("message", "message__session", "message__session__group")
                 .order_by("created_at"))
    reviews = []
    counts: dict[int, int] = {}
    for flag in flags:
        counts[flag.message_id] = counts.get(flag.message_id, 0) + 1
    for flag in flags:
        msg = flag.message
        before = list(Message.objects.filter(session_id=msg.session_id, id__lt=msg.pk)
                      .order_by("-id")[:context])[::-1]
        after = list(Message.objects.filter(session_id=msg.session_id, id__gt=msg.pk)
                     .order_by("id")[:context])
        around = [*before, msg, *after]
        rendered = _message_frames(msg.session, around)
        # A facilitator reading the context must see which of it the room no longer sees.
        for frame, message in zip(rendered, around, strict=True):
            frame["hidden"] = message.is_hidden
        reviews.append(FlagReview(
            flag=flag, message=rendered[len(before)],
            context_before=rendered[:len(before)], context_after=rendered[len(before) + 1:],
            hidden=msg.is_hidden, flag_count=counts[flag.message_id]))
    return reviews


@dataclass
class ActionLine:
    action: ModerationAction
    actor: str
    target: str

    @property
    def what(self) -> str:
        """The action in words, with the value it set ("Set slow mode: one message every 30
        seconds"), so the log says what the room was like, not only that something changed."""
        action, details = self.action, self.action.details or {}
        kinds = ModerationAction.Action
        if action.action == kinds.SLOW_MODE and isinstance(details.get("seconds"), int):
            seconds = details["seconds"]
            if seconds == 0:
                return gettext("Turned slow mode off")
            return ngettext("Set slow mode: one message every %(n)d second",
                            "Set slow mode: one message every %(n)d seconds",
                            seconds) % {"n": seconds}
        if action.action == kinds.CIRCLE and isinstance(details.get("enabled"), bool):
            return (gettext("Started circle mode") if details["enabled"]
                    else gettext("Ended circle mode"))
        if action.action == kinds.MUTE and isinstance(details.get("minutes"), int):
            return ngettext("Muted a member for %(n)d minute", "Muted a member for %(n)d minutes",
                            details["minutes"]) % {"n": details["minutes"]}
        if action.action == kinds.BAN and isinstance(details.get("days"), int):
            return ngettext("Removed a member from the group for %(n)d day",
                            "Removed a member from the group for %(n)d days",
                            details["days"]) % {"n": details["days"]}
        return action.get_action_display()


def recent_actions_for_group(*, group: Group, limit: int = 20) -> list[ActionLine]:
    """The latest moderation actions of the group (the audit log), names as the group knows
    them."""
    actions = list(ModerationAction.objects.filter(group=group).select_related("session")
                   .order_by("-created_at")[:limit])
    people = people_by_user(group=group, user_ids={
        uid for a in actions for uid in (a.actor_id, a.target_user_id) if uid})

    def name(user_id: int | None) -> str:
        return people[user_id]["name"] if user_id in people else ""

    return [ActionLine(action=a, actor=name(a.actor_id), target=name(a.target_user_id))
            for a in actions]
