"""The page `make bench` times for the guidance area: the Word template of the largest demo
form's data guidance, made afresh each time (not from the cache that keeps it once per
published revision)."""

from django.core.cache import cache
from django.test import Client

from guidance.data_guidance import word_template_cache_key
from guidance.models import DataGuidancePage


def largest_form_guidance():
    """The data guidance page of the demo form with the most questions."""
    pages = DataGuidancePage.objects.live().select_related("form")
    return max(pages, key=lambda page: len(page.form.definition.fields_by_key))


def pages():
    guidance = largest_form_guidance()
    key = word_template_cache_key(guidance.form)
    return [
        (
            f"guidance: Word template, {guidance.form.title}",
            Client(),
            f"{guidance.url}word-template/",
            # Routing to a page five levels deep takes a query a level, and keeping the file
            # for the next download reads and writes the shared cache.
            {"before": lambda: cache.delete(key), "queries": 17},
        ),
    ]
