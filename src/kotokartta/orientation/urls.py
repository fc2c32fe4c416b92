"""The planner's staff pages, mounted at /staff/orientation/."""

from django.urls import URLPattern, path

from kotokartta.orientation import views

app_name = "orientation"
urlpatterns: list[URLPattern] = [
    path("", views.planner, name="planner"),
    path("demand/", views.demand, name="demand"),
    path("compare/", views.compare, name="compare"),
    path("scenarios/<int:pk>/", views.scenario, name="scenario"),
    path(
        "scenarios/<int:pk>/plan.<str:fmt>",
        views.scenario_export,
        name="export",
    ),
]
