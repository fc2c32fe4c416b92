"""/staff/: every address here needs a signed-in staff member (staff.middleware.staff_gate)
except the sign-in page itself."""

from django.urls import path

from kotokartta.staff.views import auth, dashboard, drafts, editing

app_name = "staff"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("login/", auth.StaffLoginView.as_view(), name="login"),
    path("logout/", auth.logout, name="logout"),
    path("two-factor/", auth.two_factor, name="two_factor"),
    path("two-factor/enrol/", auth.two_factor_enrol, name="two_factor_enrol"),
    path("municipalities/<slug:municipality_id>/", dashboard.municipality, name="municipality"),
    path("municipalities/<slug:municipality_id>/contacts/", editing.contacts, name="contacts"),
    path("<slug:kind_slug>/new/<slug:municipality_id>/", editing.record_new, name="record_new"),
    path("flags/<slug:flag_id>/", dashboard.flag, name="flag"),
    path("drafts/", drafts.draft_list, name="drafts"),
    path("drafts/<int:pk>/", drafts.draft_detail, name="draft"),
    path("drafts/<int:pk>/submit/", drafts.draft_submit, name="draft_submit"),
    path("drafts/<int:pk>/publish/", drafts.draft_publish, name="draft_publish"),
    path("drafts/<int:pk>/return/", drafts.draft_return, name="draft_return"),
    path("drafts/<int:pk>/discard/", drafts.draft_discard, name="draft_discard"),
    path("drafts/<int:pk>/preview/", drafts.draft_preview, name="draft_preview"),
    path(
        "drafts/<int:pk>/changes/<int:change_pk>/withdraw/",
        drafts.change_withdraw,
        name="change_withdraw",
    ),
    path("versions/", drafts.versions, name="versions"),
    path("versions/<int:number>/", drafts.version, name="version"),
    path("audit/", drafts.audit_log, name="audit"),
    path("audit.csv", drafts.audit_csv, name="audit_csv"),
    path("users/", dashboard.users, name="users"),
    path("<slug:kind_slug>/<slug:record_id>/", editing.record_edit, name="record"),
    path("<slug:kind_slug>/<slug:record_id>/retire/", editing.record_retire, name="record_retire"),
    path(
        "<slug:kind_slug>/<slug:record_id>/history/",
        editing.record_history,
        name="record_history",
    ),
]
