"""The SEND team works on EHC cases and sees professionals' child records (to link them);
council editors keep the stage explanations."""

from django.db import migrations

from portal_pages.accounts.permission_grants import group_permissions

# Frozen copies of portal_pages.accounts.groups, as migrations must not import app code.
SEND_TEAM = "SEND team"
CONTENT_EDITORS = "Editors"

GRANTS = {
    SEND_TEAM: ["add_ehccase", "change_ehccase", "view_ehccase", "view_child"],
    CONTENT_EDITORS: [
        "add_stageexplanation",
        "change_stageexplanation",
        "delete_stageexplanation",
        "view_stageexplanation",
    ],
}


grant, revoke = group_permissions("children", GRANTS)


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0002_case_and_child_details"),
        ("accounts", "0002_send_team_group"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
