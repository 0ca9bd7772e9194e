"""Live listening practice in triads, inside a "Listening practice" session's chat room.

Frame handlers (registered in chat.handlers' table) and the services behind them. A breakout
needs no channel-layer group of its own: its frames go privately to each of its people's
sockets in the room (`chat.events.to_person`) and to the session's facilitators
(`chat.events.to_moderators`), after commit, chosen here. So breakout text is seen only by its
two or three people and the facilitators, never by the rest of the room, and never stored in the
room's history. The observer's checklist goes to the listener alone. People appear as their
membership id and in-group name (pseudonyms hold), as everywhere in the chat.

Human texts (refusals' `detail`, the checklist's thank-you) are in the language of the socket's
person: each handler runs inside `in_language_of(access.user)`. The breakout's distress alert
goes to every facilitator's socket at once, so it speaks the facilitators' language when they
share one (else the site's). Role and move names travel as codes; the page names them.

Frames: docs/realtime.md ("Listening practice").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chat import events, filters, frames
from chat.models import Presence, RoomSanction
from chat.policies import PHASE_OPEN, RoomAccess
from chat.selectors import PRESENCE_STALE_AFTER
from chat.services import ChatRefusal
from chat.services.messages import CLIENT_ID, body_clean
from groups.models import Membership
from peersupport.i18n import in_language_of, language_of
from peersupport.listening import MOVES
from sessions.models import Session
from training.models import (
    Breakout,
    BreakoutMessage,
    BreakoutSeat,
    ObserverChecklist,
    PracticeRound,
)

Role = BreakoutSeat.Role
DEFAULT_MINUTES = 8
MAX_MINUTES = 30
TRY_NEXT_MAX = 300
# A round whose timer ran out this long ago ends by itself when the next one starts.
OVERRUN = dt.timedelta(minutes=2)
# Roles in seat order; each round every seat moves on by one (rotation).
TRIAD_ROLES = (Role.SPEAKER, Role.LISTENER, Role.OBSERVER)
PAIR_ROLES = (Role.SPEAKER, Role.LISTENER)


def split_sizes(count: int) -> list[int]:
    """Breakouts of three; pairs when the count does not divide (1 person: no breakout)."""
    if count < 2:
        return []
    if count == 4:
        return [2, 2]
    triads, rest = divmod(count, 3)
    if rest == 0:
        return [3] * triads
    if rest == 2:
        return [3] * triads + [2]
    return [3] * (triads - 1) + [2, 2]  # rest 1: one triad becomes two pairs


def roles_for(size: int, round_number: int) -> list[str]:
    """The role of each seat in a breakout of `size` in round `round_number` (1-based)."""
    roles = TRIAD_ROLES if size == 3 else PAIR_ROLES
    shift = (round_number - 1) % len(roles)
    return [roles[(seat - shift) % len(roles)] for seat in range(size)]


def _check_practice_session(access: RoomAccess) -> Session:
    session = access.session
    if session.kind != Session.Kind.LISTENING_PRACTICE:
        raise ChatRefusal("invalid", _("Practice rounds run only in a Listening practice "
                                       "session."))
    if access.phase != PHASE_OPEN:
        raise ChatRefusal("room_closed", _("The room is not open."))
    return session


def _check_facilitator(access: RoomAccess) -> None:
    if not access.is_moderator:
        raise ChatRefusal("forbidden", _("Only the group's facilitators can do that."))


def _present_members(session: Session) -> list[Membership]:
    """Members (not facilitators) with a live socket in the room, in a stable order."""
    fresh = timezone.now() - PRESENCE_STALE_AFTER
    present = Presence.objects.filter(session=session, seen_at__gte=fresh).values("user_id")
    return list(Membership.objects.filter(group_id=session.group_id,
                                          status=Membership.Status.ACTIVE,
                                          role=Membership.Role.MEMBER, user_id__in=present)
                .select_related("user").order_by("pk"))


def current_round(session: Session) -> PracticeRound | None:
    return (PracticeRound.objects.filter(session=session, ended_at=None)
            .order_by("-number").first())


def _seat_frames(breakout: Breakout, group) -> list[dict[str, Any]]:
    return [{**frames.person(seat.membership, group), "role": seat.role}
            for seat in breakout.seats.select_related("membership__user").order_by("pk")]


def round_start(*, access: RoomAccess, minutes: Any = None) -> PracticeRound:
    """The facilitator starts a round: the members present split into breakouts; each person
    learns their breakout, role and the shared end time; the facilitators see every breakout."""
    _check_facilitator(access)
    session = _check_practice_session(access)
    if minutes is None:
        minutes = DEFAULT_MINUTES
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= MAX_MINUTES:
        raise ChatRefusal("invalid", _("A round lasts 1 to %(n)d minutes.") % {"n": MAX_MINUTES})
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()
        running = current_round(session)
        if running is not None and running.ends_at + OVERRUN < timezone.now():
            # Its timer ran out long ago and nobody ended it: end it now, as the facilitator
            # would have.
            _end_round(running)
        elif running is not None:
            raise ChatRefusal("invalid", _("A round is already running. End it first."))
        people = _present_members(session)
        sizes = split_sizes(len(people))
        if not sizes:
            raise ChatRefusal("invalid", _("Practice needs at least two members in the room."))
        last = PracticeRound.objects.filter(session=session).order_by("-number").first()
        now = timezone.now()
        practice = PracticeRound.objects.create(
            session=session, number=(last.number + 1) if last else 1, started_by=access.user,
            started_at=now, ends_at=now + dt.timedelta(minutes=minutes))
        position = 0
        for index, size in enumerate(sizes):
            breakout = Breakout.objects.create(round=practice, index=index)
            seats = people[position:position + size]
            position += size
            BreakoutSeat.objects.bulk_create([
                BreakoutSeat(breakout=breakout, membership=m, role=role)
                for m, role in zip(seats, roles_for(size, practice.number), strict=True)])
        _announce_round(practice)
    return practice


def _announce_round(practice: PracticeRound) -> None:
    session = practice.session
    group = session.group
    overview = []
    for breakout in practice.breakouts.all():
        people = _seat_frames(breakout, group)
        overview.append({"breakout": breakout.index, "people": people})
        for seat in breakout.seats.select_related("membership"):
            events.to_person(user_id=seat.membership.user_id, session_id=session.pk, frame={
                "type": "practice.round", "round": practice.number,
                "breakout": breakout.index, "role": seat.role, "people": people,
                "ends_at": practice.ends_at.isoformat()})
    events.to_room(session_id=session.pk, frame={
        "type": "practice.started", "round": practice.number,
        "ends_at": practice.ends_at.isoformat()})
    events.to_moderators(session_id=session.pk, frame={
        "type": "practice.breakouts", "round": practice.number,
        "ends_at": practice.ends_at.isoformat(), "breakouts": overview})


def round_end(*, access: RoomAccess) -> PracticeRound:
    """The facilitator ends the round: everyone is back in the main room."""
    _check_facilitator(access)
    session = _check_practice_session(access)
    with transaction.atomic():
        practice = current_round(session)
        if practice is None:
            raise ChatRefusal("invalid", _("No round is running."))
        _end_round(practice)
    return practice


def _end_round(practice: PracticeRound) -> None:
    if PracticeRound.objects.filter(pk=practice.pk, ended_at=None).update(
            ended_at=timezone.now()):
        events.to_room(session_id=practice.session_id, frame={"type": "practice.ended",
                                                              "round": practice.number})


def _my_seat(access: RoomAccess, practice: PracticeRound) -> BreakoutSeat | None:
    return (BreakoutSeat.objects.filter(breakout__round=practice, membership=access.membership)
            .select_related("breakout").first())


def _removed_from_room(session: Session) -> set[int]:
    return set(RoomSanction.objects.filter(session=session, kind=RoomSanction.Kind.REMOVE,
                                           lifted_at=None).values_list("user_id", flat=True))


def _seated(breakout: Breakout, session: Session, **filters_: Any) -> list[BreakoutSeat]:
    """The breakout's seats whose people are still in the room: active in the group and not
    removed from this session (a person removed mid-round hears nothing more)."""
    removed = _removed_from_room(session)
    return [seat for seat in BreakoutSeat.objects.filter(
        breakout=breakout, membership__status=Membership.Status.ACTIVE, **filters_)
        .select_related("membership__user") if seat.membership.user_id not in removed]


def _deliver(breakout: Breakout, session: Session, frame: dict[str, Any]) -> None:
    """To the breakout's people still in the room, and to the facilitators."""
    for seat in _seated(breakout, session):
        events.to_person(user_id=seat.membership.user_id, session_id=session.pk, frame=frame)
    events.to_moderators(session_id=session.pk, frame=frame)


