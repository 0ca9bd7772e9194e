"""Reads for each role's home page and the navigation's counts.

Everything here is about the viewer: their own sessions, replies and recognitions, and, for a
facilitator, the inboxes of the groups they facilitate. Counts only where a list would show
someone the page is not for (a join request's person is for the requests page, which asks for
two-factor); a name is shown only where the viewer already sees it that way elsewhere
(a recognition's giver under their pseudonym in a pseudonymous group).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from groups.models import Group, JoinRequest, Membership
from sessions.models import RSVP, Session

# --- Employee ------------------------------------------------------------------------------


@dataclass
class NextSession:
    session: Session
    my_rsvp: str | None
    rules_to_accept: bool  # the group's or the session's rules are not accepted yet
    is_facilitating: bool


@dataclass
class MyRSVP:
    session: Session
    status: str
    waitlist_position: int | None = None


@dataclass
class EmployeeHome:
    next_session: NextSession | None
    rsvps: list[MyRSVP]
    unread_conversations: list  # FacilitatorRequest rows with a reply the person has not read
    report_updates: list  # (report, number of HR updates since the last visit)
    recognitions: list  # RecognitionCard since the last visit
    recognitions_count: int
    since: dt.datetime | None


def _upcoming_of_my_groups(user):
    groups = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)
    return (Session.objects.filter(group__in=groups.values("group"),
                                   status=Session.Status.SCHEDULED,
                                   ends_at__gte=timezone.now())
            .select_related("group").order_by("starts_at"))


def next_session_for(*, user) -> NextSession | None:
    """The next session the person goes to or facilitates; else the next one of their groups
    they have not declined. With whether rules still wait for their acceptance."""
    from sessions.selectors import has_accepted_session_rules

    mine = RSVP.objects.filter(session=OuterRef("pk"), user=user).values("status")[:1]
    candidates = list(_upcoming_of_my_groups(user).annotate(my_rsvp=Subquery(mine))
                      .filter(Q(my_rsvp__isnull=True) | ~Q(my_rsvp=RSVP.Status.NOT_GOING))[:20])
    if not candidates:
        return None
    facilitated = set(Session.facilitators.through.objects.filter(
        session__in=candidates, user=user).values_list("session_id", flat=True))
    chosen = next((s for s in candidates
                   if s.my_rsvp == RSVP.Status.GOING or s.pk in facilitated), candidates[0])
    membership = Membership.objects.filter(group=chosen.group, user=user,
                                           status=Membership.Status.ACTIVE).first()
    is_facilitator = membership is not None and membership.is_facilitator
    # Facilitators post the rules; the chat does not ask them to accept (chat.policies).
    rules_pending = not is_facilitator and membership is not None and (
        membership.accepted_rules_version < chosen.group.rules_version
        or not has_accepted_session_rules(session=chosen, user=user))
    return NextSession(session=chosen, my_rsvp=chosen.my_rsvp, rules_to_accept=rules_pending,
                       is_facilitating=is_facilitator or chosen.pk in facilitated)


def rsvps_for(*, user, limit: int = 6) -> list[MyRSVP]:
    """Upcoming sessions the person said they go to or waits for, with waitlist places."""
    rows = list(RSVP.objects.filter(
        user=user, status__in=[RSVP.Status.GOING, RSVP.Status.WAITLISTED],
        session__ends_at__gte=timezone.now(), session__status=Session.Status.SCHEDULED)
        .select_related("session__group").order_by("session__starts_at")[:limit])
    waiting = [row for row in rows if row.status == RSVP.Status.WAITLISTED]
    positions: dict[int, int] = {}
    if waiting:
        # Place = people waiting on the same session since before this person (the order
        # the waitlist is served in: sessions.selectors.waitlist_position).
        ahead = (RSVP.objects.filter(session=OuterRef("session_id"),
                                     status=RSVP.Status.WAITLISTED)
                 .filter(Q(updated_at__lt=OuterRef("updated_at"))
                         | Q(updated_at=OuterRef("updated_at"), pk__lt=OuterRef("pk")))
                 .order_by().values("session").annotate(n=Count("pk")).values("n"))
        positions = dict(RSVP.objects.filter(pk__in=[row.pk for row in waiting])
                         .annotate(ahead=Coalesce(Subquery(ahead), 0))
                         .values_list("pk", "ahead"))
    return [MyRSVP(session=row.session, status=row.status,
                   waitlist_position=positions[row.pk] + 1 if row.pk in positions else None)
            for row in rows]


def unread_replies_for(*, user) -> list:
    """The person's own conversations with a facilitator that have a reply they have not read."""
    from support.models import FacilitatorRequest

    return list(FacilitatorRequest.objects.filter(requester=user)
                .filter(Q(requester_seen_at__isnull=True)
                        | Q(requester_seen_at__lt=F("last_message_at")))
                .exclude(last_message_at__lte=F("created_at"))  # only their first message
                .select_related("facilitator").order_by("-last_message_at")[:5])


