"""Moderation queue pages. Included by chat/urls.py without a namespace of their own, so the
names are `chat:moderation_queue` and `chat:moderation_act`."""

from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from chat import moderation_views

urlpatterns = [
    path("chat/moderation/<slug:group_slug>/", moderation_views.queue, name="moderation_queue"),
    path("chat/moderation/flags/<id:flag_id>/", moderation_views.act, name="moderation_act"),
]
