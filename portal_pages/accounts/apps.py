from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Professional accounts: the custom user, organisations, registration and sign-in."""

    name = "portal_pages.accounts"
    label = "accounts"
    verbose_name = "Accounts"
