from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Professional accounts: the custom user, organisations, registration and sign-in."""

    name = "portal_pages.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Connects the receiver that starts the session clocks at every sign-in.
        from portal_pages.accounts import sessions  # noqa: F401
