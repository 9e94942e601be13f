from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    """Guidance pages for professionals, and data guidance generated from form definitions."""

    name = "guidance"
    verbose_name = "Guidance"

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from guidance.models import GuidanceIndexPage
        from guidance.navigation import forget_guidance_index_url

        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                forget_guidance_index_url, sender=GuidanceIndexPage, dispatch_uid="guidance-url"
            )
        # Moving any ancestor changes the index's URL too.
        post_page_move.connect(forget_guidance_index_url, dispatch_uid="guidance-url-move")
