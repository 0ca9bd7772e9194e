"""Memberships and join requests get random ids instead of counted-up ones (docs/privacy.md):
existing rows are renumbered too, so no id left over from the counter can be lined up with
another group's. Nothing holds a foreign key to either table."""

import secrets

from django.db import migrations, models

import groups.models

LIMIT = 2**53 - 1


def renumber(apps, schema_editor):
    for name in ("Membership", "JoinRequest"):
        model = apps.get_model("groups", name)
        taken = set(model.objects.values_list("id", flat=True))
        for old in sorted(taken):
            new = secrets.randbelow(LIMIT) + 1
            while new in taken:
                new = secrets.randbelow(LIMIT) + 1
            taken.add(new)
            model.objects.filter(id=old).update(id=new)


class Migration(migrations.Migration):

    dependencies = [
        ("groups", "0002_avoidentry_groupresource_invitation_joinrequest_and_more"),
    ]

    operations = [
        migrations.AlterField(
            model_name="joinrequest",
            name="id",
            field=models.BigIntegerField(default=groups.models.random_public_id, editable=False,
                                         primary_key=True, serialize=False),
        ),
        migrations.AlterField(
            model_name="membership",
            name="id",
            field=models.BigIntegerField(default=groups.models.random_public_id, editable=False,
                                         primary_key=True, serialize=False),
        ),
        migrations.RunPython(renumber, migrations.RunPython.noop),
    ]
