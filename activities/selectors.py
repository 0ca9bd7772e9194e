"""Reads of the activity library. Callers have decided access (activities.policies)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from activities import content, policies
from activities.models import (
    Activity,
    ActivityRun,
    ActivityStep,
    Favourite,
    Rating,
    SessionActivity,
)
from sessions.models import Session

# Group sizes offered by the library's filter: (low, high). An activity fits a size range
# when it works for every size in it.
SIZE_RANGES = {"2-5": (2, 5), "6-10": (6, 10), "11-20": (11, 20), "21-50": (21, 50)}
MINUTE_CHOICES = [5, 10, 15, 20, 30, 45, 60]
RATINGS_SHOWN_FROM = 3
SIZE_PATTERN = re.compile(r"^\s*(\d{1,3})\s*(?:-\s*(\d{1,3}))?\s*$")


@dataclass(frozen=True)
class LibraryFilters:
    query: str = ""
    format: str = ""  # remote | in_person ("" any)
    minutes: int | None = None  # time available: activities that fit in it
    size: tuple[int, int] | None = None
    purpose: str = ""
    favourites: bool = False
    mine: bool = False


def parse_size(value: str) -> tuple[int, int] | None:
    """"6-10" or "8" -> (low, high); None when it is not a size."""
    if value in SIZE_RANGES:
        return SIZE_RANGES[value]
    match = SIZE_PATTERN.match(value or "")
    if not match:
        return None
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if low < 1 or high < low:
        return None
    return low, high


def visible_activities(*, user, group_ids: set[int] | None = None) -> QuerySet[Activity]:
    if group_ids is None:
        group_ids = policies.member_group_ids(user)
    ids = Activity.objects.filter(policies.visible_q(user, group_ids)).values("pk")
    return Activity.objects.filter(pk__in=ids)


def library_search(*, user, filters: LibraryFilters) -> list[Activity]:
    """The activities the person may see that match the filters, best fit first. Two queries
    (the activities, then the viewer's favourites among them)."""
    activities = visible_activities(user=user)
    language = content.content_language()
    if filters.query:
        q = filters.query
        # The library's activities match in the reader's language too (in Python: 26 texts).
        translated = content.matching_slugs(q, language)
        activities = activities.filter(Q(title__icontains=q) | Q(purpose__icontains=q)
                                       | Q(steps__instructions__icontains=q)
                                       | Q(slug__in=translated, author=None)).distinct()
    if filters.format in (Activity.Format.REMOTE, Activity.Format.IN_PERSON):
        activities = activities.filter(format__in=[filters.format, Activity.Format.BOTH])
    if filters.minutes is not None:
        activities = activities.filter(duration_minutes__lte=filters.minutes)
    if filters.size is not None:
        low, high = filters.size
        activities = activities.filter(min_people__lte=low, max_people__gte=high)
    if filters.purpose in Activity.Purpose.values:
        activities = activities.filter(category=filters.purpose)
    favourites = Favourite.objects.filter(user=user).values("activity_id")
    if filters.favourites:
        activities = activities.filter(pk__in=favourites)
    if filters.mine:
        activities = activities.filter(author=user)
    found = [content.shown_activity(activity, language) for activity in activities]
    # Sorted by the title the reader sees (longest first when they gave the time they have).
    found.sort(key=lambda a: (-a.duration_minutes if filters.minutes else 0,
                              content.folded(a.title)))
    liked = set(Favourite.objects.filter(user=user, activity__in=[a.pk for a in found])
                .values_list("activity_id", flat=True))
    for activity in found:
        activity.is_favourite = activity.pk in liked
    return found


def activity_with_steps(*, slug: str) -> Activity | None:
    return (Activity.objects.filter(slug=slug)
            .prefetch_related(Prefetch("steps", queryset=ActivityStep.objects.order_by(
                "position", "id")), "groups").first())


def is_favourite(*, user, activity: Activity) -> bool:
    return Favourite.objects.filter(user=user, activity=activity).exists()


def planned_for(*, session: Session) -> list[Activity]:
    """The activities planned for a session, in order, in the reader's language (one query)."""
    return [content.shown_activity(link.activity)
            for link in SessionActivity.objects.filter(session=session)
            .select_related("activity").order_by("position", "id")]


def planned_titles_by_session(*, session_ids) -> dict[int, list[str]]:
    """session id -> titles of its planned activities, in the active language (one query for
    a whole calendar)."""
    titles: dict[int, list[str]] = {}
    rows = (SessionActivity.objects.filter(session_id__in=list(session_ids))
            .order_by("position", "id")
            .values_list("session_id", "activity__slug", "activity__title"))
    for session_id, slug, title in rows:
        titles.setdefault(session_id, []).append(content.title_in(slug=slug, title=title))
    return titles


def sessions_to_plan(*, user, activity: Activity) -> list[Session]:
    """Upcoming, scheduled sessions of groups the person facilitates that may use this
    activity, with whether it is already planned."""
    from django.utils import timezone

    groups = policies.facilitated_group_ids(user)
    if not activity.is_published and activity.author_id != user.pk:
        groups &= set(activity.groups.values_list("pk", flat=True))
    sessions = list(Session.objects.filter(group_id__in=groups, status=Session.Status.SCHEDULED,
                                           ends_at__gt=timezone.now())
                    .select_related("group").order_by("starts_at")[:50])
    planned = set(SessionActivity.objects.filter(session__in=sessions, activity=activity)
                  .values_list("session_id", flat=True))
    for session in sessions:
        session.has_activity = session.pk in planned
    return sessions


@dataclass
class RatingSummary:
    answers: int
    helpful: int
    not_for_me: int
    shown: bool = field(init=False)

    def __post_init__(self) -> None:
        self.shown = self.answers >= RATINGS_SHOWN_FROM


def ratings_for_facilitator(*, user, activity: Activity) -> RatingSummary:
    """How people in the groups this person facilitates rated the activity. Counts only, and
    only once at least RATINGS_SHOWN_FROM answered (`shown`)."""
    groups = policies.facilitated_group_ids(user)
    counts = (Rating.objects.filter(activity=activity, run__session__group_id__in=groups)
              .aggregate(answers=Count("id"),
                         helpful=Count("id", filter=Q(answer=Rating.Answer.HELPFUL))))
    answers = counts["answers"] or 0
    helpful = counts["helpful"] or 0
    return RatingSummary(answers=answers, helpful=helpful, not_for_me=answers - helpful)


def runs_to_rate(*, session: Session, user) -> list[ActivityRun]:
    """Ended runs of this session the person has not rated yet."""
    from activities.models import RatingReceipt

    rated = RatingReceipt.objects.filter(user=user, run__session=session).values("run_id")
    runs = (ActivityRun.objects.filter(session=session, status=ActivityRun.Status.ENDED)
            .exclude(pk__in=rated).select_related("activity").order_by("started_at"))
    return [content.Shown(run, {"title": content.title_in(slug=run.activity.slug,
                                                          title=run.title)})
            for run in runs]
