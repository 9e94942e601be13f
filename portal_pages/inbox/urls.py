"""URLs of the inbox area, mounted at /messages/."""

from django.urls import path

from portal_pages.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.inbox, name="index"),
    path("<int:pk>/", views.message_detail, name="message"),
    path("<int:pk>/archive/", views.archive, name="archive"),
    path("<int:pk>/restore/", views.restore, name="restore"),
    path("<int:pk>/unread/", views.mark_unread, name="unread"),
]
