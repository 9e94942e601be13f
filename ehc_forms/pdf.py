"""A sent version of a submission as a PDF, drawn by WeasyPrint from an HTML template, so
the document holds every answer in full however long it is."""

import base64
import mimetypes

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
            "portal": (portal := PortalSettings.for_site(site)),
            "logo": logo_data_uri(portal),
        },
    )


def logo_data_uri(portal):
    """The council's logo as a data URI for the first page: uploads are in private storage,
    so WeasyPrint is handed the image itself rather than an address to fetch."""
    if portal.logo is None:
        return ""
    content_type = mimetypes.guess_type(portal.logo.file.name)[0] or "image/png"
    with portal.logo.open_file() as image:
        encoded = base64.b64encode(image.read()).decode()
    return f"data:{content_type};base64,{encoded}"


def submission_pdf(submission, site):
    """The PDF's bytes."""
    # Imported here: loading WeasyPrint takes a moment that only a download should pay.
    from weasyprint import HTML

    return HTML(string=submission_html(submission, site)).write_pdf()
