"""Trigram indexes for the SEND team's Child records search (name and UPN, across every
professional's records), on PostgreSQL only."""

from django.db import migrations

from portal_pages.accounts.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("children", "0004_listing_indexes")]

    operations = [trigram_indexes("children_child", ["family_name", "given_name", "upn"])]
