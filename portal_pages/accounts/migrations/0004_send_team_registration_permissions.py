"""The SEND team reviews registrations and edits the registration settings.

Django creates permissions only after all migrations have run, so this one makes the
ones it grants (the same rows Django would make)."""

from django.db import migrations

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here
PERMISSIONS = [
    ("registration", "view_registration", "Can view registration"),
    ("registration", "change_registration", "Can change registration"),
    ("registrationsettings", "change_registrationsettings", "Can change Registration settings"),
]


def grant(apps, schema_editor, permissions=PERMISSIONS):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=SEND_TEAM)
    for model, codename, name in permissions:
        content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor, permissions=PERMISSIONS):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=SEND_TEAM).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="accounts",
                codename__in=[codename for _, codename, _ in permissions],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_registration_review"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
