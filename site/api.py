"""The headless JSON API: Wagtail's router, with the endpoints each app lists in its own
`api.py` as `API_ENDPOINTS` ({name: viewset class}); the apps never import the router."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from portal_site.discovery import app_modules

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

for api_module in app_modules("api"):
    for endpoint_name, viewset in getattr(api_module, "API_ENDPOINTS", {}).items():
        api_router.register_endpoint(endpoint_name, viewset)
