"""Demo: the path is seeded (data migration); the demo facilitator is a trained facilitator and
the demo employee is half-way through the modules. Idempotent."""

from accounts.models import User
from training import policies, services
from training.models import ChoiceQuestion, Module, ModuleProgress, PracticeItem

STRONG_REPLIES = [
    "That sounds really hard. Tell me more.",
    "It sounds like you felt let down. What was that like?",
    "That makes sense. I'm here if you want to say more.",
]


def _complete(user: User, module: Module) -> None:
    for n, item in enumerate(PracticeItem.objects.filter(module=module)):
        services.practice_reply_submit(user=user, item=item,
                                       text=STRONG_REPLIES[n % len(STRONG_REPLIES)])
    for question in ChoiceQuestion.objects.filter(module=module):
        services.choice_answer(user=user, question=question, chosen=question.better)


def seed(people: dict[str, User]) -> None:
    modules = list(Module.objects.filter(is_published=True).order_by("position", "id"))
    facilitator = people["facilitator@example.com"]
    if not ModuleProgress.objects.filter(user=facilitator).exists():
        for module in modules:
            _complete(facilitator, module)
    if not policies.is_trained(facilitator):
        # The organisation's first trained facilitator: nobody could have signed them off yet.
        services.certification_grant(user=facilitator)
    employee = people["employee@example.com"]
    if not ModuleProgress.objects.filter(user=employee).exists():
        half = len(modules) // 2
        for module in modules[:half]:
            _complete(employee, module)
        if half < len(modules):
            item = PracticeItem.objects.filter(module=modules[half]).first()
            if item is not None:
                # Started the next one, with a reply that gave advice (and learned from it).
                services.practice_reply_submit(user=employee, item=item,
                                               text="You should just talk to your manager.")
