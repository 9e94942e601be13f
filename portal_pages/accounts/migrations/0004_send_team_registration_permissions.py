"""The SEND team reviews registrations and edits the registration settings."""

from django.db import migrations

from portal_pages.accounts.permission_grants import group_permissions

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
CODENAMES = ["view_registration", "change_registration", "change_registrationsettings"]


grant, revoke = group_permissions("accounts", {SEND_TEAM: CODENAMES})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_registration_review"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
