"""Test run: fast hashing, in-memory cache and outbox, uploads in a folder of the run's own;
the database still comes from DATABASE_URL so the same suite runs on SQLite and PostgreSQL."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "frame": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "frame"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Uploads on disk, in a folder the test run chooses for itself (MEDIA_ROOT: tests/conftest.py).
STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}  # noqa: F405
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL

# The bench's reference page types, so the tests can check every bench page's query budget
# (its URLs are added only by the tests that need them, never to the portal's URLconf).
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
