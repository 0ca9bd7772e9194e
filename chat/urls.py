from django.urls import include, path

from chat import views

app_name = "chat"
urlpatterns = [
    path("sessions/<int:session_id>/chat/", views.room, name="room"),
    # The moderation queue's patterns land in this namespace (chat:moderation_queue, ...).
    path("", include("chat.moderation_urls")),
]
