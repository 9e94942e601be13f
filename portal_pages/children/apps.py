from django.apps import AppConfig


class ChildrenConfig(AppConfig):
    """Child records, their visibility, and the EHC case with its stage and key dates."""

    name = "portal_pages.children"
    label = "children"
    verbose_name = "Children"

    def ready(self):
        from portal_pages.children import teams  # noqa: F401  (connects its receivers)
