"""The SEND team may compose messages and see what was sent, but not edit or delete a
message once it is in someone's inbox."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
CODENAMES = ["add_message", "view_message"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations have run; create them now so
    # the group can be given them on a fresh database.
    app_config = apps.get_app_config("inbox")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=SEND_TEAM)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="inbox", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=SEND_TEAM):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="inbox", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("inbox", "0001_initial"),
        ("accounts", "0002_send_team_group"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
