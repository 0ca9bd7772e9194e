"""Reads about sessions: what a viewer may see, seats, rules, schedules, private check-ins."""

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from groups import policies as group_policies
from groups.models import GroundRuleVersion, Group, Membership
from groups.rules import rule_text, rules_localized
from peersupport.compiled import CompiledQuery
from sessions.models import (
    RSVP,
    Attendance,
    CalendarFeed,
    CheckoutAnswer,
    CheckoutReceipt,
    MoodEntry,
    Session,
    SessionRulesAcceptance,
)

# Facilitators see anonymous answers only once this many people have answered.
FEEDBACK_MIN_ANSWERS = 3


def upcoming_for_group(*, group: Group, limit: int = 5) -> QuerySet[Session]:
    """Scheduled sessions of a group that have not ended yet, soonest first."""
    return (Session.objects.filter(group=group, status=Session.Status.SCHEDULED,
                                   ends_at__gte=timezone.now())
            .order_by("starts_at")[:limit])


def _with_seats(queryset: QuerySet[Session], *, user) -> QuerySet[Session]:
    """Adds `going_count` and the viewer's own `my_rsvp` status to each session."""
    mine = RSVP.objects.filter(session=OuterRef("pk"), user=user).values("status")[:1]
    # A subquery, not Count() over a join: callers may already filter on their own RSVP join.
    going = (RSVP.objects.filter(session=OuterRef("pk"), status=RSVP.Status.GOING)
             .order_by().values("session").annotate(n=Count("pk")).values("n"))
    return queryset.annotate(going_count=Coalesce(Subquery(going), 0), my_rsvp=Subquery(mine))


def sessions_of_my_groups(*, user, limit: int = 50) -> QuerySet[Session]:
    """Upcoming sessions (cancelled ones too, so nobody misses the news) of the viewer's groups."""
    my_groups = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
    queryset = (Session.objects.filter(group__in=my_groups.values("group"),
                                       ends_at__gte=timezone.now())
                .exclude(status=Session.Status.CLOSED)
                .select_related("group").order_by("starts_at"))
    return _with_seats(queryset, user=user)[:limit]


def collapse_series(sessions: list[Session]) -> list[Session]:
    """Shows a series once (its next date, with `more_dates` counted), except dates the viewer
    has answered, which stay listed on their own."""
    shown: list[Session] = []
    first_of: dict[int, Session] = {}
    for session in sessions:
        session.more_dates = 0
        if session.series_id is None or session.my_rsvp:
            shown.append(session)
        elif session.series_id in first_of:
            first_of[session.series_id].more_dates += 1
        else:
            first_of[session.series_id] = session
            shown.append(session)
    return shown


def other_dates(*, session: Session, limit: int = 6) -> list[Session]:
    """The next scheduled dates of the same series (for the session page)."""
    if session.series_id is None:
        return []
    return list(Session.objects.filter(series=session.series_id,
                                       status=Session.Status.SCHEDULED,
                                       ends_at__gte=timezone.now())
                .exclude(pk=session.pk).order_by("starts_at")
                .only("pk", "starts_at", "ends_at", "title")[:limit])


def discoverable_sessions(*, user, limit: int = 20) -> QuerySet[Session]:
    """Upcoming sessions of open and request-to-join groups the viewer has not joined."""
    my_groups = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
    queryset = (Session.objects.filter(status=Session.Status.SCHEDULED,
                                       ends_at__gte=timezone.now())
                .exclude(group__visibility=Group.Visibility.PRIVATE)
                .exclude(group__in=my_groups.values("group"))
                .select_related("group").order_by("starts_at"))
    return _with_seats(queryset, user=user)[:limit]


def schedulable_groups(*, user) -> QuerySet[Group]:
    """Groups the user facilitates (where they may schedule sessions)."""
    return Group.objects.filter(memberships__user=user,
                                memberships__status=Membership.Status.ACTIVE,
                                memberships__role=Membership.Role.FACILITATOR).order_by("name")


def session_for_page(*, pk: int, user) -> Session | None:
    """One session with its group, seats taken and the viewer's RSVP (None if no such row)."""
    queryset = _with_seats(Session.objects.filter(pk=pk).select_related("group"), user=user)
    return queryset.first()


