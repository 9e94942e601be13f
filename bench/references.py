"""The references every portal page is measured against, in the same run: a hello-world
view, a bare Wagtail page, the portal's plain StandardPage with the same ~2 KB of rich text,
the `wagtail.contrib.forms` peer of a thirty-question step, and Wagtail's own snippet
listing of 100 rows of a plain model."""

from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.rich_text import RichText

from bench.models import BarePage, BenchItem, PeerFormField, PeerFormPage
from ehc_forms.bench import THIRTY_QUESTIONS, thirty_answers
from ehc_forms.demo import DEMO_PROFESSIONAL, LOOKUPS
from portal_pages.accounts.bench import send_officer
from portal_pages.accounts.models import User
from portal_pages.accounts.testing import sign_in_verified
from portal_pages.pages.models import StandardPage

PARAGRAPH = (
    "<p>The local offer sets out the support available for children and young people with "
    "special educational needs and disabilities, from early years to the age of 25. "
    "<b>Schools</b> must use their best endeavours to meet a child's needs, and the SEND team "
    'can <a href="https://www.gov.uk/children-with-special-educational-needs">advise</a> '
    "when a request for an assessment is the right next step for the family.</p>"
)
RICH_TEXT = PARAGRAPH * 5  # about 2 KB
PEER_KINDS = {"short_text": "singleline", "memo": "multiline", "lookup": "dropdown"}
SNIPPET_ROWS = 100


def add_page(page_class, slug, **fields):
    page = page_class.objects.filter(slug=slug).first()
    if page is None:
        home = Site.objects.get(is_default_site=True).root_page
        page = home.add_child(instance=page_class(slug=slug, live=False, **fields))
        page.save_revision().publish()
    return page


def peer_field(kind, label, choices):
    if kind == "date":
        return PeerFormField(label=label, field_type="date", required=True)
    return PeerFormField(
        label=label,
        field_type=PEER_KINDS[kind],
        required=True,
        choices="\n".join(choices) if kind == "lookup" else "",
    )


def peer_form_page():
    """The thirty questions of the portal's bench step, as Wagtail's form builder asks them."""
    choices = [label for _, label in LOOKUPS["Primary need"]]
    page = PeerFormPage.objects.filter(slug="bench-peer-form").first()
    if page is None:
        page = PeerFormPage(title="Bench peer form", slug="bench-peer-form", live=False)
        page.form_fields = [peer_field(kind, label, choices) for kind, _, label in THIRTY_QUESTIONS]
        home = Site.objects.get(is_default_site=True).root_page
        page = home.add_child(instance=page)
        page.save_revision().publish()
    return page


def peer_post(page):
    """The same answers the portal's step saves, under the peer form's field names."""
    choice = LOOKUPS["Primary need"][0][1]
    answers = thirty_answers(choice)
    # Matched by label: the form builder's fields carry no order of their own to rely on.
    questions = {label: (kind, key) for kind, key, label in THIRTY_QUESTIONS}
    data = {}
    for field in page.form_fields.all():
        kind, key = questions[field.label]
        answer = answers[key]
        if kind == "date":
            answer = f"{answer['year']}-{int(answer['month']):02d}-{int(answer['day']):02d}"
        data[field.clean_name] = answer
    return lambda: data


def pages():
    """The reference rows, keyed so the portal's rows can give their ratio to them."""
    # The same rich text on both: one paragraph block here, the one rich text field there.
    body = [("paragraph", RichText(RICH_TEXT))]
    standard = add_page(StandardPage, "bench-plain", title="Bench plain page", body=body)
    bare = add_page(BarePage, "bench-bare", title="Bench plain page", body=RICH_TEXT)
    peer = peer_form_page()
    BenchItem.objects.bulk_create(
        BenchItem(name=f"Item {n:03d}", email=f"item{n}@example.org")
        for n in range(SNIPPET_ROWS - BenchItem.objects.count())
    )
    professional = User.objects.get(email=DEMO_PROFESSIONAL)
    officer = send_officer()
    # The SEND officer who reads the Registrations listing reads this one too.
    officer.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="bench", codename__endswith="benchitem")
    )
    signed_in = sign_in_verified(Client(), professional)
    return [
        ("hello-world view", Client(), reverse("bench_hello"), {"key": "hello"}),
        ("bare Wagtail page", Client(), bare.url, {"key": "bare", "queries": 6}),
        (
            "portal plain page (StandardPage)",
            Client(),
            standard.url,
            {"key": "plain", "versus": "bare", "queries": 6},
        ),
        ("peer FormPage, 30 fields, GET", signed_in, peer.url, {"key": "peer GET"}),
        (
            "peer FormPage, 30 fields, POST",
            signed_in,
            peer.url,
            {"key": "peer POST", "post": peer_post(peer)},
        ),
        (
            f"Wagtail snippet listing, {SNIPPET_ROWS} rows",
            sign_in_verified(Client(), officer),
            reverse("wagtailsnippets_bench_benchitem:list"),
            {"key": "snippets"},
        ),
    ]
