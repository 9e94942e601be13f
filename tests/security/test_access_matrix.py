"""The access matrix: every portal route that takes an object id, filled with real objects
owned by professional A, answers 404 to professional B (a colleague in A's organisation,
while A's record is private) and sends an anonymous visitor to sign in; and, when A shares
the record with the team, answers A's team as it answers A and everyone else as before. A
new route with an id the matrix cannot fill fails the suite, so no route can skip the
check."""

import datetime
import uuid
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse

from ehc_forms.access import get_draft_or_404, submissions_visible_to
from ehc_forms.models import FormWebhook, Submission, WebhookDelivery
from portal_pages.accounts.models import Organisation, User
from portal_pages.children import teams
from portal_pages.children.access import children_visible_to
from portal_pages.children.models import Child
from portal_pages.inbox.models import Message
from tests.factories import ProfessionalFactory, SendOfficerFactory

NAMESPACES = ("children", "inbox", "ehc_forms", "accounts")

# How each route argument is filled from A's objects, per namespace (an id means different
# things in different areas).
FILLERS = {
    ("children", "child_id"): lambda objects: objects["child"].pk,
    ("children", "member_id"): lambda objects: objects["member"].pk,
    ("inbox", "pk"): lambda objects: objects["message"].pk,
    ("ehc_forms", "child_id"): lambda objects: objects["child"].pk,
    ("ehc_forms", "form_id"): lambda objects: objects["form"].pk,
    ("ehc_forms", "submission_id"): lambda objects: objects["draft"].pk,
    ("ehc_forms", "submitted_id"): lambda objects: objects["submitted"].pk,
    ("ehc_forms", "number"): lambda objects: 1,
    ("ehc_forms", "document_key"): lambda objects: objects["document"].key,
}

# Routes whose arguments are signed, single-use tokens sent by email rather than object
# ids: they are public by design (the token is the credential), and their own tests in
# tests/accounts cover altered and expired tokens.
TOKEN_ROUTES = {
    "accounts:confirm_email",
    "accounts:confirm_new_email",
    "accounts:password_reset_confirm",
}


def routes_with_arguments():
    """(namespace:name, namespace, argument names) for every named route with arguments in
    the portal namespaces, found by walking the URL resolver."""
    resolver = get_resolver()
    found = []
    for namespace in NAMESPACES:
        _prefix, sub_resolver = resolver.namespace_dict[namespace]
        for pattern in sub_resolver.url_patterns:
            assert isinstance(pattern, URLPattern), f"nested resolver in {namespace}"
            arguments = list(pattern.pattern.converters)
            if arguments:
                found.append((f"{namespace}:{pattern.name}", namespace, arguments))
    return found


OBJECT_ROUTES = [route for route in routes_with_arguments() if route[0] not in TOKEN_ROUTES]


def test_every_route_with_an_id_is_known_to_the_matrix():
    unknown = [
        (name, argument)
        for name, namespace, arguments in OBJECT_ROUTES
        for argument in arguments
        if (namespace, argument) not in FILLERS
    ]
    assert unknown == [], "add these route arguments to FILLERS (or TOKEN_ROUTES)"
    assert {name for name, _namespace, _arguments in routes_with_arguments()} >= TOKEN_ROUTES
    # Guards the walk itself: a broken walk finding nothing would make the matrix empty.
    assert len(OBJECT_ROUTES) >= 15


@pytest.fixture
def owned(
    owner_child,
    owner_message,
    owner_draft,
    owner_submitted,
    owner_document,
    security_form,
    owner_colleague,
):
    return {
        "document": owner_document,
        "child": owner_child,
        "message": owner_message,
        "form": security_form,
        "draft": owner_draft,
        "submitted": owner_submitted,
        "member": owner_colleague,
    }


def url_for(name, namespace, arguments, objects):
    kwargs = {argument: FILLERS[(namespace, argument)](objects) for argument in arguments}
    return reverse(name, kwargs=kwargs)


def only_accepts_post(client, url):
    """Views behind require_POST answer 405 to every GET before any object is looked up,
    so the answer is the same for any id and tells nothing about the object."""
    return client.get(url).status_code == 405


