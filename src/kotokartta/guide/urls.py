from django.urls import path

from kotokartta.guide import views

app_name = "guide"
urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
]