def going_count(*, session: Session) -> int:
    return RSVP.objects.filter(session=session, status=RSVP.Status.GOING).count()


def seats_left(*, session: Session, going: int) -> int | None:
    if session.capacity is None:
        return None
    return max(session.capacity - going, 0)


def waitlist_position(*, session: Session, user) -> int | None:
    """1 for the first person on the waitlist; None when the user is not on it."""
    waitlist = list(RSVP.objects.filter(session=session, status=RSVP.Status.WAITLISTED)
                    .order_by("updated_at", "pk").values_list("user_id", flat=True))
    try:
        return waitlist.index(user.pk) + 1
    except ValueError:
        return None


def facilitators_shown(*, session: Session) -> dict[int, dict[str, str]]:
    """The session's facilitators: id to the name the group shows and the pronouns shown next
    to it (a pseudonym with its own pronouns only, never the account's)."""
    people = list(session.facilitators.all())
    pseudonyms: dict[int, tuple[str, str]] = {}
    if session.group.allow_pseudonyms:
        pseudonyms = {user_id: (pseudonym, pronouns) for user_id, pseudonym, pronouns in
                      Membership.objects.filter(group=session.group_id,
                                                user__in=[p.pk for p in people])
                      .exclude(pseudonym="")
                      .values_list("user_id", "pseudonym", "pseudonym_pronouns")}
    shown = {}
    for person in people:
        if person.pk in pseudonyms:
            name, pronouns = pseudonyms[person.pk]
        else:
            name, pronouns = person.name, person.shown_pronouns
        shown[person.pk] = {"name": name, "pronouns": pronouns}
    return shown


def avoided_people_going(*, session: Session, viewer) -> bool:
    """Whether someone on the viewer's private "rather not share a room" list said they are
    going to this session, or facilitates it (docs/privacy.md, "the private-list warning").

    Ask `policies.may_be_warned_about_private_list` first: only an active member who is
    going, waitlisted or facilitating is told. Only people shown by their own name in the
    group count, never someone taking part under a pseudonym, so the warning can't tell which
    pseudonym is whom. Presence in the chat is never read: the answer changes when an RSVP
    changes, not at the moment someone enters the room.
    """
    from groups import selectors as group_selectors  # the groups app owns the private list

    going = RSVP.objects.filter(session=session, status=RSVP.Status.GOING).values("user_id")
    facilitating = Session.facilitators.through.objects.filter(session=session).values("user_id")
    memberships = Membership.objects.filter(
        Q(user_id__in=going) | Q(user_id__in=facilitating),
        group=session.group_id, status=Membership.Status.ACTIVE)
    return bool(group_selectors.avoided_visible_count(viewer=viewer, group=session.group,
                                                      memberships=memberships))


# --- Ground rules ---------------------------------------------------------------------------


# A posted GroundRuleVersion is never edited (a change is a new number), so the rules of a
# (group, number) are read once per process: every chat arrival reads them twice otherwise.
# The group's creation time is in the key so a group id reused (emptied test tables) can't
# match; the memo stays small (a few hundred groups' current versions).
_GROUP_RULES_MEMO_SIZE = 512
_group_rules_memo: dict[tuple, tuple[dict, ...]] = {}


def _group_rules(group: Group) -> list[dict]:
    if not group.rules_version:
        return []
    deferred = "created_at" in group.get_deferred_fields()
    key = None if deferred else (group.pk, group.created_at, group.rules_version)
    memo = _group_rules_memo.get(key) if key else None
    if memo is None:
        version = (GroundRuleVersion.objects.filter(group=group, number=group.rules_version)
                   .values_list("rules", flat=True).first())
        if version is None:  # not posted (yet): nothing to remember
            return []
        memo = tuple({"key": rule["key"], "text": rule["text"]} for rule in version)
        if key is not None:
            if len(_group_rules_memo) >= _GROUP_RULES_MEMO_SIZE:
                _group_rules_memo.clear()
            _group_rules_memo[key] = memo
    return [dict(rule) for rule in memo]


