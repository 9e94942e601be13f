"""The SEND team may compose messages and see what was sent, but not edit or delete a
message once it is in someone's inbox."""

from django.db import migrations

from portal_pages.accounts.permission_grants import group_permissions

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
CODENAMES = ["add_message", "view_message"]


grant, revoke = group_permissions("inbox", {SEND_TEAM: CODENAMES})


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0001_initial"),
        ("accounts", "0002_send_team_group"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
