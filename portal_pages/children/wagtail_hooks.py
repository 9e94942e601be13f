"""How the children area plugs into the portal frame and the Wagtail admin."""

from django.urls import reverse
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from portal_pages.accounts.access import is_signed_in_professional
from portal_pages.children import cases, deletion, teams, views, viewsets
from portal_pages.children.access import children_visible_to
from portal_pages.children.panels import OverdueCasesPanel
from portal_pages.pages.navigation import navigation_url


@hooks.register("register_portal_navigation_item")
def send_navigation_item(request):
    """ "SEND" in the service navigation, for signed-in professionals."""
    if not is_signed_in_professional(request.user):
        return None
    href = navigation_url("children:index")
    return {"text": "SEND", "href": href, "current": request.path.startswith(href)}


@hooks.register("register_portal_home_tile")
def send_home_tile(request):
    """The SEND tile on the portal home: how many children are in the active list."""
    active = children_visible_to(request.user).active().count()
    return {
        "title": "SEND",
        "href": reverse("children:index"),
        "count": active,
        "description": "Active child record" if active == 1 else "Active child records",
    }


@hooks.register("register_log_actions")
def register_child_log_actions(actions):
    """Audit entries for child records and EHC cases, shown in Wagtail's history and reports."""
    actions.register_action(views.VIEW_ACTION, "View child record", "Viewed the child's record")
    actions.register_action(
        cases.LINK_ACTION, "Link child record to EHC case", "Linked a child record to an EHC case"
    )
    actions.register_action(
        cases.UNLINK_ACTION,
        "Unlink child record from EHC case",
        "Removed a child record's link to an EHC case",
    )

    actions.register_action(
        deletion.DELETE_ACTION,
        "Delete child record",
        "Deleted the child record and everything about the child",
    )
    actions.register_action(
        teams.SHARING_ACTION, "Change who can see a child record", "Changed who can see the record"
    )
    actions.register_action(
        teams.MOVED_ON_ACTION, "Mark child as moved on", "Marked the child as moved on"
    )
    actions.register_action(
        teams.HANDOVER_ACTION, "Hand over a leaver's work", "Handed over a leaver's work"
    )
    actions.register_action(
        teams.TEAM_SETTINGS_ACTION,
        "Change team sharing of new records",
        "Changed whether new records are shared with the team",
    )

    @actions.register_action(cases.STAGE_ACTION)
    class StageChangeFormatter(LogFormatter):
        """Shows the stages a case moved between in the case's history."""

        label = "Change EHC stage"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return f"Stage changed from {data.get('old_stage')} to {data.get('new_stage')}"


@hooks.register("register_admin_viewset")
def register_send_viewsets():
    """EHC cases and child records under one "SEND" menu."""
    return viewsets.SENDViewSetGroup()


register_snippet(viewsets.StageExplanationViewSet)
hooks.register("register_snippet_listing_buttons", viewsets.handover_button)


@hooks.register("construct_homepage_panels")
def add_overdue_cases_panel(request, panels):
    """The SEND team's count of overdue cases per stage, for those who may see cases."""
    if request.user.has_perm("children.view_ehccase"):
        panels.append(OverdueCasesPanel())
