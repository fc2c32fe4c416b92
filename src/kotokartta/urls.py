from django.urls import include, path

urlpatterns = [
    path("", include("kotokartta.guide.urls")),
]
