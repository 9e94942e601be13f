"""The API's rate limit for anonymous clients (every client: the API has no sign-in)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousAPIRateThrottle(AnonRateThrottle):
    """DRF's anonymous throttle, its rate read from `PORTAL_API_ANON_RATE` on each request
    so it can be changed per environment; counts live in the shared cache."""

    def get_rate(self):
        return settings.PORTAL_API_ANON_RATE
