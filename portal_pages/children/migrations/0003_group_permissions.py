"""The SEND team works on EHC cases and sees professionals' child records (to link them);
council editors keep the stage explanations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; make this app's now so they
    # can be granted in the same run as a fresh database is built.
    app_config = apps.get_app_config("children")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="children", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="children", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0002_case_and_child_details"),
        ("accounts", "0002_send_team_group"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
