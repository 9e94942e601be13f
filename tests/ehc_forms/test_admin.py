"""The SEND team shares forms, and editors keep lookup lists, in the Wagtail admin."""

import datetime

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ehc_forms.models import EHCFormPage, FormShare, LookupList
from portal_pages.accounts.groups import CONTENT_EDITORS
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message
from tests.factories import SendOfficerFactory


def test_the_send_team_shares_a_form_with_a_professional(
    client,
    make_professional,
    professional,
    child,
    sample_form,
    sign_in,
    django_assert_max_num_queries,
):
    officer = SendOfficerFactory(email="officer@exampleshire.gov.uk")
    sign_in(client, officer)

    response = client.post(
        "/admin/form_shares/new/",
        {
            "form": sample_form.pk,
            "child": child.pk,
            "professional": professional.pk,
            "due_date": "2026-04-01",
        },
    )
    assert response.status_code == 302
    share = FormShare.objects.get()
    assert (share.form_id, share.child_id, share.professional_id) == (
        sample_form.pk,
        child.pk,
        professional.pk,
    )
    with CaptureQueriesContext(connection) as one_share:
        client.get("/admin/form_shares/")
    for _ in range(3):
        FormShare.objects.create(form=sample_form, child=child, professional=make_professional())
    with django_assert_max_num_queries(len(one_share)):
        listing = client.get("/admin/form_shares/")
    assert listing.status_code == 200
    assert "Test form" in listing.content.decode()


def test_editors_keep_lookup_lists_and_the_send_team_cannot(
    client, make_professional, lookup, sign_in
):
    editor = make_professional(email="editor@exampleshire.gov.uk")
    editor.groups.add(Group.objects.get(name=CONTENT_EDITORS))
    sign_in(client, editor)
    url = f"/admin/snippets/ehc_forms/lookuplist/edit/{lookup.pk}/"
    assert client.get(url).status_code == 200

    officer = SendOfficerFactory(email="officer@exampleshire.gov.uk")
    sign_in(client, officer)
    assert client.get(url).status_code == 302  # Wagtail's "no permission" redirect
    assert LookupList.objects.count() == 1


def test_a_form_with_drafts_cannot_be_deleted(client, sign_in, draft, sample_form):
    from portal_pages.accounts.models import User

    editor = User.objects.create_superuser(email="editor@exampleshire.gov.uk", password="x" * 16)
    sign_in(client, editor)
    response = client.post(f"/admin/pages/{sample_form.pk}/delete/")
    assert response.status_code == 302
    assert EHCFormPage.objects.filter(pk=sample_form.pk).exists()
    page = client.get(response.url).content.decode()
    assert "cannot be deleted because professionals have started it" in page

    # Nor can the index that holds it.
    client.post(f"/admin/pages/{sample_form.get_parent().pk}/delete/")
    assert EHCFormPage.objects.filter(pk=sample_form.pk).exists()


def share_as_officer(client, make_professional, sign_in, **fields):
    officer = SendOfficerFactory(email="officer@exampleshire.gov.uk")
    sign_in(client, officer)
    return client.post("/admin/form_shares/new/", fields)


def test_sharing_a_form_puts_one_action_message_in_the_professionals_inbox(
    client,
    make_professional,
    professional,
    child,
    sample_form,
    sign_in,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = share_as_officer(
            client,
            make_professional,
            sign_in,
            form=sample_form.pk,
            child=child.pk,
            professional=professional.pk,
            due_date="2026-04-01",
        )

    assert response.status_code == 302
    message = Message.objects.get(recipient=professional)
    assert message.category == Message.Category.ACTION
    assert message.due == datetime.date(2026, 4, 1)
    assert message.link_url == f"/forms/child/{child.pk}/{sample_form.pk}/"
    assert "Test form" in message.subject
    assert [mail.to for mail in mailoutbox] == [[professional.email]]
    assert child.given_name not in mailoutbox[0].body


def test_a_form_cannot_be_shared_for_a_child_the_professional_does_not_keep(
    client, make_professional, professional, sample_form, sign_in
):
    someone_else = make_professional(email="other@oakfield.sch.uk")
    their_child = Child.objects.create(
        created_by=someone_else,
        given_name="Robin",
        family_name="Other",
        date_of_birth=datetime.date(2016, 1, 1),
        home_postcode="EX1 1AA",
    )

    response = share_as_officer(
        client,
        make_professional,
        sign_in,
        form=sample_form.pk,
        child=their_child.pk,
        professional=professional.pk,
    )

    assert response.status_code == 200
    assert "Choose a child record that this professional keeps" in response.content.decode()
    assert not FormShare.objects.exists()
    assert not Message.objects.exists()