def snapshot(objects):
    """What B or an anonymous visitor must never change: A's child, message, draft and sent
    form (nor add a version of it)."""
    child = Child.objects.get(pk=objects["child"].pk)
    message = Message.objects.get(pk=objects["message"].pk)
    draft = Submission.objects.get(pk=objects["draft"].pk)
    sent = Submission.objects.get(pk=objects["submitted"].pk)
    return (
        (child.hidden, child.given_name, child.family_name),
        (message.archived_at, message.read_at),
        (draft.version, draft.answers, draft.step_states, draft.status),
        (sent.version, sent.answers, sent.status),
        Submission.objects.count(),
    )


@pytest.mark.parametrize(
    ("name", "namespace", "arguments"), OBJECT_ROUTES, ids=[r[0] for r in OBJECT_ROUTES]
)
def test_another_professional_gets_404_and_an_anonymous_visitor_is_sent_to_sign_in(
    client, owner, stranger, sign_in, owned, name, namespace, arguments
):
    url = url_for(name, namespace, arguments, owned)

    # The owner reaches it, so the objects really fill the route.
    owner_client = sign_in(Client(), owner)
    owner_get = owner_client.get(url)
    post_only = owner_get.status_code == 405
    assert owner_get.status_code in (200, 302, 405), (url, owner_get.status_code)
    before = snapshot(owned)

    stranger_client = sign_in(Client(), stranger)
    if post_only:
        assert only_accepts_post(stranger_client, url)
    else:
        assert stranger_client.get(url).status_code == 404, url
    posted = stranger_client.post(
        url,
        {
            "version": owned["draft"].version,
            "given_name": "Changed",
            "known_as": "B",
            "declarations": ["1", "2"],
            "reason": "Changed by someone else",
        },
    )
    assert posted.status_code == 404, url

    sign_in_url = f"{reverse('two_factor:login')}?next="
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        if method == "get" and post_only:
            assert response.status_code == 405
        else:
            assert response.status_code == 302, (method, url)
            assert response.url.startswith(sign_in_url), response.url
        assert "Peregrine" not in response.content.decode()

    assert snapshot(owned) == before


ADMIN_PATHS = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/users/"]


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_a_professional_cannot_reach_the_admin(professional_client, path):
    response = professional_client.get(path)
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert not response.url.startswith("/admin/") or response.url.startswith("/admin/login")


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_a_send_team_officer_without_the_second_factor_cannot_reach_the_admin(
    client, make_professional, path
):
    officer = SendOfficerFactory(email="officer@exampleshire.gov.uk")
    client.force_login(officer)  # password only: no OTP device verified in the session
    response = client.get(path)
    assert response.status_code == 302
    assert response.url.startswith(f"{reverse('two_factor:login')}?next=")


def admin_routes(namespace):
    """Every route of an admin area the portal adds, found by walking the resolver."""
    _prefix, admin_resolver = get_resolver().namespace_dict[namespace]
    return [pattern.name for pattern in admin_resolver.url_patterns if pattern.name]


SUBMISSIONS_ADMIN_ROUTES = admin_routes("submissions")
ADMIN_FILLERS = {
    ("submissions", "pk"): lambda objects: objects["submitted"].pk,
    ("submissions", "document_key"): lambda objects: objects["document"].key,
    ("webhook_deliveries", "pk"): lambda objects: objects["delivery"].pk,
    ("form_webhooks", "pk"): lambda objects: objects["webhook"].pk,
}
# Screens the read-only permission policy closes to everyone: what professionals sent is
# never added, edited or deleted in the admin (usage is Wagtail's companion to delete).
NOT_OFFERED = {"add", "edit", "delete", "copy", "usage"}
# The screens of each admin area the SEND team reaches; every other screen answers them as
# one the permission policy never allows. Form webhooks are the administrators' alone.
SEND_TEAM_SCREENS = {
    "submissions": set(SUBMISSIONS_ADMIN_ROUTES) - NOT_OFFERED,
    "webhook_deliveries": {"index", "index_results"},
    "form_webhooks": set(),
}
ADMIN_ROUTES = [
    (namespace, name) for namespace in SEND_TEAM_SCREENS for name in admin_routes(namespace)
]


