"""Demo notices: a live Important notice on the post-16 review form about a known problem
with its output, and an Information notice scheduled to go live next week."""

from datetime import timedelta

from django.utils import timezone

from ehc_forms.models import EHCFormPage
from notices.models import Notice

POST_16_ISSUE = (
    "<p><b>Long answers in the post-16 review output.</b> In the PDF of a post-16 annual "
    "review, the young person's and parents' views are cut short after about 4,000 "
    "characters. Everything you type is saved in full and the SEND team reads the whole "
    "answer in the portal, so you do not need to shorten it. We expect to fix the PDF by "
    "the end of the month.</p>"
)
MAINTENANCE = (
    "<p>The portal will be unavailable on Saturday morning from 7am to 9am while it is "
    "updated. Anything you have typed is saved; sign in again after 9am to carry on.</p>"
)


def load():
    """Create the two notices once; a second run changes nothing."""
    form = EHCFormPage.objects.filter(slug="post-16-annual-review").first()
    if (
        form
        and not Notice.objects.filter(title="Long answers in the post-16 review output").exists()
    ):
        notice = Notice.objects.create(
            title="Long answers in the post-16 review output",
            message=POST_16_ISSUE,
            severity=Notice.Severity.IMPORTANT,
            placement=Notice.Placement.FORMS,
            live=False,
        )
        notice.forms.set([form])
        notice.save()
        notice.save_revision().publish()
    if not Notice.objects.filter(title="Saturday maintenance").exists():
        notice = Notice.objects.create(
            title="Saturday maintenance",
            message=MAINTENANCE,
            severity=Notice.Severity.INFORMATION,
            placement=Notice.Placement.EVERYWHERE,
            live=False,
            go_live_at=timezone.now() + timedelta(days=7),
        )
        # Publishing a revision whose go-live time is ahead schedules it, as the admin does.
        notice.save_revision().publish()
    return []
