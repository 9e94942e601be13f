from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    """Guidance pages for professionals, and data guidance generated from form definitions."""

    name = "guidance"
    verbose_name = "Guidance"
