"""The starter library of activities (activities.library), editable in the admin afterwards."""

from django.db import migrations


def load(apps, schema_editor):
    from activities.library import load_library

    load_library(apps.get_model("activities", "Activity"),
                 apps.get_model("activities", "ActivityStep"))


class Migration(migrations.Migration):

    dependencies = [("activities", "0001_library")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
