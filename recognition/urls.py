from django.urls import path

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
    path("<int:recognition_id>/", views.detail, name="detail"),
    path("<int:recognition_id>/react/", views.react, name="react"),
    path("<int:recognition_id>/reply/", views.reply, name="reply"),
    path("<int:recognition_id>/report/", views.report, name="report"),
    path("<int:recognition_id>/hide/", views.hide, name="hide"),
    path("<int:recognition_id>/restore/", views.restore, name="restore"),
    path("<int:recognition_id>/dismiss/", views.dismiss, name="dismiss"),
    path("replies/<int:reply_id>/remove/", views.reply_remove, name="reply_remove"),
]
