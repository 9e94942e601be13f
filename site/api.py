"""The headless JSON API: Wagtail's router, to which each app adds its endpoints in api.py."""

from django.utils.module_loading import autodiscover_modules
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

autodiscover_modules("api", register_to=None)
