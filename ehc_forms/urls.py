"""URLs of the ehc_forms area."""

from django.urls import path

from ehc_forms import submission_views, views

app_name = "ehc_forms"

urlpatterns = [
    path("", views.my_drafts, name="my_drafts"),
    path("child/<int:child_id>/", views.child_forms, name="child_forms"),
    path("child/<int:child_id>/<int:form_id>/", views.form_start, name="start"),
    path(
        "child/<int:child_id>/<int:form_id>/your-details/",
        views.professional_details,
        name="professional_details",
    ),
    path("draft/<int:submission_id>/", views.task_list, name="task_list"),
    path("draft/<int:submission_id>/step/<int:number>/", views.step_view, name="step"),
    path(
        "draft/<int:submission_id>/step/<int:number>/autosave/",
        views.autosave,
        name="autosave",
    ),
    path("draft/<int:submission_id>/check/", submission_views.check_answers, name="check"),
    path(
        "submitted/<int:submitted_id>/confirmation/",
        submission_views.confirmation,
        name="confirmation",
    ),
    path("submitted/<int:submitted_id>/", submission_views.submitted, name="submitted"),
    path("submitted/<int:submitted_id>/edit/", submission_views.edit, name="edit"),
    path("submitted/<int:submitted_id>/history/", submission_views.history, name="history"),
    path("documents/<uuid:document_key>/", views.download_document, name="document"),
    path("submitted/<int:submitted_id>/pdf/", submission_views.download_pdf, name="pdf"),
]
