"""A sent version of a submission as a PDF, drawn by WeasyPrint from an HTML template, so
the document holds every answer in full however long it is."""

import base64
import logging
import mimetypes

from django.template.loader import render_to_string
from wagtail.images.models import SourceImageIOError

from ehc_forms.documents import attached
from ehc_forms.submitting import summary
from portal_pages.pages.models import PortalSettings

logger = logging.getLogger(__name__)


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
    so WeasyPrint is handed the image itself rather than an address to fetch. A logo whose
    file cannot be read (storage down, file gone) leaves it out: the answers still print."""
    if portal.logo is None:
        return ""
    content_type = mimetypes.guess_type(portal.logo.file.name)[0] or "image/png"
    try:
        with portal.logo.open_file() as image:
            encoded = base64.b64encode(image.read()).decode()
    except SourceImageIOError:
        logger.warning(
            "The PDF is drawn without the logo: its file %s cannot be read.", portal.logo.file.name
        )
        return ""
    return f"data:{content_type};base64,{encoded}"


def submission_pdf(submission, site):
    """The PDF's bytes."""
    # Imported here: loading WeasyPrint takes a moment that only a download should pay.
    from weasyprint import HTML

    return HTML(string=submission_html(submission, site)).write_pdf()
