from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from sessions.views import calendar, checkins, manage, pages

app_name = "sessions"
urlpatterns = [
    path("", pages.session_list, name="list"),
    path("mine/", pages.my_schedule, name="schedule"),
    path("check-ins/", checkins.my_checkins, name="my_checkins"),
    path("calendar/", calendar.calendar_settings, name="calendar_settings"),
    path("calendar/reset/", calendar.feed_reset, name="feed_reset"),
    path("calendar/revoke/", calendar.feed_revoke, name="feed_revoke"),
    path("feed/<str:token>.ics", calendar.feed, name="feed"),
    path("new/", manage.choose_group, name="choose_group"),
    path("new/<slug:slug>/", manage.create, name="create"),
    path("<id:pk>/", pages.session_detail, name="detail"),
    path("<id:pk>/rsvp/", pages.rsvp, name="rsvp"),
    path("<id:pk>/rules/", pages.accept_rules, name="accept_rules"),
    path("<id:pk>/calendar.ics", calendar.session_ics, name="calendar"),
    path("<id:pk>/edit/", manage.edit, name="edit"),
    path("<id:pk>/cancel/", manage.cancel, name="cancel"),
    path("<id:pk>/attendance/", manage.attendance, name="attendance"),
    path("<id:pk>/feedback/", manage.feedback, name="feedback"),
    path("<id:pk>/mood/", checkins.mood, name="mood"),
    path("<id:pk>/check-out/", checkins.checkout, name="checkout"),
]
