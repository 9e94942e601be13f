from django.apps import AppConfig


class GovukConfig(AppConfig):
    """The GOV.UK Frontend form layer: widgets, their templates, the form renderer, the error
    summary and date parsing. Every app may import it; it imports no other app."""

    name = "portal_pages.govuk"
    label = "govuk"
    verbose_name = "GOV.UK form layer"
