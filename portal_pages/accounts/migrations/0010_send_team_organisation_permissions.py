"""The SEND team confirms organisations, merges duplicates and makes team leads."""

from django.db import migrations

from portal_pages.accounts.permission_grants import group_permissions

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here

grant, revoke = group_permissions(
    "accounts", {SEND_TEAM: ["view_organisation", "change_organisation"]}
)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0009_teams")]

    operations = [migrations.RunPython(grant, revoke)]
