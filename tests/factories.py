"""factory_boy factories: one description of a valid object per model, shared by every area's
tests and behind the fixtures of `tests/conftest.py`."""

import datetime

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from portal_pages.accounts.groups import SEND_TEAM
from portal_pages.accounts.models import Organisation, User
from portal_pages.children.models import Child, EHCCase
from portal_pages.inbox.models import Message

TEST_PASSWORD = "correct-horse-battery-staple"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = "Oakfield Primary School"
    kind = Organisation.Kind.SCHOOL


class ProfessionalFactory(factory.django.DjangoModelFactory):
    """An approved professional who signs in with TEST_PASSWORD."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"professional{n}@oakfield.sch.uk")
    full_name = factory.Sequence(lambda n: f"Professional Number{n}")
    job_title = "SENDCO"
    organisation = factory.SubFactory(OrganisationFactory)
    status = User.Status.APPROVED
    password = factory.django.Password(TEST_PASSWORD)


class SendOfficerFactory(ProfessionalFactory):
    """A member of the SEND team group, with exactly the permissions its migration gives."""

    class Meta:
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"officer{n}@exampleshire.gov.uk")
    full_name = "Sam Okafor"
    job_title = "SEND officer"
    organisation = None

    @factory.post_generation
    def send_team(officer, create, extracted, **kwargs):
        if create:
            officer.groups.add(Group.objects.get(name=SEND_TEAM))


class ChildFactory(factory.django.DjangoModelFactory):
    """A professional's record of a child; bulk rows come from `build_batch` and
    `Child.objects.bulk_create`."""

    class Meta:
        model = Child

    created_by = factory.SubFactory(ProfessionalFactory)
    # As Child.save does; bulk rows built here never pass through save().
    organisation = factory.LazyAttribute(lambda child: child.created_by.organisation)
    given_name = factory.Sequence(lambda n: f"Child{n:04d}")
    family_name = "Example"
    date_of_birth = datetime.date(2016, 5, 1)
    home_postcode = "SW1A 1AA"
    setting = "Oakfield Primary School"


class EHCCaseFactory(factory.django.DjangoModelFactory):
    """A case at the request stage, received on 6 January 2025."""

    class Meta:
        model = EHCCase

    reference = factory.Sequence(lambda n: f"EHC-{n:05d}")
    given_name = "Ada"
    family_name = "Example"
    date_of_birth = datetime.date(2016, 5, 1)
    request_received_on = datetime.date(2025, 1, 6)


class MessageFactory(factory.django.DjangoModelFactory):
    """An unread message, each one a minute older than the one before; for thousands, pass
    `build_batch` to `Message.objects.bulk_create` (no email is sent)."""

    class Meta:
        model = Message

    recipient = factory.SubFactory(ProfessionalFactory)
    subject = factory.Sequence(lambda n: f"Message {n}")
    body = "Body"
    created = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(minutes=n))
