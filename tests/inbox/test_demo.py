from django.core.management import call_command

from portal_pages.inbox.models import Message
from portal_pages.inbox.tasks import EMAIL_SUBJECT


def test_the_demo_professional_gets_a_welcome_and_two_messages_once(db, mailoutbox):
    call_command("load_demo_content")
    call_command("load_demo_content")

    messages = Message.objects.filter(recipient__email="sendco@oakfield-primary.sch.uk")
    assert messages.count() == 3
    assert messages.filter(category=Message.Category.ACTION, due__isnull=False).count() == 1
    alerts = [e.to for e in mailoutbox if e.subject == EMAIL_SUBJECT]
    assert alerts.count(["sendco@oakfield-primary.sch.uk"]) == 3
