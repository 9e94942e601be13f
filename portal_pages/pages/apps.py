from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Wagtail page types that host the portal's screens and carry their editable words."""

    name = "portal_pages.pages"
    label = "pages"
    verbose_name = "Portal pages"
