"""The headless JSON API: Wagtail's router, with the endpoints each app lists in its own
`api.py` as `API_ENDPOINTS` ({name: viewset class}); the apps never import the router."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from portal_site.discovery import app_modules


class WholeNumberFind:
    """Every endpoint's `find/?id=` takes a whole number only: Wagtail hands the value to
    the database as sent, so `?id=1e308` was a server error instead of a 400."""

    def find_object(self, queryset, request):
        if not request.GET.get("id", "0").isdecimal():
            raise BadRequestError("id must be a whole number")
        return super().find_object(queryset, request)


def register(name, viewset):
    api_router.register_endpoint(name, type(viewset.__name__, (WholeNumberFind, viewset), {}))


api_router = WagtailAPIRouter("wagtailapi")
register("pages", PagesAPIViewSet)

for api_module in app_modules("api"):
    for endpoint_name, viewset in getattr(api_module, "API_ENDPOINTS", {}).items():
        register(endpoint_name, viewset)
