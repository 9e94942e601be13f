"""Server-side session clocks: the idle timeout (PORTAL_IDLE_TIMEOUT_SECONDS, 20 minutes)
and the absolute limit (SESSION_COOKIE_AGE, 12 hours from sign-in). Both are kept in the
session itself, never tied to the IP address."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

LAST_ACTIVITY_KEY = "accounts:last-activity"
SIGNED_IN_AT_KEY = "accounts:signed-in-at"


@receiver(user_logged_in)
def start_clocks(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT_KEY] = now
        request.session[LAST_ACTIVITY_KEY] = now


def has_expired(request, now):
    session = request.session
    last_activity = session.get(LAST_ACTIVITY_KEY, now)
    signed_in_at = session.get(SIGNED_IN_AT_KEY, now)
    return (
        now - last_activity > settings.PORTAL_IDLE_TIMEOUT_SECONDS
        or now - signed_in_at > settings.SESSION_COOKIE_AGE
    )


# Each change to the session is a database write. Refreshing the idle stamp at most once per
# twentieth of the timeout (a minute for 20 minutes) keeps a page view from costing an UPDATE
# while the timeout stays accurate to that fraction.
ACTIVITY_STAMP_RESOLUTION = 20


def record_activity(request, now):
    last_activity = request.session.get(LAST_ACTIVITY_KEY, 0)
    if now - last_activity >= settings.PORTAL_IDLE_TIMEOUT_SECONDS / ACTIVITY_STAMP_RESOLUTION:
        request.session[LAST_ACTIVITY_KEY] = now


def seconds_remaining(request):
    """Until whichever limit comes first."""
    now = time.time()
    session = request.session
    idle_left = settings.PORTAL_IDLE_TIMEOUT_SECONDS - (now - session.get(LAST_ACTIVITY_KEY, now))
    absolute_left = settings.SESSION_COOKIE_AGE - (now - session.get(SIGNED_IN_AT_KEY, now))
    return max(0, int(min(idle_left, absolute_left)))
