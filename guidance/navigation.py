"""Where the guidance index is, for the header navigation and the portal home, kept in the
cache so the page frame does not look it up on every request."""

from django.core.cache import cache

from guidance.models import GuidanceIndexPage

CACHE_KEY = "guidance:index-url"
CACHE_SECONDS = 10 * 60


def guidance_index_url():
    """The URL of the live guidance index, or "" when there is none."""
    url = cache.get(CACHE_KEY)
    if url is None:
        index = GuidanceIndexPage.objects.live().public().order_by("path").first()
        url = (index.get_url() or "") if index else ""
        cache.set(CACHE_KEY, url, CACHE_SECONDS)
    return url


def forget_guidance_index_url(**kwargs):
    cache.delete(CACHE_KEY)
