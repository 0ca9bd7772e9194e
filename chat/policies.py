"""Who may be in a session's chat room and do what there.

The consumer asks `room_access` at the handshake and again for every frame; the chat page and the
moderation queue ask here too. Close codes are part of the public protocol (docs/realtime.md).
"""

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session as LoginSession
from django.db.models import Exists, FilteredRelation, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext

from chat.models import RoomSanction
from groups import policies as group_policies
from groups.models import Group, Membership, Removal
from peersupport.compiled import CompiledQuery
from peersupport.permissions import has_two_factor, two_factor_passed
from sessions.models import Session
from sessions.selectors import has_accepted_session_rules

# Websocket close codes (4000-4999 are free for applications).
CLOSE_SIGNED_OUT = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_RULES = 4409
CLOSE_GONE = 4410

PHASE_NOT_OPEN = "not_open"
PHASE_LOBBY = "lobby"
PHASE_OPEN = "open"
PHASE_ENDED = "ended"


def opens_before() -> dt.timedelta:
    return dt.timedelta(minutes=getattr(settings, "CHAT_OPENS_MINUTES_BEFORE", 15))


def closes_after() -> dt.timedelta:
    return dt.timedelta(minutes=getattr(settings, "CHAT_CLOSES_MINUTES_AFTER", 30))


def room_window(session: Session) -> tuple[dt.datetime, dt.datetime]:
    """When people may post: from a little before the start to a little after the end."""
    return session.starts_at - opens_before(), session.ends_at + closes_after()


def room_phase(session: Session, now: dt.datetime | None = None) -> str:
    now = now or timezone.now()
    opens_at, closes_at = room_window(session)
    if now < opens_at:
        return PHASE_NOT_OPEN
    if now >= closes_at:
        return PHASE_ENDED
    return PHASE_OPEN if session.facilitator_joined_at else PHASE_LOBBY


def is_room_moderator(membership: Membership | None) -> bool:
    """The group's facilitators moderate every room of the group."""
    return membership is not None and membership.is_facilitator


@dataclass
class RoomAccess:
    """The facts one access check found. `close_code` None means the person may be in the room."""

    session: Session | None
    user: object
    membership: Membership | None = None
    is_moderator: bool = False
    close_code: int | None = None
    error_code: str = ""
    detail: str = ""
    sanctions: list[RoomSanction] = field(default_factory=list)
    checked_at: dt.datetime = field(default_factory=timezone.now)
    # Set when the session's rules were found accepted (see `rules_key`); None otherwise.
    rules_key: tuple | None = None
    # Whether this login answered the second factor, as the caller said (see `room_access`).
    second_factor: bool | None = None

    @property
    def allowed(self) -> bool:
        return self.close_code is None

    @property
    def group(self) -> Group:
        return self.session.group

    @property
    def mute(self) -> RoomSanction | None:
        mutes = [s for s in self.sanctions if s.kind == RoomSanction.Kind.MUTE]
        return max(mutes, key=lambda s: s.until or self.checked_at, default=None)

    @property
    def phase(self) -> str:
        return room_phase(self.session, self.checked_at)


def _refuse(access: RoomAccess, close_code: int, error_code: str, detail: str) -> RoomAccess:
    access.close_code, access.error_code, access.detail = close_code, error_code, detail
    return access


def rules_key(session: Session) -> tuple:
    """What the session's rules depend on: a change to either asks for a fresh acceptance check.

    The session's `updated_at` moves with every save (its extra rules are saved that way) and the
    group's `rules_version` with every new version of the group's rules.
    """
    return (session.pk, session.updated_at, session.group.rules_version)


def _room_row_query(session_id: int, user_id: int, login_key: str) -> QuerySet[Membership]:
    # Unlifted sanctions, whether expired or not: expiry is judged in Python, with the same
    # clock as the rest of the check, and this stays a query of ids alone (see `_room_row`).
    maybe_sanctioned = RoomSanction.objects.filter(session_id=session_id, user_id=user_id,
                                                   lifted_at=None)
    # The socket's login session, when it has one: gone after a logout, or expired.
    login = LoginSession.objects.filter(session_key=login_key).values("expire_date")[:1]
    return (Membership.objects
            .annotate(room=FilteredRelation("group__sessions",
                                            condition=Q(group__sessions__pk=session_id)),
                      sanctioned=Exists(maybe_sanctioned),
                      login_expires=Subquery(login))
            .select_related("user", "group", "room")
            .filter(user_id=user_id, room__pk=session_id)
            # At most one row (one membership per group and person): no ORDER BY.
            .order_by()[:1])


# Every frame runs this; compiling it costs several times what the database takes to answer.
_room_row_compiled = CompiledQuery(_room_row_query, session_id=int, user_id=int, login_key=str)


def _room_row(session_id: int, user_id: int, login_key: str = "") -> Membership | None:
    """The person's membership of the session's group with the session, group and account, in
    one query, plus whether any sanction may be active (the sanctions are read only then) and
    when the login session `login_key` expires (None: there is no such login)."""
    row = _room_row_compiled.first(session_id=session_id, user_id=user_id, login_key=login_key)
    if row is not None:
        row.room.group = row.group
    return row


