"""The SEND team's Submissions listing: sent versions newest first from an index of their own,
and (on PostgreSQL only) a trigram index for its search by reference."""

from django.db import migrations, models

from portal_pages.accounts.trigram import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("ehc_forms", "0010_submission_pdfs"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                condition=models.Q(("status", "submitted")),
                fields=["-submitted_at"],
                name="submission_sent_newest",
            ),
        ),
        trigram_indexes("ehc_forms_submission", ["reference"]),
    ]
