"""The SEND team confirms organisations, merges duplicates and makes team leads, granted
the same way as the registration permissions before them."""

import importlib

from django.db import migrations

granting = importlib.import_module(
    "portal_pages.accounts.migrations.0004_send_team_registration_permissions"
)
PERMISSIONS = [
    ("organisation", "view_organisation", "Can view organisation"),
    ("organisation", "change_organisation", "Can change organisation"),
]


def grant(apps, schema_editor):
    granting.grant(apps, schema_editor, PERMISSIONS)


def revoke(apps, schema_editor):
    granting.revoke(apps, schema_editor, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_teams")]

    operations = [migrations.RunPython(grant, revoke)]
