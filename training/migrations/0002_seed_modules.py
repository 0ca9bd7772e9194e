"""Seeds the first edition of the listening path (training/migrations/_content_v1.py).

Modules that already exist (by slug) are left alone: an organisation's edits in the admin win.
"""

from django.db import migrations


def seed(apps, schema_editor):
    from training.migrations._content_v1 import MODULES

    Module = apps.get_model("training", "Module")
    Example = apps.get_model("training", "WorkedExample")
    Practice = apps.get_model("training", "PracticeItem")
    Question = apps.get_model("training", "ChoiceQuestion")
    for position, (slug, title, summary, minutes, for_facilitators, body, examples, practice,
                   questions) in enumerate(MODULES, start=1):
        module, created = Module.objects.get_or_create(slug=slug, defaults={
            "title": title, "summary": summary, "minutes": minutes, "body": body.strip(),
            "position": position * 10, "for_facilitators": for_facilitators})
        if not created:
            continue
        for n, (message, weak, weak_why, strong, strong_why) in enumerate(examples):
            Example.objects.create(module=module, position=n, colleague_message=message,
                                   weak_reply=weak, weak_why=weak_why, strong_reply=strong,
                                   strong_why=strong_why)
        for n, (message, hint) in enumerate(practice):
            Practice.objects.create(module=module, position=n, colleague_message=message,
                                    hint=hint)
        for n, (message, a, b, better, explanation) in enumerate(questions):
            Question.objects.create(module=module, position=n, colleague_message=message,
                                    reply_a=a, reply_b=b, better=better,
                                    explanation=explanation)


class Migration(migrations.Migration):
    dependencies = [("training", "0001_learning_path")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
