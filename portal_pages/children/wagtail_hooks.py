"""How the children area plugs into the portal frame and the Wagtail admin."""

from django.urls import reverse
from wagtail import hooks

from portal_pages.accounts.access import is_signed_in_professional
from portal_pages.children import views
from portal_pages.children.access import children_visible_to


@hooks.register("register_portal_navigation_item")
def send_navigation_item(request):
    """ "SEND" in the service navigation, for signed-in professionals."""
    if not is_signed_in_professional(request.user):
        return None
    href = reverse("children:index")
    return {"text": "SEND", "href": href, "current": request.path.startswith(href)}


@hooks.register("register_portal_home_tile")
def send_home_tile(request):
    """The SEND tile on the portal home: how many children are in the active list."""
    active = children_visible_to(request.user).filter(hidden=False).count()
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
