"""URLs of the inbox area."""

app_name = "inbox"

urlpatterns = []
