"""Moderation queue pages. Included by chat/urls.py without a namespace of their own, so the
names are `chat:moderation_queue` and `chat:moderation_act`."""

from django.urls import path

from chat import moderation_views

urlpatterns = [
    path("chat/moderation/<slug:group_slug>/", moderation_views.queue, name="moderation_queue"),
    path("chat/moderation/flags/<int:flag_id>/", moderation_views.act, name="moderation_act"),
]
