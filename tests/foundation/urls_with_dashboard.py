"""The project URLs with a stand-in `dashboards:index`, so the nav can be tested before (and
independently of) the dashboards app's own pages."""

from django.http import HttpResponse
from django.urls import include, path

from peersupport.permissions import hr_required
from peersupport.urls import urlpatterns as project_urlpatterns


@hr_required
def index(request):
    return HttpResponse("dashboard")


urlpatterns = [
    path("dashboard/", include(([path("", index, name="index")], "dashboards"))),
    *(p for p in project_urlpatterns if str(p.pattern) != "dashboard/"),
]
