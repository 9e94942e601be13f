"""The SEND team reads the log of webhook deliveries; form webhooks stay the
administrators' own."""

from django.db import migrations

from portal_pages.accounts.permission_grants import group_permissions

SEND_TEAM = "SEND team"  # portal_pages.accounts.groups.SEND_TEAM, frozen here

grant, revoke = group_permissions("ehc_forms", {SEND_TEAM: ["view_webhookdelivery"]})


class Migration(migrations.Migration):
    dependencies = [("ehc_forms", "0007_form_webhooks")]

    operations = [migrations.RunPython(grant, revoke)]
