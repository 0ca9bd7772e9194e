"""Posting, checking and flagging messages. The caller has checked `room_access` for the person.

A message is stored first and broadcast only after the transaction commits; the database is the
record, the channel layer a best-effort notice.
"""

import re
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, ngettext

from chat import events, filters, frames, ratelimit
from chat.models import OTHER_RULE, Flag, Message
from chat.policies import PHASE_LOBBY, PHASE_NOT_OPEN, PHASE_OPEN, RoomAccess
from chat.selectors import holder_id_of, numbered_rules, people_by_user
from chat.services.errors import ChatRefusal
from peersupport import listening
from peersupport.compiled import CompiledQuery
from sessions.models import Session

MAX_LENGTH = 2000
REASON_MAX = 500
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# C0 control characters other than tab and newline (PostgreSQL refuses NUL in text).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# Both run for every message; compiled once (see peersupport.compiled).
_stored_retry = CompiledQuery(
    lambda session_id, author_id, client_id: Message.objects.filter(
        session_id=session_id, author_id=author_id, client_id=client_id).order_by()[:1],
    session_id=int, author_id=int, client_id=str)
_room_writer_lock = CompiledQuery(
    lambda session_id: Session.objects.select_for_update().filter(pk=session_id).only("pk")
    .order_by()[:1],
    session_id=int)


