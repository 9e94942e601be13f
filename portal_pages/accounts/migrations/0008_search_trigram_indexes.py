"""Trigram indexes for searches by a professional's name or email across every account
(Registrations, and the Messages listing's search by recipient), on PostgreSQL only."""

from django.db import migrations

from portal_pages.accounts.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_listing_indexes")]

    operations = [trigram_indexes("accounts_user", ["full_name", "email"])]