def report_updates_for(*, user, since: dt.datetime | None) -> list[tuple]:
    """The person's own submitted reports with HR updates since their last visit."""
    from support.models import Report, ReportUpdate

    updates = ReportUpdate.objects.filter(report__reporter=user, from_hr=True)
    if since is not None:
        updates = updates.filter(created_at__gt=since)
    counts = dict(updates.values("report").annotate(n=Count("pk")).values_list("report", "n"))
    reports = Report.objects.filter(pk__in=list(counts)).order_by("-updated_at")
    return [(report, counts[report.pk]) for report in reports]


def recognitions_since(*, user, since: dt.datetime | None, limit: int = 3) -> tuple[int, list]:
    from recognition import selectors

    return selectors.received_since(context=selectors.viewer_context(viewer=user),
                                    since=since, limit=limit)


def employee_home(*, user, since: dt.datetime | None) -> EmployeeHome:
    count, cards = recognitions_since(user=user, since=since)
    return EmployeeHome(
        next_session=next_session_for(user=user), rsvps=rsvps_for(user=user),
        unread_conversations=unread_replies_for(user=user),
        report_updates=report_updates_for(user=user, since=since),
        recognitions=cards, recognitions_count=count, since=since)


# --- Facilitator ---------------------------------------------------------------------------


@dataclass
class GroupInbox:
    group: Group
    join_requests: int = 0
    open_flags: int = 0  # flagged messages still waiting for a decision
    sessions_today: list[Session] = field(default_factory=list)

    @property
    def needs_attention(self) -> int:
        return self.join_requests + self.open_flags


@dataclass
class FacilitatorHome:
    groups: list[GroupInbox]
    unanswered: list  # open FacilitatorRequest rows whose last message is the member's

    @property
    def total(self) -> int:
        return sum(g.needs_attention for g in self.groups) + len(self.unanswered)


def facilitated_groups(*, user):
    return Group.objects.filter(memberships__user=user,
                                memberships__status=Membership.Status.ACTIVE,
                                memberships__role=Membership.Role.FACILITATOR)


def _unanswered_queryset(user):
    from support.models import FacilitatorMessage, FacilitatorRequest

    last_author = (FacilitatorMessage.objects.filter(request=OuterRef("pk"))
                   .order_by("-created_at", "-pk").values("author_id")[:1])
    return (FacilitatorRequest.objects.filter(facilitator=user,
                                              status=FacilitatorRequest.Status.OPEN)
            .annotate(last_author=Subquery(last_author))
            .filter(last_author=F("requester_id")))


def unanswered_count(*, user) -> int:
    return _unanswered_queryset(user).count()


def facilitator_home(*, user) -> FacilitatorHome | None:
    """Per facilitated group: pending join requests, open flags and today's sessions (in the
    facilitator's own time zone); and the private conversations waiting for their answer.
    None for someone who facilitates nothing."""
    from chat.models import Flag

    groups = list(facilitated_groups(user=user).order_by("name"))
    unanswered = list(_unanswered_queryset(user).select_related("requester")
                      .order_by("last_message_at"))
    if not groups and not unanswered and not user.is_facilitator:
        return None
    inbox = {group.pk: GroupInbox(group=group) for group in groups}
    for group_id, n in (JoinRequest.objects.filter(group__in=groups,
                                                   status=JoinRequest.Status.PENDING)
                        .values("group").annotate(n=Count("pk")).values_list("group", "n")):
        inbox[group_id].join_requests = n
    for group_id, n in (Flag.objects.filter(status=Flag.Status.OPEN,
                                            message__session__group__in=groups)
                        .values("message__session__group")
                        .annotate(n=Count("message", distinct=True))
                        .values_list("message__session__group", "n")):
        inbox[group_id].open_flags = n
    zone = zoneinfo.ZoneInfo(user.time_zone or "UTC")
    today = timezone.now().astimezone(zone).date()
    start = dt.datetime.combine(today, dt.time(0), tzinfo=zone)
    for session in (Session.objects.filter(group__in=groups, status=Session.Status.SCHEDULED,
                                           starts_at__lt=start + dt.timedelta(days=1),
                                           ends_at__gte=timezone.now())
                    .annotate(going=Count("rsvps", filter=Q(rsvps__status=RSVP.Status.GOING)))
                    .order_by("starts_at")):
        inbox[session.group_id].sessions_today.append(session)
    return FacilitatorHome(groups=list(inbox.values()), unanswered=unanswered)


def facilitator_nav_count(*, user) -> int:
    """What waits for a facilitator, for the navigation's badge, in ONE query: pending join
    requests and open flagged messages in the groups they facilitate, and conversations whose
    last message is the member's."""
    from chat.models import Flag

    groups = facilitated_groups(user=user).values("pk")

    def count(queryset, column: str) -> Coalesce:
        return Coalesce(Subquery(queryset.order_by().annotate(one=Value(1))
                                 .values("one").annotate(n=Count(column, distinct=True))
                                 .values("n")[:1], output_field=IntegerField()), 0)

    requests = JoinRequest.objects.filter(group__in=groups, status=JoinRequest.Status.PENDING)
    flags = Flag.objects.filter(status=Flag.Status.OPEN, message__session__group__in=groups)
    totals = (User.objects.filter(pk=user.pk)
              .annotate(requests=count(requests, "pk"), flags=count(flags, "message"),
                        talks=count(_unanswered_queryset(user), "pk"))
              .values_list("requests", "flags", "talks").first())
    return sum(totals) if totals else 0
