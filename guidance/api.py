"""Guidance and data-guidance pages for other systems, such as the council's website."""

from wagtail.api.v2.views import PagesAPIViewSet

from guidance.models import DataGuidancePage, GuidanceIndexPage, GuidancePage


class GuidanceAPIViewSet(PagesAPIViewSet):
    """`/api/v2/guidance/`: Wagtail's pages endpoint limited to the guidance area. Ask for
    `?type=guidance.DataGuidancePage&fields=tables` for the data-guidance tables, or
    `?type=guidance.GuidancePage&fields=summary,body` for the guidance itself."""

    name = "guidance"

    def get_base_queryset(self):
        return super().get_base_queryset().type(GuidanceIndexPage, GuidancePage, DataGuidancePage)


API_ENDPOINTS = {"guidance": GuidanceAPIViewSet}
