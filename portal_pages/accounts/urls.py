"""URLs of the accounts area."""

app_name = "accounts"

urlpatterns = []