def breakout_message(*, access: RoomAccess, body: Any, client_id: Any,
                     breakout: Any = None) -> dict[str, Any] | None:
    """A message in the sender's breakout (a facilitator names the breakout they join).
    Stored before it is delivered; a retry with the same client_id gets the original back."""
    session = _check_practice_session(access)
    body = body_clean(body)
    if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
        raise ChatRefusal("invalid", _("A message needs a client_id."))
    if access.mute is not None:
        raise ChatRefusal("muted", _("A facilitator muted you for a while."))
    if filters.is_blocked(body):
        raise ChatRefusal("blocked", _("This message can't be sent: it contains words that "
                                       "are not allowed here."))
    practice = current_round(session)
    if practice is None:
        raise ChatRefusal("invalid", _("No round is running."))
    if access.is_moderator:
        if not isinstance(breakout, int) or isinstance(breakout, bool):
            raise ChatRefusal("invalid", _("Say which breakout you are joining."))
        target = Breakout.objects.filter(round=practice, index=breakout).first()
        if target is None:
            raise ChatRefusal("not_found", _("There is no such breakout in this round."))
    else:
        seat = _my_seat(access, practice)
        if seat is None:
            raise ChatRefusal("invalid", _("You are not in a breakout this round."))
        target = seat.breakout
    author = frames.person(access.membership, session.group)
    try:
        with transaction.atomic():
            msg = BreakoutMessage.objects.create(breakout=target, author=access.membership,
                                                 body=body, client_id=client_id,
                                                 created_at=timezone.now())
    except IntegrityError:
        msg = BreakoutMessage.objects.get(breakout=target, author=access.membership,
                                          client_id=client_id)
        return _message_frame(practice, target, msg, author)
    frame = _message_frame(practice, target, msg, author)
    _deliver(target, session, frame)
    if filters.looks_like_distress(body):
        with translation.override(_facilitators_language(session)):
            detail = _("%(name)s may be in distress (in breakout %(n)d). Consider checking in "
                       "with them privately.") % {"name": author["name"], "n": target.index + 1}
        events.to_moderators(session_id=session.pk, frame={
            "type": "alert", "kind": "distress", "message_id": None, "person": author,
            "breakout": target.index, "detail": detail})
    return None


