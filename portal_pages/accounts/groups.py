"""Names of the groups created by migrations, so code and tests never spell them twice."""

SEND_TEAM = "SEND team"
# Wagtail's own migrations create this group with page editing permissions.
CONTENT_EDITORS = "Editors"
