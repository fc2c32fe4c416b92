from django.urls import URLPattern

app_name = "servicemap"
urlpatterns: list[URLPattern] = []
