"""`make bench`: production settings (DEBUG off, the database cache) plus the bench app,
whose reference pages and hello-world view exist only here."""

from .base import *  # noqa: F403
from .base import env

INSTALLED_APPS = ["bench", *INSTALLED_APPS]  # noqa: F405
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# Static files come from their source folders, as in development, so no collectstatic runs.
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (WhiteNoise warns if it is missing)
# Demo and bench accounts are emailed on approval; nothing needs to reach a mailbox, except
# the sign-in codes `make load` reads from files (EMAIL_BACKEND and EMAIL_FILE_PATH).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(VAR_DIR / "bench-mail"))  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
