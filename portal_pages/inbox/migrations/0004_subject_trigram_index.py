"""A trigram index for the SEND team's Messages search by subject, on PostgreSQL only."""

from django.db import migrations

from portal_pages.accounts.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("inbox", "0003_listing_indexes")]

    operations = [trigram_indexes("inbox_message", ["subject"])]
