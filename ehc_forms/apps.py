from django.apps import AppConfig


class EhcFormsConfig(AppConfig):
    """Form definitions, the field-type registry, submissions and their outputs."""

    name = "ehc_forms"
    verbose_name = "EHC forms"

    def ready(self):
        from ehc_forms import signals  # noqa: F401  (connects its receivers)
