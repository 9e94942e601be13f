"""URLs of the notices area."""

from django.urls import path

from notices import views

app_name = "notices"

urlpatterns = [
    path("<int:notice_id>/dismiss/", views.dismiss, name="dismiss"),
]
