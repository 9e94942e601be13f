"""Demo messages for the demo professional, so the inbox has something to show."""

import datetime

from django.utils import timezone

from portal_pages.accounts.models import User
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message

DEMO_PROFESSIONAL = "sendco@oakfield-primary.sch.uk"
DEMO_OFFICER = "send.officer@exampleshire.gov.uk"


def load():
    """An information message and an action request from the SEND team (the welcome comes
    from the demo account's approval); each is created once, however often the demo is
    loaded."""
    professional = User.objects.filter(email=DEMO_PROFESSIONAL).first()
    if professional is None:
        return []
    officer = User.objects.filter(email=DEMO_OFFICER).first()
    send_message(
        professional,
        "Training for SENDCOs: writing outcomes",
        "We are running a free online session on writing SMART outcomes for EHC plans on "
        "the first Tuesday of next month, 3.30pm to 4.30pm. Reply to the SEND team by email "
        "to book a place.",
        sender=officer,
        dedupe_key="demo:training",
    )
    send_message(
        professional,
        "Please update your contact details",
        "Our records show no phone number for you. Please add one to your account so we can "
        "reach you about urgent casework.",
        category=Message.Category.ACTION,
        due=timezone.localdate() + datetime.timedelta(days=10),
        sender=officer,
        dedupe_key="demo:contact-details",
    )
    return []
