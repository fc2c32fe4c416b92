from django.urls import path

from kotokartta.coverage import views

app_name = "coverage"
urlpatterns = [
    path("", views.index, name="index"),
    path("coverage.csv", views.csv_download, name="csv"),
    path("coverage.json", views.json_download, name="json"),
]
