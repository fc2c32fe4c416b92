from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from kotokartta.site import views as site_views

handler400 = "kotokartta.site.views.bad_request"
handler403 = "kotokartta.site.views.permission_denied"
handler404 = "kotokartta.site.views.page_not_found"
handler500 = "kotokartta.site.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", site_views.health, name="health"),
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
