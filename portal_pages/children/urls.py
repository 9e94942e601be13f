"""URLs of the children area."""

app_name = "children"

urlpatterns = []
