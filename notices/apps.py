from django.apps import AppConfig


class NoticesConfig(AppConfig):
    """Current-issue banners shown across the portal."""

    name = "notices"
    verbose_name = "Notices"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Revision
        from wagtail.signals import published, unpublished

        from notices.active import clear_active_notices, clear_for_notice_revision
        from notices.models import Notice

        for signal in (published, unpublished, post_delete):
            signal.connect(clear_active_notices, sender=Notice, dispatch_uid="clear-active-notices")
        # Scheduling and unscheduling change only a revision.
        post_save.connect(
            clear_for_notice_revision, sender=Revision, dispatch_uid="notice-revision"
        )
