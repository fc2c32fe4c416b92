from django.urls import path

from kotokartta.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.page, name="page"),
    path("pdf", views.pdf, name="pdf"),
]
