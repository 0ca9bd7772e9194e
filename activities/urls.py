from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from activities import appreciation_views, live_views, views

app_name = "activities"
urlpatterns = [
    path("activities/", views.library, name="library"),
    path("activities/new/", views.write, name="new"),
    path("activities/runs/<id:run_id>/rate/", views.rate, name="rate"),
    path("activities/answers/<id:message_id>/recognise/", appreciation_views.recognise,
         name="recognise"),
    path("activities/<slug:slug>/", views.detail, name="detail"),
    path("activities/<slug:slug>/edit/", views.edit, name="edit"),
    path("activities/<slug:slug>/favourite/", views.favourite, name="favourite"),
    path("activities/<slug:slug>/plan/", views.plan, name="plan"),
    path("sessions/<id:session_id>/activities/<slug:slug>/remove/", views.unplan,
         name="unplan"),
    path("sessions/<id:session_id>/activity/", live_views.presenter, name="presenter"),
    path("sessions/<id:session_id>/activity/control/", live_views.control, name="control"),
]
