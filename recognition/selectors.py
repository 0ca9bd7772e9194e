"""Reads for recognition. Every list goes through `recognitions_visible_to`."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from groups.models import Group, Membership
from recognition.models import (
    Reaction,
    Recognition,
    RecognitionPreference,
    RecognitionRecipient,
    Reply,
    Report,
    Value,
)
from recognition.policies import opted_out_recipients

FEED_PAGE_SIZE = 20
PEOPLE_SEARCH_LIMIT = 10
PEOPLE_SEARCH_MIN_LENGTH = 2
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class ViewerContext:
    """The viewer's active groups, read once per request (one query)."""

    user: User
    group_ids: frozenset[int]
    facilitated_group_ids: frozenset[int]

    @property
    def is_staff(self) -> bool:
        return bool(self.user.is_staff)


def viewer_context(*, viewer: User) -> ViewerContext:
    rows = Membership.objects.filter(user=viewer, status=Membership.Status.ACTIVE).values_list(
        "group_id", "role")
    groups = {group_id for group_id, _ in rows}
    facilitated = {gid for gid, role in rows if role == Membership.Role.FACILITATOR}
    return ViewerContext(user=viewer, group_ids=frozenset(groups),
                         facilitated_group_ids=frozenset(facilitated))


def recognitions_visible_to(*, context: ViewerContext) -> QuerySet[Recognition]:
    """The recognitions this viewer may see (the rule is stated in recognition.policies)."""
    viewer = context.user
    is_recipient = Exists(RecognitionRecipient.objects.filter(
        recognition=OuterRef("pk"), recipient=viewer))
    opted_out = Exists(opted_out_recipients(OuterRef("pk"), OuterRef(OuterRef("group_id"))))
    shared = (
        Q(group__isnull=True, visibility=Recognition.Visibility.PUBLIC)
        | Q(group_id__in=context.group_ids, visibility=Recognition.Visibility.GROUP)
    )
    return Recognition.objects.filter(
        Q(giver=viewer) | (Q(is_hidden=False) & (is_recipient | (shared & ~opted_out)))
    )


@dataclass
class ReactionCount:
    kind: str
    label: str
    count: int
    mine: bool


@dataclass
class ReplyView:
    id: int
    author_name: str
    body: str
    created_at: datetime
    is_mine: bool
    author_pronouns: str = ""


@dataclass
class RecognitionCard:
    """A recognition as one viewer sees it: names already pseudonym-aware."""

    recognition: Recognition
    giver_name: str
    recipient_names: list[str]
    values: list[Value]
    reactions: list[ReactionCount] = field(default_factory=list)
    replies: list[ReplyView] = field(default_factory=list)
    is_for_me: bool = False
    is_mine: bool = False
    can_engage: bool = False
    can_moderate: bool = False
    effective_visibility: str = ""
    giver_pronouns: str = ""
    # [{"name", "pronouns"}] in recipient order, for cards that show pronouns.
    recipients: list[dict] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.recognition.pk


def _with_details(queryset: QuerySet[Recognition]) -> QuerySet[Recognition]:
    return queryset.select_related("giver", "group").prefetch_related(
        Prefetch("recipient_links",
                 queryset=RecognitionRecipient.objects.select_related("recipient")
                 .order_by("id")),
        "values",
        Prefetch("replies", queryset=Reply.objects.filter(is_hidden=False)
                 .select_related("author")),
    ).annotate(
        has_opted_out_recipient=Exists(opted_out_recipients(OuterRef("pk"),
                                                            OuterRef(OuterRef("group_id")))),
    )


def _pseudonyms(recognitions: list[Recognition]) -> dict[tuple[int, int], tuple[str, str]]:
    """(group id, user id) -> (pseudonym, its own pronouns) for recognitions in pseudonymous
    groups (<= 1 query)."""
    group_ids, user_ids = set(), set()
    for rec in recognitions:
        if rec.group_id and rec.group.allow_pseudonyms:
            group_ids.add(rec.group_id)
            user_ids.add(rec.giver_id)
            user_ids.update(link.recipient_id for link in rec.recipient_links.all())
            user_ids.update(reply.author_id for reply in rec.replies.all())
    if not group_ids:
        return {}
    rows = Membership.objects.filter(group_id__in=group_ids, user_id__in=user_ids).exclude(
        pseudonym="").values_list("group_id", "user_id", "pseudonym", "pseudonym_pronouns")
    return {(gid, uid): (pseudonym, pronouns) for gid, uid, pseudonym, pronouns in rows}