def _facilitators_language(session: Session) -> str:
    """The language the group's facilitators share, else the site's (one frame reaches them
    all)."""
    people = Membership.objects.filter(group_id=session.group_id, status=Membership.Status.ACTIVE,
                                       role=Membership.Role.FACILITATOR).select_related("user")
    languages = {language_of(m.user) for m in people}
    return languages.pop() if len(languages) == 1 else settings.LANGUAGE_CODE


def _message_frame(practice, breakout, msg, author) -> dict[str, Any]:
    return {"type": "practice.message", "round": practice.number, "breakout": breakout.index,
            "id": msg.pk, "client_id": msg.client_id, "author": author, "body": msg.body,
            "sent_at": msg.created_at.isoformat()}


def checklist_submit(*, access: RoomAccess, did_well: Any, try_next: Any) -> ObserverChecklist:
    """The observer's checklist after (or during) the latest round, to the listener only."""
    session = _check_practice_session(access)
    practice = (PracticeRound.objects.filter(session=session).order_by("-number").first())
    seat = _my_seat(access, practice) if practice else None
    if seat is None or seat.role != Role.OBSERVER:
        raise ChatRefusal("forbidden", _("Only the observer of a breakout fills its checklist."))
    if not isinstance(did_well, list) or not all(isinstance(c, str) and c in MOVES
                                                 for c in did_well):
        raise ChatRefusal("invalid", _("Choose what the listener did well from the list."))
    try_next = try_next if isinstance(try_next, str) else ""
    try_next = try_next.strip()
    if len(try_next) > TRY_NEXT_MAX:
        raise ChatRefusal("invalid", _("Please keep it under %(n)d characters.") % {
            "n": TRY_NEXT_MAX})
    if not did_well and not try_next:
        raise ChatRefusal("invalid", _("Tick something they did well, or write one thing to "
                                       "try."))
    listeners = _seated(seat.breakout, session, role=Role.LISTENER)
    listener = listeners[0] if listeners else None
    if listener is None:
        raise ChatRefusal("not_found", _("The listener has left this breakout."))
    try:
        with transaction.atomic():
            checklist = ObserverChecklist.objects.create(
                breakout=seat.breakout, observer=access.membership,
                listener=listener.membership, did_well=sorted(set(did_well), key=MOVES.index),
                try_next=try_next, created_at=timezone.now())
    except IntegrityError:
        raise ChatRefusal("invalid", _("You already sent this round's checklist.")) from None
    events.to_person(user_id=listener.membership.user_id, session_id=session.pk, frame={
        "type": "practice.checklist", "round": practice.number,
        "breakout": seat.breakout.index,
        "from": frames.person(access.membership, session.group),
        "did_well": checklist.did_well, "try_next": checklist.try_next})
    return checklist


