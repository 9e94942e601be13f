"""The SEND team reads sent forms and moves their status on."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
CODENAMES = ["view_submission", "change_submission"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; they are needed now.
    app_config = apps.get_app_config("ehc_forms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=SEND_TEAM)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="ehc_forms", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SEND_TEAM):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="ehc_forms", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("ehc_forms", "0005_documents_and_review")]

    operations = [migrations.RunPython(grant, revoke)]
