from django.apps import AppConfig


class PortalSiteConfig(AppConfig):
    """The project itself: base templates, static assets, health check and demo content."""

    name = "portal_site"
    label = "portal_site"
    verbose_name = "Portal site"
