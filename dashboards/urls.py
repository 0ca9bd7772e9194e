from django.urls import path

from dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("", views.index, name="index"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("what-hr-can-see/", views.what_hr_sees, name="what_hr_sees"),
]
