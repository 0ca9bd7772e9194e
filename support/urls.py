from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from support.views import attachments, conversations, hr, reports, resources

app_name = "support"
urlpatterns = [
    path("", resources.index, name="index"),
    path("facilitator/", conversations.conversation_start, name="conversation_start"),
    path("conversations/", conversations.conversation_list, name="conversations"),
    path("conversations/<id:pk>/", conversations.conversation_detail, name="conversation"),
    path(
        "conversations/<id:pk>/close/", conversations.conversation_close, name="conversation_close"
    ),
    path("reports/", reports.report_list, name="reports"),
    path("reports/new/", reports.report_new, name="report_new"),
    path("reports/<id:pk>/", reports.report_detail, name="report"),
    path("reports/<id:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<id:pk>/preview/", reports.report_preview, name="report_preview"),
    path("reports/<id:pk>/submit/", reports.report_submit, name="report_submit"),
    path("reports/<id:pk>/delete/", reports.report_delete, name="report_delete"),
    path("reports/<id:pk>/avoid/", reports.report_avoid, name="report_avoid"),
    path("reports/<id:pk>/attachments/<id:attachment_pk>/", attachments.attachment_download,
         name="report_attachment"),
    path("hr/reports/", hr.hr_report_list, name="hr_reports"),
    path("hr/reports/<id:pk>/", hr.hr_report_detail, name="hr_report"),
]
