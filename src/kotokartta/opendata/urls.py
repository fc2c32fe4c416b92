"""The HSDS 3.0 API under /api/hsds/ (paths as in Open Referral's openapi.json)."""

from django.urls import URLPattern, URLResolver, path, re_path

from kotokartta.opendata import views

app_name = "opendata"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.root, name="root"),
    path("schema/", views.schema, name="schema"),
    re_path(r"^services/?$", views.services, name="services"),
    path("services/<str:id>", views.service_detail, name="service"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    path("organizations/<str:id>", views.organization_detail, name="organization"),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    path(
        "service_at_locations/<str:id>",
        views.service_at_location_detail,
        name="service_at_location",
    ),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_detail, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="taxonomy_term"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
