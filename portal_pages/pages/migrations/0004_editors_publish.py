"""The Editors group publishes what it edits: pages (including EHC forms) from the root
down, without waiting for a moderator."""

from django.db import migrations

CONTENT_EDITORS = "Editors"  # portal_pages.accounts.groups.CONTENT_EDITORS, frozen here


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    group = Group.objects.filter(name=CONTENT_EDITORS).first()
    if root is None or group is None:
        return
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.get_or_create(group=group, page=root, permission=publish)


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=CONTENT_EDITORS, page__depth=1, permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_logo_cookies_page_and_block_previews"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
