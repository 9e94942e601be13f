"""Template tags the base template uses for signed-in pages."""

from django import template
from django.conf import settings

from portal_pages.accounts import sessions

register = template.Library()


def describe_duration(seconds):
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


@register.inclusion_tag("accounts/session_timeout.html", takes_context=True)
def session_timeout_dialog(context):
    """The "You will be signed out" dialog and its script, for signed-in pages only."""
    request = context.get("request")
    signed_in = request is not None and request.user.is_authenticated
    return {
        "signed_in": signed_in,
        "remaining": sessions.seconds_remaining(request) if signed_in else 0,
        "warning_seconds": settings.PORTAL_IDLE_WARNING_SECONDS,
        "warning_text": describe_duration(settings.PORTAL_IDLE_WARNING_SECONDS),
        "idle_text": describe_duration(settings.PORTAL_IDLE_TIMEOUT_SECONDS),
        "csrf_token": context.get("csrf_token"),
    }
