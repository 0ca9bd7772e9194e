from django.contrib import admin
from django.urls import include, path

from peersupport import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("accounts.urls")),
    path("groups/", include("groups.urls")),
    path("sessions/", include("sessions.urls")),
    path("", include("chat.urls")),
    path("recognition/", include("recognition.urls")),
    path("dashboard/", include("dashboards.urls")),
    path("support/", include("support.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "peersupport.views.forbidden"
handler404 = "peersupport.views.not_found"
handler500 = "peersupport.views.server_error"
