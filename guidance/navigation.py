"""Where the guidance index is, for the header navigation and the portal home, kept in each
process's `frame` cache so the page frame spends no query on it. Publishing, unpublishing,
moving or deleting a page clears the saving process's copy; other processes' copies live a
minute."""

from django.core.cache import caches

from guidance.models import GuidanceIndexPage

CACHE_KEY = "guidance:index-url"


def guidance_index_url():
    """The URL of the live guidance index, or "" when there is none."""
    url = caches["frame"].get(CACHE_KEY)
    if url is None:
        index = GuidanceIndexPage.objects.live().public().order_by("path").first()
        url = (index.get_url() or "") if index else ""
        caches["frame"].set(CACHE_KEY, url)
    return url


def forget_guidance_index_url(**kwargs):
    caches["frame"].delete(CACHE_KEY)
