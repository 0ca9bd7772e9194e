from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from training import views

app_name = "training"
urlpatterns = [
    path("", views.index, name="index"),
    path("api/feedback/", views.feedback_api, name="feedback_api"),
    path("facilitator/", views.facilitator_path, name="facilitator_path"),
    path("sign-off/<id:session_id>/", views.signoff, name="signoff"),
    path("practice/<id:item_id>/", views.practice_submit, name="practice_submit"),
    path("replies/<id:reply_id>/delete/", views.reply_delete, name="reply_delete"),
    path("replies/delete-all/", views.replies_delete_all, name="replies_delete_all"),
    path("questions/<id:question_id>/answer/", views.answer, name="answer"),
    path("<slug:slug>/", views.module_detail, name="module"),
]
