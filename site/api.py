"""The headless JSON API: Wagtail's router, with the endpoints each app lists in its own
`api.py` as `API_ENDPOINTS` ({name: viewset class}); the apps never import the router."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal_site.discovery import app_modules


class CheckedQueries:
    """Two query values Wagtail hands on unchecked, which were server errors, answer 400
    like any other bad filter: `find/?id=` must be a whole number (`?id=1e308` reached the
    database), and `search_operator` must be `and` or `or` (the search backend raised)."""

    def find_object(self, queryset, request):
        if not request.GET.get("id", "0").isdecimal():
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)

    def filter_queryset(self, queryset):
        if self.request.GET.get("search_operator", "and") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(queryset)


def register(name, viewset):
    api_router.register_endpoint(name, type(viewset.__name__, (CheckedQueries, viewset), {}))


api_router = WagtailAPIRouter("wagtailapi")
register("pages", PagesAPIViewSet)

for api_module in app_modules("api"):
    for endpoint_name, viewset in getattr(api_module, "API_ENDPOINTS", {}).items():
        register(endpoint_name, viewset)
