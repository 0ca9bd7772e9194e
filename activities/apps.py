from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    """Team-building activities: the library, planning them into sessions, running them live."""

    name = "activities"
    verbose_name = "Team-building activities"
