"""A sent version of a submission as a PDF, drawn by WeasyPrint from an HTML template, so
the document holds every answer in full however long it is."""

from django.template.loader import render_to_string

from ehc_forms.documents import attached
from ehc_forms.submitting import summary
from portal_pages.pages.models import PortalSettings


def submission_html(submission, site):
    return render_to_string(
        "ehc_forms/submission_pdf.html",
        {
            "submission": submission,
            "child": submission.child,
            "form": submission.form,
            "sections": summary(submission),
            "documents": attached(submission),
            "portal": PortalSettings.for_site(site),
        },
    )


def submission_pdf(submission, site):
    """The PDF's bytes."""
    # Imported here: loading WeasyPrint takes a moment that only a download should pay.
    from weasyprint import HTML

    return HTML(string=submission_html(submission, site)).write_pdf()
