from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from recognition import views

app_name = "recognition"
urlpatterns = [
    path("", views.feed, name="feed"),
    path("give/", views.give, name="give"),
    path("give/<slug:slug>/", views.give_in_group, name="give_in_group"),
    path("people/", views.people, name="people"),
    path("me/", views.me, name="me"),
    path("settings/", views.preferences, name="settings"),
    path("reports/", views.reports, name="reports"),
    path("<id:recognition_id>/", views.detail, name="detail"),
    path("<id:recognition_id>/react/", views.react, name="react"),
    path("<id:recognition_id>/reply/", views.reply, name="reply"),
    path("<id:recognition_id>/report/", views.report, name="report"),
    path("<id:recognition_id>/hide/", views.hide, name="hide"),
    path("<id:recognition_id>/restore/", views.restore, name="restore"),
    path("<id:recognition_id>/dismiss/", views.dismiss, name="dismiss"),
    path("replies/<id:reply_id>/remove/", views.reply_remove, name="reply_remove"),
]
