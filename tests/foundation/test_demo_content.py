from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from portal_pages.accounts.models import User


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title")),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "root_page_id")),
        "users": list(User.objects.order_by("email").values_list("email", "status")),
        "user_groups": sorted(
            (user.email, group.name) for user in User.objects.all() for group in user.groups.all()
        ),
    }


def test_demo_content_is_idempotent(db, capsys):
    call_command("load_demo_content")
    first = snapshot()
    first_output = capsys.readouterr().out

    call_command("load_demo_content")
    second = snapshot()

    assert first == second
    assert "send.officer@exampleshire.gov.uk" in first_output
    assert "content.editor@exampleshire.gov.uk" in first_output
    assert "sendco@oakfield-primary.sch.uk" in first_output
    assert {email for email, _ in first["user_groups"]} == {
        "send.officer@exampleshire.gov.uk",
        "content.editor@exampleshire.gov.uk",
    }


def test_demo_accounts_can_sign_in_with_the_printed_password(db):
    from portal_pages.accounts.demo import DEMO_PASSWORD

    call_command("load_demo_content")
    for user in User.objects.all():
        assert user.check_password(DEMO_PASSWORD)
        assert user.status == User.Status.APPROVED
