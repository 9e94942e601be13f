"""The portal's URLs with the bench's hello-world view in front (bench settings only)."""

from django.urls import path

from bench import views
from portal_site.urls import handler500
from portal_site.urls import urlpatterns as portal_urlpatterns

__all__ = ["handler500", "urlpatterns"]

urlpatterns = [path("bench/hello/", views.hello, name="bench_hello"), *portal_urlpatterns]
