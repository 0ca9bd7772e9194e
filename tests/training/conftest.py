"""Training personas: the seeded path (data migration) and helpers to progress through it."""

import pytest

from training import services
from training.models import ChoiceQuestion, Module, PracticeItem

# A reply that passes every practice item: a reflection and an invitation, no pitfall.
GOOD_REPLY = "That sounds really hard. Tell me more."


def complete_module(user, module: Module) -> None:
    """Passes every practice item and answers every question right, through the services."""
    for item in PracticeItem.objects.filter(module=module):
        services.practice_reply_submit(user=user, item=item, text=GOOD_REPLY)
    for question in ChoiceQuestion.objects.filter(module=module):
        services.choice_answer(user=user, question=question, chosen=question.better)


@pytest.fixture
def first_module(db) -> Module:
    return Module.objects.order_by("position").first()


def ensure_seeded() -> None:
    """Transactional tests flush the tables, the seeded modules with them: seed them again the
    way the data migration does."""
    import importlib

    from django.apps import apps

    if not Module.objects.exists():
        seed = importlib.import_module("training.migrations.0002_seed_modules").seed
        seed(apps, None)


@pytest.fixture(autouse=True)
def _english_again_afterwards():
    """A request by a Spanish or French person leaves their language active in the thread
    (LocaleMiddleware activates, nothing deactivates): back to the default after each test, so
    the next one reads as it would alone."""
    yield
    from django.utils import translation

    translation.deactivate()
