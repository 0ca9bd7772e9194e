from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from accounts import views as accounts_views
from peersupport import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # The footer's language switcher posts to /i18n/setlang/ (Django's set_language, which
    # also saves a signed-in person's choice to their profile).
    path("i18n/setlang/", accounts_views.language_switch, name="set_language"),
    # The scripts' translations, for the active language (gettext() and ngettext() in JS).
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("accounts.urls")),
    path("groups/", include("groups.urls")),
    path("sessions/", include("sessions.urls")),
    path("", include("chat.urls")),
    path("recognition/", include("recognition.urls")),
    path("dashboard/", include("dashboards.urls")),
    path("support/", include("support.urls")),
    path("", include("activities.urls")),
    path("training/", include("training.urls")),
    path("admin/", admin.site.urls),
    # SCIM 2.0 provisioning by the company's identity provider (bearer tokens, no cookies).
    path("scim/v2/", include("scim.urls")),
]

# The product's pages; under DEBUG too (peersupport.errors.ProductErrorPagesMiddleware).
handler400 = "peersupport.errors.bad_request"
handler403 = "peersupport.errors.forbidden"
handler404 = "peersupport.errors.not_found"
handler500 = "peersupport.errors.server_error"