def _reaction_counts(recognitions: list[Recognition], viewer: User) -> dict[int, dict]:
    """recognition id -> kind -> (count, mine), in one grouped query."""
    rows = (Reaction.objects.filter(recognition__in=[r.pk for r in recognitions])
            .values("recognition_id", "kind")
            .annotate(n=Count("id"), mine=Count("id", filter=Q(user=viewer)))
            .order_by())
    counts: dict[int, dict] = {}
    for row in rows:
        counts.setdefault(row["recognition_id"], {})[row["kind"]] = (row["n"], row["mine"] > 0)
    return counts


def effective_visibility(recognition: Recognition, *, opted_out: bool) -> str:
    if opted_out:
        return Recognition.Visibility.PRIVATE
    return recognition.visibility


def cards_for(*, context: ViewerContext, recognitions: list[Recognition]) -> list[RecognitionCard]:
    """Turns recognitions fetched with `_with_details` into cards (two queries at most)."""
    if not recognitions:
        return []
    viewer = context.user
    pseudonyms = _pseudonyms(recognitions)
    reactions = _reaction_counts(recognitions, viewer)
    cards = []
    for rec in recognitions:
        def named(user: User, rec: Recognition = rec) -> tuple[str, str]:
            """(name, pronouns): a pseudonym comes with its own pronouns only."""
            if rec.group_id and rec.group.allow_pseudonyms:
                return pseudonyms.get((rec.group_id, user.pk), (user.name, user.shown_pronouns))
            return user.name, user.shown_pronouns

        def name(user: User, rec: Recognition = rec) -> str:
            return named(user, rec)[0]

        links = list(rec.recipient_links.all())
        is_for_me = any(link.recipient_id == viewer.pk for link in links)
        mine = reactions.get(rec.pk, {})
        can_moderate = (rec.group_id in context.facilitated_group_ids if rec.group_id
                        else context.is_staff)
        cards.append(RecognitionCard(
            recognition=rec,
            giver_name=name(rec.giver),
            giver_pronouns=named(rec.giver)[1],
            recipient_names=[name(link.recipient) for link in links],
            recipients=[dict(zip(("name", "pronouns"), named(link.recipient), strict=True))
                        for link in links],
            values=list(rec.values.all()),
            reactions=[ReactionCount(kind=kind, label=label,
                                     count=mine.get(kind, (0, False))[0],
                                     mine=mine.get(kind, (0, False))[1])
                       for kind, label in Reaction.Kind.choices],
            replies=[ReplyView(id=reply.pk, author_name=name(reply.author),
                               author_pronouns=named(reply.author)[1], body=reply.body,
                               created_at=reply.created_at, is_mine=reply.author_id == viewer.pk)
                     for reply in rec.replies.all()],
            is_for_me=is_for_me,
            is_mine=rec.giver_id == viewer.pk,
            can_engage=not rec.is_hidden,
            can_moderate=can_moderate,
            effective_visibility=effective_visibility(
                rec, opted_out=getattr(rec, "has_opted_out_recipient", False)),
        ))
    return cards


@dataclass
class FeedPage:
    page: Page
    cards: list[RecognitionCard]


def feed_page(*, context: ViewerContext, page_number: int | str | None = 1,
              value: Value | None = None, for_me: bool = False, group: Group | None = None,
              page_size: int = FEED_PAGE_SIZE) -> FeedPage:
    """One page of the feed in a constant number of queries, whatever the page holds."""
    queryset = recognitions_visible_to(context=context)
    if value is not None:
        queryset = queryset.filter(values=value)
    if for_me:
        queryset = queryset.filter(recipient_links__recipient=context.user)
    if group is not None:
        queryset = queryset.filter(group=group)
    paginator = Paginator(_with_details(queryset).order_by("-created_at", "-id"), page_size)
    page = paginator.get_page(page_number)
    return FeedPage(page=page, cards=cards_for(context=context, recognitions=list(page)))


def recognition_card(*, context: ViewerContext, recognition_id: int) -> RecognitionCard | None:
    """A single recognition the viewer may see, or None (the caller answers 404)."""
    recognition = _with_details(recognitions_visible_to(context=context)).filter(
        pk=recognition_id).first()
    if recognition is None:
        return None
    return cards_for(context=context, recognitions=[recognition])[0]


def values_active() -> list[Value]:
    return list(Value.objects.filter(is_active=True))


def people_search(*, viewer: User, query: str, limit: int = PEOPLE_SEARCH_LIMIT) -> list[dict]:
    """Active colleagues whose display name contains, or email starts with, the query.

    One query, at most `limit` rows: the picker never downloads the whole organisation.
    """
    query = query.strip()
    if len(query) < PEOPLE_SEARCH_MIN_LENGTH:
        return []
    people = (User.objects.filter(is_active=True)
              .filter(Q(display_name__icontains=query) | Q(email__istartswith=query))
              .exclude(pk=viewer.pk)
              .order_by("display_name", "email")
              .only("email", "display_name")[:limit])
    return [{"email": person.email, "name": person.name} for person in people]


