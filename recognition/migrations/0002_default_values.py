from django.db import migrations

DEFAULT_VALUES = [
    ("Empathy", "empathy", "Understood how someone felt and showed it."),
    ("Active listening", "active-listening", "Listened fully, without judgement or interrupting."),
    ("Inclusion", "inclusion", "Made room for someone who might have been left out."),
    ("Courage", "courage", "Spoke up, or stood by someone, when it was hard."),
    ("Support", "support", "Was there for a colleague when it mattered."),
    ("Teamwork", "teamwork", "Worked with others so everyone could do well."),
]


def seed_values(apps, schema_editor):
    Value = apps.get_model("recognition", "Value")
    for position, (name, slug, description) in enumerate(DEFAULT_VALUES):
        Value.objects.get_or_create(slug=slug, defaults={
            "name": name, "description": description, "position": position})


def unseed_values(apps, schema_editor):
    Value = apps.get_model("recognition", "Value")
    Value.objects.filter(slug__in=[slug for _, slug, _ in DEFAULT_VALUES],
                         recognitions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("recognition", "0001_initial")]

    operations = [migrations.RunPython(seed_values, unseed_values)]
