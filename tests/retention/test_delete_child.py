"""A professional deletes a child record they added, from the child's page through a
GOV.UK confirmation page; a record with a submitted form can only be hidden."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from ehc_forms.models import Submission
from portal_pages.children import teams
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message
from portal_pages.inbox.notify import send_message


@pytest.fixture
def record(professional, make_child):
    return make_child(professional, given_name="Tamsin", family_name="Okonkwo-Reyes")


def delete_url(child):
    return reverse("children:delete", args=[child.pk])


def test_the_childs_page_offers_deletion_to_its_creator(professional_client, record):
    page = professional_client.get(reverse("children:home", args=[record.pk])).content.decode()
    assert f'href="{delete_url(record)}"' in page
    assert "Delete Tamsin Okonkwo-Reyes's record" in page


def test_the_confirmation_page_asks_warns_and_offers_a_red_button(
    professional_client, record, django_assert_max_num_queries
):
    professional_client.get(delete_url(record))  # the site's settings row is made once
    with django_assert_max_num_queries(11):
        response = professional_client.get(delete_url(record))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Are you sure you want to delete Tamsin Okonkwo-Reyes's record?" in page
    assert 'class="govuk-warning-text"' in page
    assert "You cannot undo this." in page
    assert 'class="govuk-button govuk-button--warning"' in page
    assert Child.objects.filter(pk=record.pk).exists()


def test_confirming_deletes_the_record_its_drafts_and_its_messages(
    professional_client, professional, record, make_draft
):
    draft = make_draft(professional, record)
    send_message(professional, "About Tamsin", "Tamsin's meeting moved.", child=record)

    response = professional_client.post(delete_url(record))

    assert response.status_code == 302 and response.url == reverse("children:index")
    assert not Child.objects.filter(pk=record.pk).exists()
    assert not Submission.objects.filter(pk=draft.pk).exists()
    assert not Message.objects.filter(recipient=professional).exists()
    entry = ModelLogEntry.objects.get(action="children.delete_child", object_id=str(record.pk))
    assert entry.user_id == professional.pk
    assert entry.label == f"Child record {record.pk}"
    assert entry.data == {"reason": "deleted by the professional who added it"}
    listing = professional_client.get(response.url).content.decode()
    assert "Tamsin Okonkwo-Reyes&#x27;s record has been deleted." in listing


def test_a_record_with_a_submitted_form_can_only_be_hidden(
    professional_client, professional, record, make_submitted, django_assert_max_num_queries
):
    make_submitted(professional, record)

    home = professional_client.get(reverse("children:home", args=[record.pk])).content.decode()
    assert delete_url(record) not in home
    assert "so the council keeps this record and it cannot be deleted" in home
    assert reverse("children:hide", args=[record.pk]) in home

    with django_assert_max_num_queries(11):
        page = professional_client.get(delete_url(record))
    assert page.status_code == 200
    assert "This record cannot be deleted" in page.content.decode()

    refused = professional_client.post(delete_url(record))
    assert refused.status_code == 409
    assert "This record cannot be deleted" in refused.content.decode()
    assert Child.objects.filter(pk=record.pk).exists()
    assert Submission.objects.filter(child=record).count() == 1

    professional_client.post(reverse("children:hide", args=[record.pk]))
    record.refresh_from_db()
    assert record.hidden


def test_only_its_creator_may_delete_a_shared_record(
    professional, record, make_professional, sign_in, client
):
    teams.set_sharing(record, True, professional)
    lead = make_professional(is_team_lead=True)
    lead_client = sign_in(client, lead)

    home = lead_client.get(reverse("children:home", args=[record.pk])).content.decode()
    assert delete_url(record) not in home
    assert lead_client.get(delete_url(record)).status_code == 404
    assert lead_client.post(delete_url(record)).status_code == 404
    assert Child.objects.filter(pk=record.pk).exists()