def practice_state(*, access: RoomAccess) -> list[dict[str, Any]]:
    """What a (re)connecting page needs of the running round, for this person only: their
    breakout, role and timer, the breakout's messages so far, and (for the listener) the
    observer's checklist; facilitators get every breakout and every breakout's messages."""
    session = access.session
    if session.kind != Session.Kind.LISTENING_PRACTICE:
        return []
    practice = current_round(session)
    if practice is None:
        return []
    group = session.group
    out: list[dict[str, Any]] = [{"type": "practice.started", "round": practice.number,
                                  "ends_at": practice.ends_at.isoformat()}]
    if access.is_moderator:
        breakouts = list(practice.breakouts.all())
        out.append({"type": "practice.breakouts", "round": practice.number,
                    "ends_at": practice.ends_at.isoformat(),
                    "breakouts": [{"breakout": b.index, "people": _seat_frames(b, group)}
                                  for b in breakouts]})
    else:
        seat = _my_seat(access, practice)
        if seat is None:
            return out
        breakouts = [seat.breakout]
        out.append({"type": "practice.round", "round": practice.number,
                    "breakout": seat.breakout.index, "role": seat.role,
                    "people": _seat_frames(seat.breakout, group),
                    "ends_at": practice.ends_at.isoformat()})
    messages = (BreakoutMessage.objects.filter(breakout__in=breakouts)
                .select_related("author__user", "breakout").order_by("created_at", "id"))
    for msg in messages:
        author = frames.person(msg.author, group) if msg.author else None
        out.append(_message_frame(practice, msg.breakout, msg, author))
    if not access.is_moderator:
        checklist = ObserverChecklist.objects.filter(
            breakout__round=practice, listener=access.membership).select_related(
            "observer__user", "breakout").first()
        if checklist is not None:
            out.append({"type": "practice.checklist", "round": practice.number,
                        "breakout": checklist.breakout.index,
                        "from": frames.person(checklist.observer, group),
                        "did_well": checklist.did_well, "try_next": checklist.try_next})
    return out


# --- Frame handlers (chat.handlers.HANDLERS) -----------------------------------------------


def _in_their_language(handler: Callable[[RoomAccess, dict], list[dict]]
                       ) -> Callable[[RoomAccess, dict], list[dict]]:
    """Runs a handler in the socket person's language: its refusals and replies speak it."""
    @functools.wraps(handler)
    def run(access: RoomAccess, frame: dict) -> list[dict]:
        with in_language_of(access.user):
            return handler(access, frame)
    return run


def _start(access: RoomAccess, frame: dict) -> list[dict]:
    round_start(access=access, minutes=frame.get("minutes"))
    return []


def _end(access: RoomAccess, frame: dict) -> list[dict]:
    round_end(access=access)
    return []


def _say(access: RoomAccess, frame: dict) -> list[dict]:
    original = breakout_message(access=access, body=frame.get("body"),
                                client_id=frame.get("client_id"),
                                breakout=frame.get("breakout"))
    return [original] if original else []


def _checklist(access: RoomAccess, frame: dict) -> list[dict]:
    checklist_submit(access=access, did_well=frame.get("did_well"),
                     try_next=frame.get("try_next"))
    return [{"type": "practice.checklist_sent",
             "detail": _("Thank you. Only the listener sees your checklist.")}]


def _state(access: RoomAccess, frame: dict) -> list[dict]:
    return practice_state(access=access)


PRACTICE_HANDLERS = {
    "practice.state": _in_their_language(_state),
    "practice.start": _in_their_language(_start),
    "practice.end": _in_their_language(_end),
    "practice.message": _in_their_language(_say),
    "practice.checklist": _in_their_language(_checklist),
}


def breakout_messages_purge_expired(*, now: dt.datetime | None = None) -> int:
    """Deletes breakout messages and checklists of sessions that ended more than the chat's
    retention period ago (CHAT_RETENTION_DAYS), like the room's own messages. Idempotent."""
    from chat.services.retention import retention_days_default

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=retention_days_default())
    messages, _ = BreakoutMessage.objects.filter(
        breakout__round__session__ends_at__lt=cutoff).delete()
    checklists, _ = ObserverChecklist.objects.filter(
        breakout__round__session__ends_at__lt=cutoff).delete()
    return messages + checklists
