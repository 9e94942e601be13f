"""The SEND team shares forms; content editors look after the lookup lists forms use."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
CONTENT_EDITORS = "Editors"
ACTIONS = ("add", "change", "delete", "view")
GRANTS = {SEND_TEAM: ["formshare"], CONTENT_EDITORS: ["lookuplist"]}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; they are needed now.
    app_config = apps.get_app_config("ehc_forms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="ehc_forms",
                codename__in=[f"{action}_{model}" for action in ACTIONS for model in models],
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, models in GRANTS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *group.permissions.filter(
                    content_type__app_label="ehc_forms", content_type__model__in=models
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("ehc_forms", "0001_initial"),
        ("accounts", "0002_send_team_group"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