WEBHOOK_SECRET = "webhook-secret-never-shown"


@pytest.fixture
def admin_objects(owned, security_form):
    """A's sent form with a webhook on its form and one delivery of it logged."""
    webhook = FormWebhook.objects.create(
        form=security_form, url="https://cases.example/hook", secret=WEBHOOK_SECRET
    )
    delivery = WebhookDelivery.objects.create(
        submission=owned["submitted"],
        event=WebhookDelivery.Event.SUBMITTED,
        event_id=uuid.uuid4(),
        url=webhook.url,
        attempt=1,
        status_code=200,
    )
    return {**owned, "webhook": webhook, "delivery": delivery}


def admin_url(namespace, name, objects):
    pattern = next(
        p for p in get_resolver().namespace_dict[namespace][1].url_patterns if p.name == name
    )
    kwargs = {
        argument: ADMIN_FILLERS[(namespace, argument)](objects)
        for argument in pattern.pattern.converters
    }
    return reverse(f"{namespace}:{name}", kwargs=kwargs)


def test_the_submissions_workspace_offers_no_screen_that_changes_answers():
    assert len(SUBMISSIONS_ADMIN_ROUTES) >= 6
    assert {"index", "inspect", "status", "pdf", "document", "history"} <= set(
        SUBMISSIONS_ADMIN_ROUTES
    )
    assert {"index", "edit"} <= set(admin_routes("form_webhooks"))


@pytest.mark.parametrize(
    ("namespace", "name"), ADMIN_ROUTES, ids=[":".join(r) for r in ADMIN_ROUTES]
)
def test_admin_routes_the_portal_adds_are_for_the_send_team_only(
    client, owner, send_team_officer, sign_in, admin_objects, namespace, name
):
    url = admin_url(namespace, name, admin_objects)
    officer = sign_in(Client(), send_team_officer).get(url)
    if name in SEND_TEAM_SCREENS[namespace]:
        assert officer.status_code == 200, (url, officer.status_code)
    else:
        # Wagtail answers a screen the permission policy never allows with a redirect to
        # the dashboard and a message, or 403.
        assert officer.status_code in (302, 403), (url, officer.status_code)

    # The author of the form is a professional: the admin is closed to them.
    author = sign_in(Client(), owner).get(url)
    assert author.status_code in (302, 403), (url, author.status_code)
    if author.status_code == 302:
        assert not author.url.startswith(f"/admin/{namespace}"), author.url
    assert "Peregrine" not in author.content.decode()

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith(f"{reverse('two_factor:login')}?next=")


@pytest.mark.parametrize("name", admin_routes("form_webhooks"))
def test_an_administrator_reaches_every_form_webhook_screen_and_never_the_secret(
    sign_in, admin_objects, name
):
    administrator = ProfessionalFactory(
        email="admin@exampleshire.gov.uk", organisation=None, is_superuser=True
    )
    response = sign_in(Client(), administrator).get(admin_url("form_webhooks", name, admin_objects))
    assert response.status_code == 200, (name, response.status_code)
    assert WEBHOOK_SECRET not in response.content.decode()


# The team cases: A's child record is shared with A's team. Every route with an object id
# answers a member and a team lead of that team as it answers A (within what their role
# allows), and answers 404, or a redirect to sign in, to a member of another organisation,
# a former member (suspended, or moved to another organisation) and a member the SEND team
# has not approved. None of them can change anything of A's.

# Who, besides A, each route is for. Routes not named here are for the whole team.
ROUTE_AUDIENCE = {
    "children:sharing": "managers",  # the record's creator or a team lead
    "children:moved_on": "leads",
    "children:handover": "leads",
    "children:delete": "creator",  # only the professional who added the record
}
PERSONAL_NAMESPACES = {"inbox"}  # a message is its recipient's alone

ALLOWED = {
    "member": {"team"},
    "team_lead": {"team", "managers", "leads"},
}
PERSONAS = ["member", "team_lead", "other_organisation", "moved", "suspended", "unapproved"]