def session_rules(*, session: Session) -> list[dict]:
    """The rules that apply to this session: the group's current rules, then its own additions."""
    extra = [{"key": rule["key"], "text": rule["text"]} for rule in session.extra_rules or []]
    return _group_rules(session.group) + extra


def _accepted_rules_query(session_id: int, user_id: int) -> QuerySet[SessionRulesAcceptance]:
    return (SessionRulesAcceptance.objects.filter(session_id=session_id, user_id=user_id)
            .values_list("rules")[:1])


# Every chat arrival asks (peersupport.compiled).
_accepted_rules = CompiledQuery(_accepted_rules_query, session_id=int, user_id=int)


def has_accepted_session_rules(*, session: Session, user) -> bool:
    """True when the user accepted exactly the rules that apply now (re-asked if they changed)."""
    accepted = _accepted_rules.rows(session_id=session.pk, user_id=user.pk)
    return bool(accepted) and accepted[0][0] == session_rules(session=session)


@dataclass(frozen=True)
class RuleLine:
    key: str
    text: str
    session_only: bool
    is_new: bool


@dataclass(frozen=True)
class RulesToAccept:
    lines: list[RuleLine]
    removed: list[dict]
    last_accepted_at: dt.datetime | None
    already_accepted: bool

    @property
    def has_changes(self) -> bool:
        return bool(self.removed) or any(line.is_new for line in self.lines)


def rules_to_accept(*, session: Session, user) -> RulesToAccept:
    """The session's rules with what changed since the user last accepted rules in this group."""
    current = session_rules(session=session)
    group_count = len(current) - len(session.extra_rules or [])
    last = (SessionRulesAcceptance.objects.filter(session__group=session.group_id, user=user)
            .order_by("-accepted_at", "-pk").only("rules", "accepted_at", "session_id").first())
    previous = last.rules if last is not None else None
    seen = {(rule["key"], rule["text"]) for rule in previous or []}
    # Compared in their stored text; shown in the reader's language (groups.rules.rule_text).
    lines = [RuleLine(key=rule["key"], text=rule_text(rule), session_only=index >= group_count,
                      is_new=previous is not None and (rule["key"], rule["text"]) not in seen)
             for index, rule in enumerate(current)]
    now = {(rule["key"], rule["text"]) for rule in current}
    removed = [rule for rule in previous or [] if (rule["key"], rule["text"]) not in now]
    return RulesToAccept(
        lines=lines, removed=rules_localized(removed),
        last_accepted_at=last.accepted_at if last is not None else None,
        already_accepted=last is not None and last.session_id == session.pk
        and last.rules == current,
    )


# --- Schedules and calendars ----------------------------------------------------------------


def my_upcoming(*, user) -> QuerySet[Session]:
    """Sessions the user is going to, waitlisted for, or facilitates, not yet ended."""
    return _with_seats(
        Session.objects.filter(
            Q(rsvps__user=user, rsvps__status__in=[RSVP.Status.GOING, RSVP.Status.WAITLISTED])
            | Q(facilitators=user),
            ends_at__gte=timezone.now(),
        ).distinct().select_related("group").order_by("starts_at"),
        user=user,
    )


def missed_sessions(*, user, days: int = 30) -> QuerySet[Session]:
    """Recent sessions the user said they would go to but did not attend. Shown to them alone."""
    since = timezone.now() - dt.timedelta(days=days)
    attended = Attendance.objects.filter(user=user).values("session")
    return (Session.objects.filter(rsvps__user=user, rsvps__status=RSVP.Status.GOING,
                                   status=Session.Status.SCHEDULED,
                                   ends_at__lt=timezone.now(), ends_at__gte=since)
            .exclude(pk__in=attended).select_related("group").order_by("-starts_at"))


def recent_attended(*, user, days: int = 30) -> QuerySet[Session]:
    """Sessions the user attended lately, with whether they already gave a check-out answer."""
    since = timezone.now() - dt.timedelta(days=days)
    answered = CheckoutReceipt.objects.filter(session=OuterRef("pk"), user=user)
    return (Session.objects.filter(attendance__user=user, starts_at__gte=since,
                                   starts_at__lte=timezone.now())
            .select_related("group").order_by("-starts_at")
            .annotate(answered=Exists(answered)))


