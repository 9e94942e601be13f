"""URL wiring only: each app owns its own urls.py."""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from portal_site import views
from portal_site.api import api_router

handler400 = "portal_site.views.bad_request"
handler500 = "portal_site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("", include("portal_pages.accounts.two_factor_urls")),
    re_path(
        r"^admin/login/?$",
        RedirectView.as_view(pattern_name=settings.WAGTAILADMIN_LOGIN_URL, query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Images are kept in private storage like every upload, so they reach the browser
    # through Wagtail's signed serve view rather than a public media URL.
    re_path(
        r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$",
        ServeView.as_view(action="serve"),
        name="wagtailimages_serve",
    ),
    path("api/v2/", api_router.urls),
    path("account/", include("portal_pages.accounts.urls")),
    path("children/", include("portal_pages.children.urls")),
    path("messages/", include("portal_pages.inbox.urls")),
    path("forms/", include("ehc_forms.urls")),
    path("notices/", include("notices.urls")),
    path("", include(wagtail_urls)),
]