def audience(name, namespace):
    if namespace in PERSONAL_NAMESPACES:
        return "owner"
    return ROUTE_AUDIENCE.get(name, "team")


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(name="Riverside Academy", kind="school")


@pytest.fixture
def personas(make_professional, other_organisation, owner):
    moved = make_professional(full_name="Mo Moved", is_team_lead=True)
    people = {
        "member": make_professional(full_name="Mel Member"),
        "team_lead": make_professional(full_name="Tia Lead", is_team_lead=True),
        "other_organisation": make_professional(
            full_name="Olu Other", organisation=other_organisation, is_team_lead=True
        ),
        "moved": moved,
        "suspended": make_professional(full_name="Sue Suspended", status=User.Status.SUSPENDED),
        "unapproved": make_professional(
            full_name="Una Unapproved", status=User.Status.EMAIL_CONFIRMED
        ),
    }
    moved.organisation = other_organisation
    moved.save(update_fields=["organisation"])
    return people


@pytest.fixture
def shared(owned, owner):
    teams.set_sharing(owned["child"], True, owner)
    return owned


def test_only_a_member_and_a_team_lead_see_shared_records(personas, shared):
    child, draft = shared["child"], shared["draft"]
    for persona, user in personas.items():
        sees = persona in ALLOWED
        assert children_visible_to(user).filter(pk=child.pk).exists() == sees, persona
        assert submissions_visible_to(user).filter(pk=draft.pk).exists() == sees, persona
        if sees:
            assert get_draft_or_404(user, draft.pk) == draft


def test_a_moved_member_leaves_even_their_own_records_behind(personas, make_professional):
    leaver = make_professional(full_name="Lee Leaver")
    child = Child.objects.create(
        created_by=leaver,
        given_name="Kept",
        family_name="Behind",
        date_of_birth=datetime.date(2016, 1, 1),
    )
    assert children_visible_to(leaver).filter(pk=child.pk).exists()
    leaver.organisation = personas["other_organisation"].organisation
    leaver.save(update_fields=["organisation"])
    assert not children_visible_to(leaver).filter(pk=child.pk).exists()


@contextmanager
def undone():
    """What an allowed persona's POST changed (a hidden record, a handover) is undone, so
    every persona meets A's objects as the fixtures made them."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("name", "namespace", "arguments"), OBJECT_ROUTES, ids=[r[0] for r in OBJECT_ROUTES]
)
def test_team_cases_of_every_route(owner, sign_in, personas, shared, name, namespace, arguments):
    url = url_for(name, namespace, arguments, shared)
    owner_status = sign_in(Client(), owner).get(url).status_code
    assert owner_status in (200, 302, 405), (url, owner_status)
    for persona in PERSONAS:
        allowed = audience(name, namespace) in ALLOWED.get(persona, set())
        with undone():
            client = sign_in(Client(), personas[persona])
            answers_as_for(client, persona, allowed, url, owner_status, shared)


def answers_as_for(client, persona, allowed, url, owner_status, shared):
    """`persona` is answered as A is when the route is for them (`allowed`), and otherwise
    with 404 or a redirect to sign in, changing nothing of A's."""
    post_only = owner_status == 405
    if allowed:
        assert client.get(url).status_code == owner_status, (persona, url)
        if post_only:
            assert client.post(url, {"version": shared["draft"].version}).status_code != 404
        return

    before = snapshot(shared)
    got = client.get(url)
    posted = client.post(url, {"version": shared["draft"].version, "given_name": "Changed"})
    if persona in ("suspended", "unapproved"):
        # They cannot be signed in as a professional at all: every route sends them to sign in.
        sign_in_url = f"{reverse('two_factor:login')}?next="
        assert posted.status_code == 302 and posted.url.startswith(sign_in_url), (persona, url)
        assert got.status_code in (302, 405), (persona, url)
    else:
        assert got.status_code in (404, 405) if post_only else got.status_code == 404, (
            persona,
            url,
        )
        assert posted.status_code == 404, (persona, url)
    assert "Peregrine" not in got.content.decode() + posted.content.decode()
    assert snapshot(shared) == before, persona
