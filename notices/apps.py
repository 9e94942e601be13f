from django.apps import AppConfig


class NoticesConfig(AppConfig):
    """Current-issue banners shown across the portal."""

    name = "notices"
    verbose_name = "Notices"
