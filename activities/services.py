"""Writes of the activity library: favourites, facilitators' own activities, planning them into
sessions, private ratings. Running them live is in `activities.live`; turning an answer into
a recognition in `activities.appreciation`."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from activities import policies
from activities.models import (
    MAX_PEOPLE,
    MAX_STEP_MINUTES,
    Activity,
    ActivityRun,
    ActivityStep,
    Favourite,
    Rating,
    RatingReceipt,
    SessionActivity,
)
from groups.models import Group, Membership
from groups.rules import RULE_KEYS
from sessions.models import Session

MAX_STEPS = 12
PLAN_THIS = "this"
PLAN_SERIES = "series"


def favourite_set(*, user, activity: Activity, on: bool) -> bool:
    """Saves or forgets a favourite; returns whether it is saved. Safe to repeat."""
    if not on:
        Favourite.objects.filter(user=user, activity=activity).delete()
        return False
    try:
        with transaction.atomic():
            Favourite.objects.create(user=user, activity=activity)
    except IntegrityError:
        pass  # already saved (a double click)
    return True


@dataclass
class StepDraft:
    title: str
    minutes: int
    instructions: str
    prompt: str = ""
    appreciation: bool = False


@dataclass
class ActivityDraft:
    title: str
    category: str
    purpose: str
    format: str
    min_people: int
    max_people: int
    materials: str
    facilitator_tips: str
    accessibility_notes: str
    ground_rules: list[str]
    groups: list[Group]
    steps: list[StepDraft]


def _check_draft(*, author, draft: ActivityDraft) -> None:
    errors: dict[str, str] = {}
    if not draft.title.strip():
        errors["title"] = _("Give the activity a name.")
    if draft.category not in Activity.Purpose.values:
        errors["category"] = _("Choose what the activity is for.")
    if draft.format not in Activity.Format.values:
        errors["format"] = _("Choose remote, in person, or both.")
    if not 2 <= draft.min_people <= draft.max_people <= MAX_PEOPLE:
        errors["max_people"] = _("The group size must be a range from 2 to %(most)d people, "
                                 "fewest first.") % {"most": MAX_PEOPLE}
    if any(key not in RULE_KEYS for key in draft.ground_rules):
        errors["ground_rules"] = _("Choose from the listed ground rules.")
    allowed = policies.facilitated_group_ids(author)
    if not draft.groups or any(group.pk not in allowed for group in draft.groups):
        errors["groups"] = _("Share it with at least one group you facilitate.")
    if errors:
        raise ValidationError(errors)
    if not draft.steps:
        raise ValidationError(_("Add at least one step, with its minutes and instructions."))
    if len(draft.steps) > MAX_STEPS:
        raise ValidationError(_("Keep it to %(most)d steps or fewer.") % {"most": MAX_STEPS})
    for number, step in enumerate(draft.steps, start=1):
        if not step.title.strip() or not step.instructions.strip():
            raise ValidationError(_("Step %(n)d needs a name and instructions.") % {"n": number})
        if not 1 <= step.minutes <= MAX_STEP_MINUTES:
            raise ValidationError(_("Step %(n)d: give it between 1 and %(most)d minutes.")
                                  % {"n": number, "most": MAX_STEP_MINUTES})


RESERVED_SLUGS = {"new", "runs", "answers"}  # paths of their own under /activities/


def _unique_slug(title: str) -> str:
    base = slugify(title)[:60] or "activity"
    if base in RESERVED_SLUGS:
        base = f"{base}-activity"
    slug, n = base, 2
    while Activity.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def activity_write(*, author, draft: ActivityDraft, activity: Activity | None = None,
                   second_factor: bool | None = None) -> Activity:
    """Creates a facilitator's own activity, or updates it (author only, until published).

    Shared with the chosen groups only; an admin publishes it to everyone."""
    if activity is None and not policies.can_write(author, second_factor=second_factor):
        raise ValidationError(_("Only facilitators of a group can write activities."))
    if activity is not None and not policies.can_edit(author, activity,
                                                      second_factor=second_factor):
        raise ValidationError(_("Only its author can change this activity, until it is "
                                "published."))
    _check_draft(author=author, draft=draft)
    fields = {
        "title": draft.title.strip(), "category": draft.category,
        "purpose": draft.purpose.strip(), "format": draft.format,
        "min_people": draft.min_people, "max_people": draft.max_people,
        "materials": draft.materials.strip(),
        "facilitator_tips": draft.facilitator_tips.strip(),
        "accessibility_notes": draft.accessibility_notes.strip(),
        "ground_rules": list(dict.fromkeys(draft.ground_rules)),
        "duration_minutes": sum(step.minutes for step in draft.steps)}
    with transaction.atomic():
        if activity is None:
            activity = Activity.objects.create(slug=_unique_slug(draft.title), author=author,
                                               is_published=False, **fields)
        else:
            for name, value in fields.items():
                setattr(activity, name, value)
            activity.save()
            activity.steps.all().delete()
        activity.groups.set(draft.groups)
        ActivityStep.objects.bulk_create([
            ActivityStep(activity=activity, position=position, title=step.title.strip(),
                         minutes=step.minutes, instructions=step.instructions.strip(),
                         prompt=step.prompt.strip(), appreciation=step.appreciation)
            for position, step in enumerate(draft.steps)])
    return activity


def _may_use_in(activity: Activity, session: Session) -> bool:
    return (activity.is_published
            or activity.groups.filter(pk=session.group_id).exists())


def activity_plan(*, session: Session, activity: Activity, by, scope: str = PLAN_THIS,
                  second_factor: bool | None = None) -> list[Session]:
    """Attaches the activity to the session, or (scope "series") to it and the series' later
    scheduled sessions. Returns the sessions it was added to (already planned ones skipped)."""
    if not policies.can_plan(by, session, second_factor=second_factor):
        raise ValidationError(_("Only the group's facilitators can plan its sessions."))
    if not _may_use_in(activity, session):
        raise ValidationError(_("This activity is not shared with this session's group."))
    if session.status != Session.Status.SCHEDULED or session.ends_at <= timezone.now():
        raise ValidationError(_("Activities can be planned for upcoming sessions only."))
    if scope not in (PLAN_THIS, PLAN_SERIES):
        raise ValidationError(_("Choose this session or the whole series."))
    targets = [session]
    if scope == PLAN_SERIES and session.series_id:
        targets = list(Session.objects.filter(series_id=session.series_id,
                                              status=Session.Status.SCHEDULED,
                                              starts_at__gte=session.starts_at)
                       .order_by("starts_at"))
    added = []
    with transaction.atomic():
        for target in targets:
            position = (SessionActivity.objects.filter(session=target)
                        .aggregate(n=Max("position"))["n"])
            _link, created = SessionActivity.objects.get_or_create(
                session=target, activity=activity,
                defaults={"added_by": by, "position": 0 if position is None else position + 1})
            if created:
                added.append(target)
    return added


def activity_unplan(*, session: Session, activity: Activity, by, scope: str = PLAN_THIS,
                    second_factor: bool | None = None) -> int:
    if not policies.can_plan(by, session, second_factor=second_factor):
        raise ValidationError(_("Only the group's facilitators can plan its sessions."))
    links = SessionActivity.objects.filter(session=session, activity=activity)
    if scope == PLAN_SERIES and session.series_id:
        links = SessionActivity.objects.filter(
            session__series_id=session.series_id, session__starts_at__gte=session.starts_at,
            activity=activity)
    deleted, _rows = links.delete()
    return deleted


def rating_give(*, run: ActivityRun, user, answer: str) -> bool:
    """A private rating of a run by someone who was there. False if they had already rated.

    The rating carries no person (the receipt says only that they answered)."""
    if answer not in Rating.Answer.values:
        raise ValidationError(_("Choose helpful or not for me."))
    if run.status != ActivityRun.Status.ENDED:
        raise ValidationError(_("You can rate the activity once it has ended."))
    if not Membership.objects.filter(group_id=run.session.group_id, user=user,
                                     status=Membership.Status.ACTIVE).exists():
        raise ValidationError(_("Only the group's members can rate its activities."))
    try:
        with transaction.atomic():
            RatingReceipt.objects.create(run=run, user=user)
            Rating.objects.create(run=run, activity_id=run.activity_id, answer=answer,
                                  created_on=timezone.now().date())
    except IntegrityError:
        return False
    return True