def room_access(*, session_id: int, user, accepted_rules_key: tuple | None = None,
                login_key: str | None = None, second_factor: bool | None = None) -> RoomAccess:
    """Checks everything that lets a person be in a session's room, fresh from the database.

    Order matters: nobody learns that a session exists unless they may see it. A member's socket
    passes back the `rules_key` of its last positive check of the session's rules as
    `accepted_rules_key`: while the rules cannot have changed, that acceptance is not re-read
    (everything else, the group's rules version included, is checked every time).

    A socket passes its login session's key as `login_key`: once that session is gone (logged
    out, expired, flushed), the socket's rights end at its next frame, whether or not the
    logout's notice reached it. (Pages pass none: their request was just authenticated.)

    `second_factor`: whether this login answered the second factor (pages pass
    `two_factor_satisfied(request)`, a socket what its login session said at the handshake).
    Moderating needs it; None (no login at hand) falls back to two-factor being set up.
    """
    now = timezone.now()
    access = RoomAccess(session=None, user=user, checked_at=now, second_factor=second_factor)
    if user is None or not user.is_authenticated:
        return _refuse(access, CLOSE_SIGNED_OUT, "signed_out",
                       gettext("Please sign in to join the chat."))
    row = _room_row(session_id, user.pk, login_key or "")
    if row is not None:
        session, membership, sanctioned = row.room, row, row.sanctioned
        # The account row is re-read here, so a deactivated account loses access at once.
        user = membership.user
        access.user = user
        if login_key is not None and not _login_alive(login_key, row.login_expires, now):
            return _refuse(access, CLOSE_SIGNED_OUT, "signed_out",
                           gettext("You signed out, so the chat closed."))
    else:
        session = Session.objects.select_related("group").filter(pk=session_id).first()
        membership, sanctioned = None, False
    access.session, access.membership = session, membership
    if not user.is_active:
        return _refuse(access, CLOSE_SIGNED_OUT, "signed_out",
                       gettext("Please sign in to join the chat."))
    if session is None or not _may_know_of(session, user, membership):
        access.session = None
        return _refuse(access, CLOSE_NOT_FOUND, "not_found", gettext("There is no such session."))
    if membership is not None and membership.status == Membership.Status.REMOVED:
        removal = Removal.objects.filter(group_id=session.group_id, user_id=user.pk).first()
        return _refuse(access, CLOSE_GONE, "banned", (
            gettext("A facilitator removed you from this group: %(reason)s")
            % {"reason": removal.reason} if removal is not None and removal.reason
            else gettext("A facilitator removed you from this group.")))
    if membership is None or not membership.is_active:
        return _refuse(access, CLOSE_FORBIDDEN, "forbidden",
                       gettext("Only members of this group can join its chat."))
    if session.status != Session.Status.SCHEDULED or not session.is_online:
        return _refuse(access, CLOSE_GONE, "room_closed",
                       gettext("This session has no live chat (it is cancelled, closed or in "
                               "person)."))
    # Moderating is a facilitator page in websocket form: it asks for two-factor too.
    access.is_moderator = is_room_moderator(membership) and (
        has_two_factor(user) if second_factor is None else two_factor_passed(user, second_factor))
    if sanctioned:
        access.sanctions = [
            s for s in RoomSanction.objects.filter(session=session, user_id=user.pk,
                                                   lifted_at=None)
            if s.is_active_at(now)
        ]
    removal = next((s for s in access.sanctions if s.kind == RoomSanction.Kind.REMOVE), None)
    if removal is not None:
        return _refuse(access, CLOSE_GONE, "removed",
                       gettext("A facilitator removed you from this session's chat: %(reason)s")
                       % {"reason": removal.reason})
    # Facilitators post the rules; even one still to set up two-factor is not asked for them.
    if not is_room_moderator(membership):
        if membership.accepted_rules_version < session.group.rules_version:
            return _refuse(access, CLOSE_RULES, "rules_not_accepted",
                           gettext("Please read and accept this session's ground rules first."))
        key = rules_key(session)
        if key != accepted_rules_key and not has_accepted_session_rules(session=session,
                                                                        user=user):
            return _refuse(access, CLOSE_RULES, "rules_not_accepted",
                           gettext("Please read and accept this session's ground rules first."))
        access.rules_key = key
    return access


# Session engines that keep every login as a row of django_session (read by `_room_row`).
_SQL_SESSION_ENGINES = frozenset({"django.contrib.sessions.backends.db",
                                  "django.contrib.sessions.backends.cached_db"})


def _login_alive(login_key: str, expires: dt.datetime | None, now: dt.datetime) -> bool:
    if settings.SESSION_ENGINE in _SQL_SESSION_ENGINES:
        return expires is not None and expires > now
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(login_key)


def _may_know_of(session: Session, user, membership: Membership | None) -> bool:
    if membership is not None:  # members, and people who left or were removed, know of it
        return True
    return group_policies.can_view_group(user, session.group)


def can_moderate_group(user, group: Group) -> bool:
    """The moderation queue and its actions: the group's facilitators only."""
    return group_policies.is_group_facilitator(user, group)


def can_read_room(user, session: Session) -> bool:
    """Chat content is for the room's members and the group's facilitators, nobody else."""
    return room_access(session_id=session.pk, user=user).allowed
