"""A sent version of a submission as a PDF, drawn by WeasyPrint from an HTML template, so
the document holds every answer in full however long it is.

Drawing a long answer takes seconds, and a sent version never changes, so each PDF is kept
in private storage once drawn (`SubmissionPDF`), under the digest of the HTML it was drawn
from: rendering the HTML takes milliseconds, and a download whose HTML has the same digest
reads the kept file. The PDF is drawn ahead of the first download when a version is sent
(`store_submission_pdf`). Storage that cannot be read or written costs only the time:
the PDF is drawn again and the download goes ahead."""

import base64
import hashlib
import logging
import mimetypes
from contextlib import suppress

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django_tasks import task
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from ehc_forms.documents import STORAGE_ERRORS, attached
from ehc_forms.models import Submission, SubmissionPDF
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
    except (SourceImageIOError, *STORAGE_ERRORS):
        logger.warning(
            "The PDF is drawn without the logo: its file %s cannot be read.", portal.logo.file.name
        )
        return ""
    return f"data:{content_type};base64,{encoded}"


def submission_pdf(submission, site):
    """The PDF's bytes: the kept file when one was drawn from the same HTML, or else drawn
    now and kept for the next download."""
    html = submission_html(submission, site)
    digest = hashlib.sha256(html.encode()).hexdigest()
    content = read_kept(submission, digest)
    if content is None:
        content = draw(html)
        keep(submission, digest, content)
    return content


def draw(html):
    # Imported here: loading WeasyPrint takes a moment that only drawing should pay.
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def read_kept(submission, digest):
    """The kept PDF drawn from HTML of this digest, or None."""
    kept = SubmissionPDF.objects.filter(submission=submission, digest=digest).first()
    if kept is None:
        return None
    try:
        with kept.file.open("rb") as stored:
            return stored.read()
    except STORAGE_ERRORS:
        logger.warning(
            "The kept PDF of submission %s cannot be read: drawing it again.",
            submission.pk,
            exc_info=True,
        )
        return None


def keep(submission, digest, content):
    """Keep `content` as the submission's PDF, in place of any older one (drawn from HTML
    that has changed since, or whose file could not be read)."""
    pdf = SubmissionPDF(submission=submission, digest=digest)
    try:
        pdf.file.save("pdf", ContentFile(content), save=False)
        with transaction.atomic():
            SubmissionPDF.objects.filter(submission=submission).delete()
            pdf.save()
    except IntegrityError:
        # Another download of this version kept the same PDF a moment before.
        pdf.file.delete(save=False)
    except STORAGE_ERRORS:
        logger.warning(
            "The PDF of submission %s could not be kept: the next download draws it again.",
            submission.pk,
            exc_info=True,
        )
        with suppress(*STORAGE_ERRORS):
            pdf.file.delete(save=False)


@task()
def store_submission_pdf(submission_id):
    """Draw and keep a version's PDF as it is sent, so even its first download reads it.
    Drawn for the default site, the one every download of a single-site portal names."""
    submission = (
        Submission.objects.filter(pk=submission_id, status=Submission.Status.SUBMITTED)
        .select_related("form", "child", "revision", "author", "updated_by")
        .first()
    )
    site = Site.objects.filter(is_default_site=True).first()
    if submission is None or site is None:
        return  # deleted since it was sent: nothing to keep
    submission_pdf(submission, site)
