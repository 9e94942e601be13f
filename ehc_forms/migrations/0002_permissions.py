"""The SEND team shares forms; content editors look after the lookup lists forms use."""

from django.db import migrations

from portal_pages.accounts.permission_grants import group_permissions

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
CONTENT_EDITORS = "Editors"
ACTIONS = ("add", "change", "delete", "view")
GRANTS = {SEND_TEAM: ["formshare"], CONTENT_EDITORS: ["lookuplist"]}


grant, revoke = group_permissions(
    "ehc_forms",
    {
        group_name: [f"{action}_{model}" for action in ACTIONS for model in models]
        for group_name, models in GRANTS.items()
    },
)


class Migration(migrations.Migration):
    dependencies = [
        ("ehc_forms", "0001_initial"),
        ("accounts", "0002_send_team_group"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
