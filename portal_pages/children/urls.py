"""URLs of the children area: every URL with a child in it answers 404 for anyone else's."""

from django.urls import path

from portal_pages.children import views

app_name = "children"

urlpatterns = [
    path("", views.index, name="index"),
    path("add/", views.add, name="add"),
    path("team/", views.team, name="team"),
    path("team/<int:member_id>/hand-over/", views.handover, name="handover"),
    path("<int:child_id>/", views.confirm, name="confirm"),
    path("<int:child_id>/edit/", views.edit, name="edit"),
    path("<int:child_id>/home/", views.home, name="home"),
    path("<int:child_id>/hide/", views.hide, name="hide"),
    path("<int:child_id>/unhide/", views.unhide, name="unhide"),
    path("<int:child_id>/sharing/", views.sharing, name="sharing"),
    path("<int:child_id>/moved-on/", views.moved_on, name="moved_on"),
    path("<int:child_id>/delete/", views.delete, name="delete"),
]
