from django.apps import AppConfig


class EhcFormsConfig(AppConfig):
    """Form definitions, the field-type registry, submissions and their outputs."""

    name = "ehc_forms"
    verbose_name = "EHC forms"
