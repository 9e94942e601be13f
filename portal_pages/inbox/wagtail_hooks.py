"""Portal and admin wiring of the inbox: header link, home tile and the SEND
team's message screens."""

from django.urls import reverse
from wagtail import hooks

from portal_pages.inbox.admin_views import SEND_ACTION, message_viewset
from portal_pages.inbox.counts import inbox_counts
from portal_pages.inbox.failed_emails import FailedEmailViewSet
from portal_pages.pages.navigation import navigation_url


@hooks.register("register_portal_navigation_item")
def messages_navigation_item(request):
    """ "Messages (3 unread)" in the header: the count is words, not a badge, so it reads the
    same to everyone, screen readers included."""
    counts = inbox_counts(request)
    if counts is None:
        return None
    href = navigation_url("inbox:index")
    text = f"Messages ({counts['unread']} unread)" if counts["unread"] else "Messages"
    return {"text": text, "href": href, "current": request.path.startswith(href)}


@hooks.register("register_portal_home_tile")
def messages_home_tile(request):
    """The Messages tile on the portal home: unread count, and how many ask for action."""
    counts = inbox_counts(request)
    description = "Unread message" if counts["unread"] == 1 else "Unread messages"
    if counts["action"]:
        description += f", {counts['action']} asking you to do something"
    return {
        "title": "Messages",
        "href": reverse("inbox:index"),
        "count": counts["unread"],
        "description": description,
    }


@hooks.register("register_admin_viewset")
def register_message_viewset():
    return message_viewset


@hooks.register("register_admin_viewset")
def register_failed_email_viewset():
    return FailedEmailViewSet()


@hooks.register("register_log_actions")
def register_message_log_actions(actions):
    actions.register_action(SEND_ACTION, "Send message", "Message sent to a professional")
