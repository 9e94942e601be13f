from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The reference pages and scale data `make bench` uses (bench settings only)."""

    name = "bench"
    label = "bench"
    verbose_name = "Bench references"
    default_auto_field = "django.db.models.BigAutoField"