def feed_sessions(*, user, days_back: int = 30) -> QuerySet[Session]:
    """Sessions in the user's private feed: going, waitlisted or facilitating; cancelled ones too
    (so calendars show them as cancelled) from `days_back` ago onwards."""
    since = timezone.now() - dt.timedelta(days=days_back)
    return (Session.objects.filter(
        Q(rsvps__user=user, rsvps__status__in=[RSVP.Status.GOING, RSVP.Status.WAITLISTED])
        | Q(facilitators=user), ends_at__gte=since)
        .distinct().select_related("group").order_by("starts_at"))


def calendar_feed_of(*, user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def feed_owner(*, token: str):
    """The person whose feed URL carries this token, or None (revoked, reset or made up)."""
    feed = (CalendarFeed.objects.filter(token=token, user__is_active=True)
            .select_related("user").first()) if token else None
    return feed.user if feed is not None else None


def is_discreet_for(*, session: Session, user) -> bool:
    if session.group.is_sensitive:
        return True
    return CalendarFeed.objects.filter(user=user, discreet=True).exists()


# --- Attendance, check-out answers, moods ---------------------------------------------------


def attendance_sheet(*, session: Session) -> list[dict]:
    """Who may be ticked as present: those going, and anyone already marked, with their state.

    Each row names the person by membership id and in-group name (a pseudonym where they use
    one), never by account id: the sheet must not link a pseudonym to an account.
    """
    going = set(RSVP.objects.filter(session=session, status=RSVP.Status.GOING)
                .values_list("user_id", flat=True))
    present = dict(Attendance.objects.filter(session=session).values_list("user_id", "source"))
    memberships = (Membership.objects.filter(group=session.group_id,
                                             user__in=going | set(present))
                   .select_related("user"))
    rows = []
    for membership in memberships:
        person = membership.user
        rows.append({"member_id": membership.pk,
                     "name": group_policies.name_in_group(person, session.group, membership),
                     # Next to a pseudonym only its own pronouns (groups.policies).
                     "pronouns": group_policies.pronouns_in_group(person, session.group,
                                                                  membership),
                     "present": person.pk in present,
                     "source": present.get(person.pk)})
    return sorted(rows, key=lambda row: (row["name"].lower(), row["member_id"]))


def is_attendee(*, session: Session, user) -> bool:
    return Attendance.objects.filter(session=session, user=user).exists()


def has_answered_checkout(*, session: Session, user) -> bool:
    return CheckoutReceipt.objects.filter(session=session, user=user).exists()


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    shown: bool
    average: float | None
    by_score: dict[int, int]
    comments: list[str]


def checkout_feedback(*, session: Session) -> FeedbackSummary:
    """Anonymous answers for the facilitators: counts by score and the comments in random order,
    with no time and no name; nothing at all below FEEDBACK_MIN_ANSWERS answers."""
    answers = list(CheckoutAnswer.objects.filter(session=session).values_list("score",
                                                                              "comment"))
    if len(answers) < FEEDBACK_MIN_ANSWERS:
        return FeedbackSummary(count=len(answers), shown=False, average=None, by_score={},
                               comments=[])
    counts = Counter(score for score, _ in answers)
    comments = [comment for _, comment in answers if comment.strip()]
    random.shuffle(comments)
    return FeedbackSummary(
        count=len(answers), shown=True,
        average=round(sum(score for score, _ in answers) / len(answers), 1),
        by_score={score: counts.get(score, 0) for score in range(5, 0, -1)},
        comments=comments,
    )


def my_mood_entries(*, user, limit: int = 60) -> list[MoodEntry]:
    """The owner's own mood notes, oldest first (for their trend). Never call for anyone else."""
    entries = (MoodEntry.objects.filter(user=user).select_related("session")
               .order_by("-created_at")[:limit])
    return list(reversed(entries))


def my_mood_for(*, session: Session, user) -> dict[str, int]:
    return dict(MoodEntry.objects.filter(session=session, user=user)
                .values_list("moment", "score"))
