from django.core.management import call_command

from portal_pages.inbox.models import Message


def test_the_demo_professional_gets_three_messages_once(db, mailoutbox):
    call_command("load_demo_content")
    call_command("load_demo_content")

    messages = Message.objects.filter(recipient__email="sendco@oakfield-primary.sch.uk")
    assert messages.count() == 3
    assert messages.filter(category=Message.Category.ACTION, due__isnull=False).count() == 1
    assert len(mailoutbox) == 3
