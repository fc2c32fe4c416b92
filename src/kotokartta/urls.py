from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from kotokartta.guide import views as guide_views

handler404 = "kotokartta.guide.views.page_not_found"
handler500 = "kotokartta.guide.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", guide_views.health, name="health"),
    path("api/v1/", include("kotokartta.api.urls")),
    path("api/hsds/", include("kotokartta.opendata.urls")),
    path("staff/", include("kotokartta.staff.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("kotokartta.guide.urls")),
    path("maps/", include("kotokartta.servicemap.urls")),
    path("document/", include("kotokartta.documents.urls")),
    path("coverage/", include("kotokartta.coverage.urls")),
    prefix_default_language=True,
)
