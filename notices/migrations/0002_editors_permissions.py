"""Content editors write, schedule and publish notices."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_EDITORS = "Editors"  # portal_pages.accounts.groups.CONTENT_EDITORS, frozen here
CODENAMES = ["add_notice", "change_notice", "delete_notice", "view_notice", "publish_notice"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; they are needed now.
    app_config = apps.get_app_config("notices")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    # Wagtail adds a snippet's publish permission after all migrations; create it now too.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    notice_type, _ = ContentType.objects.get_or_create(app_label="notices", model="notice")
    Permission.objects.get_or_create(
        content_type=notice_type, codename="publish_notice", defaults={"name": "Can publish notice"}
    )
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=CONTENT_EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="notices", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=CONTENT_EDITORS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="notices"))


class Migration(migrations.Migration):
    dependencies = [
        ("notices", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
