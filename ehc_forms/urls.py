"""URLs of the ehc_forms area."""

app_name = "ehc_forms"

urlpatterns = []
