"""Template tags the base template uses for signed-in pages."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string

from portal_pages.accounts import sessions
from portal_pages.pages.navigation import navigation_url

register = template.Library()


def describe_duration(seconds):
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


@register.simple_tag(takes_context=True)
def session_timeout_dialog(context):
    """The "You will be signed out" dialog and its script, for signed-in pages only; a
    visitor's page renders no template for it."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return render_to_string(
        "accounts/session_timeout.html",
        {
            "remaining": sessions.seconds_remaining(request),
            "warning_seconds": settings.PORTAL_IDLE_WARNING_SECONDS,
            "warning_text": describe_duration(settings.PORTAL_IDLE_WARNING_SECONDS),
            "idle_text": describe_duration(settings.PORTAL_IDLE_TIMEOUT_SECONDS),
            "csrf_token": context.get("csrf_token"),
            # Worked out once per process: `{% url %}` for each cost most of the dialog's time.
            "status_url": navigation_url("accounts:session_status"),
            "keep_alive_url": navigation_url("accounts:keep_alive"),
            "sign_out_url": navigation_url("accounts:sign_out"),
        },
    )
