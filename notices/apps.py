from django.apps import AppConfig


class NoticesConfig(AppConfig):
    """Current-issue banners shown across the portal."""

    name = "notices"
    verbose_name = "Notices"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import published, unpublished

        from notices.active import clear_active_notices
        from notices.models import Notice

        for signal in (published, unpublished, post_delete):
            signal.connect(clear_active_notices, sender=Notice, dispatch_uid="clear-active-notices")
