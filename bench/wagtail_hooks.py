"""Admin wiring of the bench references: the plain model's snippet listing."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from bench.models import BenchItem


class BenchItemViewSet(SnippetViewSet):
    """Wagtail's snippet listing with default settings, 100 rows a page like the portal's."""

    model = BenchItem
    list_display = ["name", "email", "created"]
    list_per_page = 100


register_snippet(BenchItemViewSet)