def given_in_window(*, giver: User, now: datetime | None = None) -> list[datetime]:
    """Creation times of what this person gave in the rolling week, oldest first."""
    since = (now or timezone.now()) - WEEK
    return list(Recognition.objects.filter(giver=giver, created_at__gt=since)
                .order_by("created_at").values_list("created_at", flat=True))


@dataclass(frozen=True)
class GivingAllowance:
    limit: int
    used: int
    next_available_at: datetime | None

    @property
    def remaining(self) -> int:
        return max(0, self.limit - self.used)


def giving_allowance(*, giver: User, now: datetime | None = None) -> GivingAllowance:
    limit = settings.RECOGNITION_WEEKLY_LIMIT
    times = given_in_window(giver=giver, now=now)
    next_at = None
    if len(times) >= limit:
        # A slot frees up when the oldest recognition that keeps the count at the limit ages out.
        next_at = times[len(times) - limit] + WEEK
    return GivingAllowance(limit=limit, used=len(times), next_available_at=next_at)


@dataclass
class ReceivedSummary:
    total: int
    top_values: list[tuple[Value, int]]
    recent: list[RecognitionCard]


def received_summary(*, context: ViewerContext, recent: int = 10) -> ReceivedSummary:
    """For the person's own page only: what they received, and the values most recognised."""
    received = Recognition.objects.filter(recipient_links__recipient=context.user,
                                          is_hidden=False)
    total = received.count()
    counter: Counter[int] = Counter(
        Value.objects.filter(recognitions__in=received).values_list("pk", flat=True))
    by_id = Value.objects.in_bulk(list(counter))
    ranked = sorted(counter.items(), key=lambda item: (-item[1], by_id[item[0]].position,
                                                       by_id[item[0]].name))
    top = [(by_id[pk], count) for pk, count in ranked[:5]]
    latest = list(_with_details(received).order_by("-created_at", "-id")[:recent])
    return ReceivedSummary(total=total, top_values=top,
                           recent=cards_for(context=context, recognitions=latest))


def received_since(*, context: ViewerContext, since: datetime | None,
                   limit: int = 3) -> tuple[int, list[RecognitionCard]]:
    """For the person's own home: how many recognitions they received since `since` (ever,
    when None), and the latest `limit` of them as cards (givers named as the feed names them,
    under their pseudonym in a pseudonymous group)."""
    received = Recognition.objects.filter(recipient_links__recipient=context.user,
                                          is_hidden=False)
    if since is not None:
        received = received.filter(created_at__gt=since)
    latest = list(_with_details(received).order_by("-created_at", "-id")[:limit])
    count = len(latest) if len(latest) < limit else received.count()
    return count, cards_for(context=context, recognitions=latest)


def preference_of(*, user: User) -> RecognitionPreference:
    """The person's preferences (an unsaved row with the defaults when they never chose)."""
    return (RecognitionPreference.objects.filter(user=user).first()
            or RecognitionPreference(user=user))


def group_members_for_giving(*, group: Group, giver: User) -> list[tuple[int, str]]:
    """(membership id, in-group name) of the group's other active members, for the picker.

    Membership ids, not user ids: a pseudonym must not be linkable to a person elsewhere.
    """
    memberships = (Membership.objects.filter(group=group, status=Membership.Status.ACTIVE)
                   .exclude(user=giver).select_related("user"))
    names = []
    for membership in memberships:
        if group.allow_pseudonyms and membership.pseudonym:
            names.append((membership.pk, membership.pseudonym))
        else:
            names.append((membership.pk, membership.user.name))
    return sorted(names, key=lambda item: item[1].lower())


def groups_to_give_in(*, giver: User) -> list[Group]:
    return list(Group.objects.filter(memberships__user=giver,
                                     memberships__status=Membership.Status.ACTIVE))


@dataclass
class ReportItem:
    card: RecognitionCard
    reports: list[Report]


def open_reports_for(*, context: ViewerContext) -> list[ReportItem]:
    """Reported recognitions this moderator looks after, with their open reports."""
    scope = Q(group_id__in=context.facilitated_group_ids)
    if context.is_staff:
        scope |= Q(group__isnull=True)
    recognitions = list(_with_details(
        Recognition.objects.filter(scope, reports__status=Report.Status.OPEN).distinct()
    ).prefetch_related(Prefetch("reports", queryset=Report.objects.filter(
        status=Report.Status.OPEN).order_by("created_at"), to_attr="open_reports")))
    cards = cards_for(context=context, recognitions=recognitions)
    return [ReportItem(card=card, reports=card.recognition.open_reports) for card in cards]
