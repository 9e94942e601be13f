from django.core.management import call_command

from portal_pages.inbox.models import Message
from portal_pages.inbox.tasks import EMAIL_SUBJECT


def test_the_demo_professional_gets_three_messages_once(db, mailoutbox):
    call_command("load_demo_content")
    call_command("load_demo_content")

    messages = Message.objects.filter(recipient__email="sendco@oakfield-primary.sch.uk")
    assert messages.count() == 3
    assert messages.filter(category=Message.Category.ACTION, due__isnull=False).count() == 1
    assert [e.subject for e in mailoutbox].count(EMAIL_SUBJECT) == 3
