from django.apps import AppConfig


class RetentionConfig(AppConfig):
    """How long the portal keeps personal data, and the daily job that applies it."""

    name = "retention"
    verbose_name = "Keeping data"
