from django.urls import path

from kotokartta.servicemap import views

app_name = "servicemap"
urlpatterns = [
    path("", views.index, name="index"),
    path("area.svg", views.area_file, {"fmt": "svg"}, name="area-svg"),
    path("area.pdf", views.area_file, {"fmt": "pdf"}, name="area-pdf"),
    path("<str:slug>/", views.municipality_map, name="map"),
    path("<str:slug>/map.svg", views.municipality_file, {"fmt": "svg"}, name="svg"),
    path("<str:slug>/map-<str:paper>.pdf", views.municipality_file, {"fmt": "pdf"}, name="pdf"),
]
