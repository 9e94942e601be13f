"""URLs of the ehc_forms area."""

from django.urls import path

from ehc_forms import views

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
]
