from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from kotokartta.orientation.api import OrientationPlanView
from kotokartta.site import views as site_views

handler400 = "kotokartta.site.views.bad_request"
handler403 = "kotokartta.site.views.permission_denied"
handler404 = "kotokartta.site.views.page_not_found"
handler500 = "kotokartta.site.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", site_views.health, name="health"),
    # The planner's staff-only endpoint lives with the planner (orientation/api.py). Mounted here,
    # before the API's catch-all, so that the API app does not import the planner (no circle).
    path("api/v1/orientation/plan", OrientationPlanView.as_view(), name="orientation-plan"),
    path("api/v1/", include("kotokartta.api.urls")),
    path("api/hsds/", include("kotokartta.opendata.urls")),
    path("staff/orientation/", include("kotokartta.orientation.urls")),
    path("staff/", include("kotokartta.staff.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("kotokartta.guide.urls")),
    path("maps/", include("kotokartta.servicemap.urls")),
    path("document/", include("kotokartta.documents.urls")),
    path("coverage/", include("kotokartta.coverage.urls")),
    prefix_default_language=True,
)
