"""Settings shared by every environment. Everything that differs between machines comes
from environment variables, documented in the README's configuration table."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_required(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


SECRET_KEY = env("SECRET_KEY", "insecure-local-key-never-used-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "portal_site",
    "portal_pages.govuk",
    "portal_pages.accounts",
    "portal_pages.pages",
    "portal_pages.children",
    "portal_pages.inbox",
    "ehc_forms",
    "notices",
    "guidance",
    "retention",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_email",
    "two_factor",
    # Django's own widget templates, for the form renderer that reads the project's templates.
    "django.forms",
    "two_factor.plugins.email",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal_pages.accounts.middleware.NoStoreWhenSignedInMiddleware",
    "portal_pages.accounts.middleware.AccountStatusMiddleware",
    "portal_pages.accounts.middleware.SessionTimeoutMiddleware",
    "portal_pages.accounts.middleware.AdminOTPRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal_site.urls"
WSGI_APPLICATION = "portal_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal_pages.accounts.context_processors.professional",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Every page view commits (its audit row at least). With write-ahead logging, readers
    # do not wait for a writer, and a commit is synced to disk at checkpoints rather than
    # each time: a power cut may lose the last commits, never the database.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Django's rules, with messages in the GOV.UK style.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "portal_pages.accounts.validators.UserAttributeSimilarityValidator"},
    {
        "NAME": "portal_pages.accounts.validators.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "portal_pages.accounts.validators.CommonPasswordValidator"},
    {
        "NAME": "portal_pages.accounts.validators.MaximumLengthValidator",
        "OPTIONS": {"max_length": 128},
    },
]
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Sign-in rules (README, "Signing in and accounts"). The emailed code works once, for 10
# minutes; a new one can be asked for after 60 seconds. django-otp's own growing delays are
# off because the per-account lock below is stricter and tells the user when to come back.
OTP_EMAIL_TOKEN_VALIDITY = 10 * 60
OTP_EMAIL_COOLDOWN_DURATION = 60
OTP_EMAIL_THROTTLE_FACTOR = 0
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = "SEND Professional Portal"
TWO_FACTOR_REMEMBER_COOKIE_AGE = None
PORTAL_SIGN_IN_MAX_FAILURES = 5
PORTAL_SIGN_IN_LOCK_SECONDS = 15 * 60
# Server-side idle timeout, and the warning shown before it; the absolute limit is
# SESSION_COOKIE_AGE (12 hours), counted from sign-in.
PORTAL_IDLE_TIMEOUT_SECONDS = 20 * 60
PORTAL_IDLE_WARNING_SECONDS = 2 * 60
PASSWORD_RESET_TIMEOUT = 60 * 60

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

# Uploads are private: they are streamed by access-checked views, never served by URL.
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env("AWS_S3_REGION_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private-uploads"},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Limits on documents attached to forms, in bytes: each file, and all of one submission's.
DOCUMENT_MAX_FILE_SIZE = int(env("DOCUMENT_MAX_FILE_SIZE", str(10_000_000)))
DOCUMENT_MAX_SUBMISSION_SIZE = int(env("DOCUMENT_MAX_SUBMISSION_SIZE", str(50_000_000)))
# The ClamAV daemon's Unix socket; every upload is scanned there when it is set.
CLAMAV_SOCKET = env("CLAMAV_SOCKET", "")

EMAIL_BACKEND = env("EMAIL_BACKEND", "portal_site.mail.LocalMailBackend")
EMAIL_MAIL_DIR = VAR_DIR / "mail"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SEND Professional Portal <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds between the tries of an email the mail server refused: five tries over about
# 34 minutes (see portal_pages.pages.task_retry).
EMAIL_RETRY_DELAYS = (60, 180, 540, 1260)
# Seconds between the tries of a form webhook the receiver did not accept: five tries over
# about two and a half hours (see ehc_forms.webhooks), each waiting this long for an answer.
WEBHOOK_RETRY_DELAYS = (60, 300, 1800, 7200)
WEBHOOK_TIMEOUT_SECONDS = 5
WEBHOOK_REQUIRE_HTTPS = env_bool("WEBHOOK_REQUIRE_HTTPS")

# Email leaves through the tasks framework so a slow mail server never holds up a request.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# Sessions live in the database, which every instance shares; they are never tied to the
# client's IP address because school and NHS proxies change it between requests.
# The largest form body a browser may send: far above the longest answer anyone types (a
# 1 MB memo is stored) and small enough that a few requests cannot exhaust a worker's memory.
# Larger bodies get the 413 page (portal_site.views.bad_request).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 12 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
    },
    # What every page's frame reads (the portal settings and footer links), kept in each
    # process so a page view spends no query on it. A save clears the saving process's
    # copy; the others' copies expire within a minute.
    "frame": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal-frame",
        "TIMEOUT": 60,
    },
}

WAGTAIL_SITE_NAME = "SEND Professional Portal"
WAGTAILADMIN_LOGIN_URL = "two_factor:login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Gravatar would receive a hash of every staff email address the admin shows (and the
# content security policy blocks it anyway): avatars are Wagtail's default or uploaded ones.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILAPI_BASE_URL = SITE_URL

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": ["portal_site.throttling.AnonymousAPIRateThrottle"],
}
# Requests a minute each client address may make to the read-only API.
PORTAL_API_ANON_RATE = env("PORTAL_API_ANON_RATE", "120/minute")

# The portal's pages run only their own scripts and styles; the two inline scripts in the
# base template carry a per-request nonce. Wagtail's admin has its own inline scripts and
# is left to Wagtail.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "[{asctime}] {message}", "style": "{", "datefmt": "%d/%b/%Y %H:%M:%S"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "warnings": {"class": "logging.StreamHandler", "formatter": "plain", "level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django gives these loggers console handlers of their own; with the root's, every
        # request and 404 would be printed twice. Emptied, they pass their records to the root.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
        # Task and page events are recorded in the database; repeating them here is noise.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Each PDF's font subsetting logs every font table through fontTools, past the
        # loggers' levels; a handler of its own lets only its warnings through.
        "fontTools": {"handlers": ["warnings"], "level": "WARNING", "propagate": False},
    },
}
