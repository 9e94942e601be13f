"""Giving a group permissions from a data migration: the one helper every app's permission
migration uses. Migrations import it, so what it does must never change under them."""

from django.contrib.auth.management import create_permissions


def group_permissions(app_label, grants):
    """The (grant, revoke) pair for `migrations.RunPython`: `grants` maps a group name to the
    codenames of `app_label`'s permissions it is given. The group is created if missing."""

    def permissions(apps, codenames):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)

    def grant(apps, schema_editor):
        # Django creates permissions only after all migrations have run; a fresh database
        # needs this app's now. create_permissions skips an app without a models module,
        # which a migration's app registry never loads, so say there is one meanwhile.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = None
        Group = apps.get_model("auth", "Group")
        for group_name, codenames in grants.items():
            group, _ = Group.objects.get_or_create(name=group_name)
            group.permissions.add(*permissions(apps, codenames))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for group_name, codenames in grants.items():
            for group in Group.objects.filter(name=group_name):
                group.permissions.remove(*permissions(apps, codenames))

    return grant, revoke
