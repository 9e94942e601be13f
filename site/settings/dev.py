"""Local development: debug on, static files served from their source folders."""

from .base import *  # noqa: F403

DEBUG = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

# The SQLite file, local uploads and the mail folder all live under var/.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