def body_clean(body: Any) -> str:
    if not isinstance(body, str):
        raise ChatRefusal("invalid", gettext("A message must be text."))
    body = CONTROL.sub("", body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise ChatRefusal("invalid", gettext("Write something before sending."))
    if len(body) > MAX_LENGTH:
        raise ChatRefusal("too_long", gettext(
            "Please keep a message under %(max)d characters (this one has %(count)d).")
            % {"max": MAX_LENGTH, "count": len(body)}, max_length=MAX_LENGTH)
    return body


def _check_may_post(access: RoomAccess) -> None:
    """The room's state allows this person to post now (facilitators pass lock, lobby, circle)."""
    phase = access.phase
    if phase == PHASE_NOT_OPEN:
        raise ChatRefusal("room_closed",
                          gettext("The chat opens shortly before the session starts."))
    if phase not in (PHASE_OPEN, PHASE_LOBBY):
        raise ChatRefusal("room_closed",
                          gettext("This session has ended; its chat is read-only now."))
    mute = access.mute
    if mute is not None:
        until = mute.until.isoformat() if mute.until else None
        raise ChatRefusal("muted", gettext("A facilitator muted you for a while: %(reason)s")
                          % {"reason": mute.reason},
                          until=until, reason=mute.reason)
    if access.is_moderator:
        return
    if phase == PHASE_LOBBY:
        raise ChatRefusal("lobby", gettext("The room opens when a facilitator arrives."))
    session = access.session
    if session.chat_locked:
        raise ChatRefusal("room_locked",
                          gettext("A facilitator has paused the conversation for now."))
    if session.talking_piece and holder_id_of(session=session) != access.user.pk:
        raise ChatRefusal("not_your_turn", gettext("It's someone else's turn to speak. Raise "
                                                   "your hand to join the queue."))


def message_post(*, access: RoomAccess, body: Any, client_id: Any
                 ) -> tuple[dict[str, Any], bool]:
    """Stores a message and broadcasts it after commit. Returns (message frame, created).

    The same `client_id` from the same person in the same room never stores a second message:
    the original comes back with created False (to be sent to the sender only).
    """
    if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
        raise ChatRefusal("invalid", gettext("Each message needs a client_id (1-64 letters, "
                                             "digits, '-' or '_')."))
    body = body_clean(body)
    session, user = access.session, access.user
    author = frames.person(access.membership, session.group)
    existing = _stored_retry.first(session_id=session.pk, author_id=user.pk, client_id=client_id)
    if existing is not None:
        return frames.message(existing, author), False
    _check_may_post(access)
    if filters.is_blocked(body):
        raise ChatRefusal("blocked", gettext("This message contains words that aren't allowed "
                                             "here. Please rephrase it with respect."),
                          client_id=client_id)
    wait = ratelimit.message_allowance(session_id=session.pk, user_id=user.pk)
    if wait is None and not access.is_moderator:
        seconds = session.slow_mode_seconds
        slow = ratelimit.slow_mode_wait(session_id=session.pk, user_id=user.pk, seconds=seconds)
        if slow is not None:
            raise ChatRefusal("slow_mode", ngettext(
                "Slow mode is on: one message every %(seconds)d second.",
                "Slow mode is on: one message every %(seconds)d seconds.",
                seconds) % {"seconds": seconds}, retry_after=slow)
    if wait is not None:
        raise ChatRefusal("rate_limited", gettext("You're sending messages very quickly. Take "
                                                  "a breath and try again in a moment."),
                          retry_after=wait)
    distress = filters.looks_like_distress(body)
    with transaction.atomic():
        # One writer per room at a time: ids then grow in commit order within a room, so a
        # client resuming with ?after=<last id> can't miss a message committed late.
        _room_writer_lock.first(session_id=session.pk)
        try:
            with transaction.atomic():
                msg = Message.objects.create(session=session, author=user, body=body,
                                             client_id=client_id)
        except IntegrityError:  # the same retry, racing on another socket
            original = Message.objects.get(session=session, author=user, client_id=client_id)
            return frames.message(original, author), False
        frame = frames.message(msg, author)
        events.to_room(session_id=session.pk, frame=frame, message_id=msg.pk)
        if distress:
            _offer_support(access, msg, author)
    return frame, True


def _offer_support(access: RoomAccess, msg: Message, author: dict[str, Any]) -> None:
    """Privately: resources to the sender, an alert to the group's facilitators in the room."""
    from support.selectors import support_resources

    resources = [{
        "title": r.title, "kind": r.kind, "url": r.url, "phone": r.phone,
        "phone_href": r.phone_href, "country": r.country,
    } for r in support_resources()]
    # Both built in each language: every socket takes its person's (chat.i18n).
    events.to_person(user_id=access.user.pk, session_id=msg.session_id, frame=lambda: {
        "type": "support",
        "detail": gettext("It sounds like things are really hard right now. You don't have to "
                          "face this alone: these people can help, any time."),
        "resources": resources,
        "support_url": _url("support:index"),
    })
    events.to_moderators(session_id=msg.session_id, frame=lambda: {
        "type": "alert", "kind": "distress", "message_id": msg.pk, "person": author,
        "detail": gettext("%(name)s may be in distress. Consider checking in with them "
                          "privately.") % {"name": author["name"]},
        "queue_url": None,
    })


def _url(name: str, *args: Any) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# The listening pitfalls the chat nudges about, and the ground rule each one points to. Turning to
# one's own story and reassurance are not nudged here: in a circle, speaking from one's own
# experience is a ground rule of its own.
NUDGED_PITFALLS = {
    "advice": "no_unsolicited_advice",
    "judgement": "listen_without_judgement",
    "minimising": "listen_without_judgement",
    "why_question": "listen_without_judgement",
}


def message_check(*, access: RoomAccess, body: Any) -> dict[str, Any] | None:
    """The pre-send nudge: a reminder of a ground rule when a draft sounds like advice or blame.

    The listening analyzer (peersupport.listening, the same one the training uses) speaks first,
    naming the words, why they can land badly and what to try; then the organisation's own nudge
    phrases (admin word list), unless the analyzer read those very words as a listening move
    ("you should feel proud" praises). Advice only; the member may still send.
    """
    if not isinstance(body, str):
        raise ChatRefusal("invalid", gettext("A message must be text."))
    body = body[:MAX_LENGTH]
    feedback = listening.analyse(body)
    note = next((n for n in feedback.notes if n.code in NUDGED_PITFALLS), None)
    if note is not None:
        rule_key = NUDGED_PITFALLS[note.code]
        detail = gettext("“%(span)s”: %(why)s You can still send it.") % {
            "span": note.span, "why": note.why}
        return {"detail": detail, "rule": _rule(access, rule_key), **note.as_json()}
    found = filters.nudge_for(body)
    if found is None:
        return None
    phrase, rule_key = found
    if any(n.kind == "move" and phrase.casefold() in n.span.casefold() for n in feedback.notes):
        return None
    detail = gettext("“%(phrase)s” can sound like advice or blame. Does your message keep to the "
                     "ground rules? You can still send it.") % {"phrase": phrase}
    return {"detail": detail, "rule": _rule(access, rule_key), "code": None, "span": phrase,
            "why": None, "try": None}


def _rule(access: RoomAccess, rule_key: str) -> dict[str, Any] | None:
    return next((r for r in numbered_rules(session=access.session) if r["key"] == rule_key),
                None)


def flag_create(*, access: RoomAccess, message_id: Any, rule: Any, reason: Any = "") -> Flag:
    """A person flags a message as breaking a posted rule (by index) or "other" with a reason.

    The facilitators are alerted; nobody, facilitators included, is told who flagged.
    """
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise ChatRefusal("invalid", gettext("Say which message you are flagging."))
    reason = reason if isinstance(reason, str) else ""
    reason = CONTROL.sub("", reason).strip()
    if len(reason) > REASON_MAX:
        raise ChatRefusal("invalid", gettext(
            "Please keep the reason under %(max)d characters.") % {"max": REASON_MAX})
    session = access.session
    msg = Message.objects.filter(session=session, pk=message_id, hidden_at=None).first()
    if msg is None:
        raise ChatRefusal("not_found", gettext("That message is not in this room any more."))
    if msg.author_id == access.user.pk:
        raise ChatRefusal("invalid", gettext("You can't flag your own message."))
    if rule == OTHER_RULE:
        if not reason:
            raise ChatRefusal("invalid", gettext("Say briefly what the problem is."))
        rule_key, rule_text = OTHER_RULE, ""
    else:
        rules = numbered_rules(session=session)
        if not isinstance(rule, int) or isinstance(rule, bool) or not 0 <= rule < len(rules):
            raise ChatRefusal("invalid",
                              gettext("Choose one of the posted ground rules, or “other”."))
        rule_key, rule_text = rules[rule]["key"], rules[rule]["text"]
    try:
        with transaction.atomic():
            flag = Flag.objects.create(message=msg, reporter=access.user, rule_key=rule_key,
                                       rule_text=rule_text, reason=reason)
            # The author's name goes to the facilitators, never the reporter's.
            author = people_by_user(group=session.group, user_ids=[msg.author_id]).get(
                msg.author_id)
            events.to_moderators(session_id=session.pk, frame=lambda: {
                "type": "alert", "kind": "flag", "message_id": msg.pk, "person": author,
                "detail": gettext("A message was flagged: %(why)s") % {
                    "why": rule_text or reason},
                "queue_url": _url("chat:moderation_queue", session.group.slug),
            })
    except IntegrityError as exc:
        raise ChatRefusal("already_flagged", gettext(
            "You have already flagged this message; the facilitators will look at it.")) from exc
    return flag
