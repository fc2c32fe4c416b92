from django.urls import path

from kotokartta.guide import views

app_name = "guide"
urlpatterns = [
    path("", views.home, name="home"),
    path("path", views.path, name="path"),
    path("municipalities/<str:slug>/", views.municipality, name="municipality"),
    path("phases/<str:phase_id>/", views.phase, name="phase"),
    path("search", views.search, name="search"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
