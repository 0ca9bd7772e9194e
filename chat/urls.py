from django.urls import include, path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from chat import views

app_name = "chat"
urlpatterns = [
    path("sessions/<id:session_id>/chat/", views.room, name="room"),
    # The moderation queue's patterns land in this namespace (chat:moderation_queue, ...).
    path("", include("chat.moderation_urls")),
]
