"""Starter word lists, so a fresh install reacts sensibly; organisations edit them in the admin."""

from django.db import migrations

NUDGES = [
    ("you should", "no_unsolicited_advice"),
    ("you need to", "no_unsolicited_advice"),
    ("just do", "no_unsolicited_advice"),
    ("why don't you", "no_unsolicited_advice"),
    ("if i were you", "no_unsolicited_advice"),
    ("you have to", "no_unsolicited_advice"),
    ("your fault", "respect"),
    ("you always", "respect"),
    ("you never", "respect"),
    ("get over it", "listen_without_judgement"),
    ("overreacting", "listen_without_judgement"),
]
DISTRESS = [
    "kill myself", "end it all", "suicide", "suicidal", "want to die", "hurt myself",
    "self harm", "self-harm", "can't go on", "cannot go on", "no way out",
    "better off without me", "no reason to live",
]
BLOCKED = ["kill yourself", "kys", "go die"]


def add_terms(apps, schema_editor):
    FilterTerm = apps.get_model("chat", "FilterTerm")
    for phrase, rule_key in NUDGES:
        FilterTerm.objects.get_or_create(kind="nudge", phrase=phrase,
                                         defaults={"rule_key": rule_key})
    for phrase in DISTRESS:
        FilterTerm.objects.get_or_create(kind="distress", phrase=phrase)
    for phrase in BLOCKED:
        FilterTerm.objects.get_or_create(kind="blocked", phrase=phrase)


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_initial")]

    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
