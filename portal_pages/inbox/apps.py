from django.apps import AppConfig


class InboxConfig(AppConfig):
    """Messages to professionals, unread counts and email alerts."""

    name = "portal_pages.inbox"
    label = "inbox"
    verbose_name = "Messages"

    def ready(self):
        # Connects the receivers for approval and stage changes.
        from portal_pages.inbox import signals  # noqa: F401
