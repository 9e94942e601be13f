"""How the retention area plugs into the Wagtail admin."""

from django.urls import include, path
from wagtail import hooks

from retention import admin_views, cases


@hooks.register("register_admin_urls")
def register_closed_case_urls():
    urls = [
        path("<int:pk>/", admin_views.DeleteCaseDataView.as_view(), name="delete"),
        path("<int:pk>/export/", admin_views.export_case_data, name="export"),
    ]
    return [path("closed-cases/", include((urls, "closed_cases"), namespace="closed_cases"))]


hooks.register("register_ehc_case_buttons", admin_views.case_data_button)


@hooks.register("register_log_actions")
def register_retention_log_actions(actions):
    """Exporting and deleting a closed case's data, in the case's history."""
    actions.register_action(
        cases.EXPORT_ACTION, "Export closed case data", "Downloaded the case's portal data"
    )
    actions.register_action(
        cases.DELETE_ACTION, "Delete closed case data", "Deleted the case's portal data"
    )
