"""What every page's frame reads (settings, navigation, notices), kept in each process's
`frame` cache, in memory, so a page view spends no query on it. Saving the portal settings,
or publishing, unpublishing, moving or deleting any page, empties the cache of the process
that saved (`forget_frame` in `portal_pages.pages.models`); other processes' copies live for
the cache's TIMEOUT, a minute."""

from django.core.cache import caches


def kept_in_frame(key, build):
    """The value kept under `key`, made by `build()` and kept when there is none."""
    value = caches["frame"].get(key)
    if value is None:
        value = build()
        caches["frame"].set(key, value)
    return value
