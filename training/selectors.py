"""Reads for the training pages: always about the viewer's own progress, or aggregates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from training.models import (
    Certification,
    ChoiceAnswer,
    ChoiceQuestion,
    ItemPassed,
    Module,
    ModuleProgress,
    PracticeItem,
    PracticeReply,
    SignOff,
)


def published_modules():
    return Module.objects.filter(is_published=True).order_by("position", "id")


@dataclass
class ModuleStep:
    module: Module
    started: bool = False
    completed_at: dt.datetime | None = None
    items_passed: int = 0
    items_total: int = 0
    questions_right: int = 0
    questions_total: int = 0

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


@dataclass
class PathView:
    steps: list[ModuleStep]
    certification: Certification | None = None
    latest_certification: Certification | None = None
    signoffs: int = 0
    facilitator_steps: list[ModuleStep] = field(default_factory=list)

    @property
    def completed(self) -> int:
        return sum(1 for s in self.steps if s.completed)

    @property
    def facilitator_modules_done(self) -> bool:
        return all(s.completed for s in self.facilitator_steps)


def path_for(*, user) -> PathView:
    """The learner's own path: every published module and how far they are in it."""
    modules = list(published_modules().annotate(
        n_items=Count("practice_items", distinct=True),
        n_questions=Count("questions", distinct=True)))
    progress = {p.module_id: p for p in ModuleProgress.objects.filter(user=user)}
    passed = dict(ItemPassed.objects.filter(user=user).values("item__module")
                  .annotate(n=Count("id")).values_list("item__module", "n"))
    right = dict(ChoiceAnswer.objects.filter(user=user, correct=True)
                 .values("question__module").annotate(n=Count("id"))
                 .values_list("question__module", "n"))
    steps = []
    for module in modules:
        p = progress.get(module.pk)
        steps.append(ModuleStep(module, started=p is not None,
                                completed_at=p.completed_at if p else None,
                                items_passed=passed.get(module.pk, 0), items_total=module.n_items,
                                questions_right=right.get(module.pk, 0),
                                questions_total=module.n_questions))
    now = timezone.now()
    certs = list(Certification.objects.filter(user=user).order_by("-expires_at")[:1])
    latest = certs[0] if certs else None
    current = latest if latest and latest.granted_at <= now < latest.expires_at else None
    return PathView(steps=steps, certification=current, latest_certification=latest,
                    signoffs=SignOff.objects.filter(user=user).count(),
                    facilitator_steps=[s for s in steps if s.module.for_facilitators])


def module_page(*, user, module: Module) -> dict:
    """Everything one module's page shows, with the viewer's own answers and replies."""
    items = list(PracticeItem.objects.filter(module=module).prefetch_related(
        Prefetch("replies", queryset=PracticeReply.objects.filter(user=user),
                 to_attr="my_replies")))
    passed = set(ItemPassed.objects.filter(user=user, item__module=module)
                 .values_list("item_id", flat=True))
    questions = list(ChoiceQuestion.objects.filter(module=module))
    answers = {a.question_id: a for a in ChoiceAnswer.objects.filter(
        user=user, question__module=module)}
    return {
        "examples": list(module.examples.all()),
        "items": [{"item": i, "passed": i.pk in passed, "replies": i.my_replies} for i in items],
        "questions": [{"question": q, "answer": answers.get(q.pk)} for q in questions],
        "progress": ModuleProgress.objects.filter(user=user, module=module).first(),
    }


def trained_user_ids(user_ids: Iterable[int], *, now: dt.datetime | None = None) -> set[int]:
    """Which of these people are trained facilitators now (one query, for badges)."""
    now = now or timezone.now()
    ids = {i for i in user_ids if i is not None}
    if not ids:
        return set()
    return set(Certification.objects.filter(user_id__in=ids, granted_at__lte=now,
                                            expires_at__gt=now)
               .values_list("user_id", flat=True))


def completions_by_module(*, start: dt.datetime, end: dt.datetime,
                          department_id: int | None = None) -> list[tuple[Module, int]]:
    """True counts of the people who completed each module in [start, end), for the HR
    dashboard only (it protects them before anyone sees them)."""
    people = Q(progress__completed_at__gte=start, progress__completed_at__lt=end)
    if department_id:
        people &= Q(progress__user__department_id=department_id)
    rows = published_modules().annotate(n=Count("progress__user", filter=people, distinct=True))
    return [(module, module.n) for module in rows]


def people_completing_any(*, start: dt.datetime, end: dt.datetime,
                          department_id: int | None = None) -> int:
    q = ModuleProgress.objects.filter(completed_at__gte=start, completed_at__lt=end,
                                      module__is_published=True)
    if department_id:
        q = q.filter(user__department_id=department_id)
    return q.values("user").distinct().count()
