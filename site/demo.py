"""Demo site structure: the home page, portal settings and the footer's pages."""

import io
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from portal_pages.pages.models import HomePage, PortalSettings, StandardPage

WELCOME = [
    {
        "type": "paragraph",
        "value": (
            "<p>Use this portal to work with the council's special educational needs and "
            "disabilities (SEND) team. You can request an education, health and care (EHC) "
            "needs assessment, contribute advice, complete annual reviews and follow where "
            "each child is in the EHC process.</p>"
        ),
    },
    {"type": "heading", "value": "Who can register"},
    {
        "type": "paragraph",
        "value": (
            "<p>The portal is for professionals: SENDCOs and staff in schools, colleges and "
            "early years settings, and health and social care practitioners. Register with "
            "your work email address. Personal email addresses such as Gmail or Hotmail are "
            "not accepted.</p><p>After you confirm your email address, the SEND team checks "
            "your registration. We will email you when your account is approved.</p>"
        ),
    },
    {"type": "heading", "value": "Signing in"},
    {
        "type": "paragraph",
        "value": (
            "<p>Each time you sign in we email you a 6-digit security code. The code works "
            "once and for 10 minutes. If it does not arrive within a few minutes, check your "
            "junk folder, then ask for a new code.</p>"
        ),
    },
    {
        "type": "inset",
        "value": (
            "<p>Use an up-to-date browser such as Edge, Chrome, Firefox or Safari. If your "
            "organisation uses a web proxy, you stay signed in when its address changes. "
            "You are signed out after 20 minutes without activity, and warned 2 minutes "
            "before: anything you have typed in a form is saved as you go.</p>"
        ),
    },
]


def section(title, *paragraphs):
    return [
        {"type": "heading", "value": title},
        {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)},
    ]


ACCESSIBILITY = [
    {
        "type": "paragraph",
        "value": "<p>This statement applies to the SEND Professional Portal. The council "
        "wants as many people as possible to be able to use it: you should be able to zoom "
        "in up to 400% without text spilling off the screen, get around it with a keyboard "
        "or speech recognition software, and listen to it with a screen reader.</p>",
    },
    *section(
        "Compliance status",
        "This website is partially compliant with the Web Content Accessibility Guidelines "
        "version 2.2 AA standard, due to the non-compliances listed below.",
    ),
    *section(
        "Non-accessible content",
        "Some documents the SEND team attaches to guidance, such as older PDF forms, may not "
        "be fully accessible to screen readers. We are replacing them with web pages.",
        "PDF copies of submitted forms are generated for records and may not be tagged for "
        "screen readers; the same answers can always be read in the portal.",
    ),
    *section(
        "Reporting accessibility problems with this website",
        "If you find a problem not listed on this page, or need information in a different "
        "format, contact the SEND team. We will reply within 10 working days.",
    ),
    {"type": "inset", "value": "<p>Use the contact details on the Contact the SEND team page.</p>"},
    *section(
        "Enforcement procedure",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
        "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
        "Regulations 2018 (the accessibility regulations). If you are not happy with how we "
        "respond to your complaint, contact the Equality Advisory and Support Service (EASS).",
    ),
    *section(
        "Preparation of this accessibility statement",
        "This statement was prepared on 1 December 2026. It was last reviewed on 1 December "
        "2026. The portal was last tested on 1 December 2026 by the council's digital team "
        "against the WCAG 2.2 AA standard.",
    ),
]

PRIVACY = [
    {
        "type": "inset",
        "value": "<p>This is a starting point for the council to complete with its data "
        "protection officer before the portal is used.</p>",
    },
    *section(
        "Who we are",
        "[Council name] is the data controller for the information in this portal. Our data "
        "protection officer is [name], [email address].",
    ),
    *section(
        "What information we collect",
        "About professionals: name, job title, organisation, work email address and "
        "telephone number, and records of signing in. About children and young people: the "
        "details professionals enter and the answers to the forms they submit.",
    ),
    *section(
        "Why we collect it and our lawful basis",
        "To carry out the council's duties under the Children and Families Act 2014 and the "
        "SEND Regulations 2014: [lawful basis under UK GDPR Article 6 and, for special "
        "category data, Article 9].",
    ),
    *section(
        "Who we share it with",
        "[The services the council shares information with, and why.] Emails from the "
        "portal never contain a child's name or details.",
    ),
    *section("How long we keep it", "[Retention periods for accounts, records and submissions.]"),
    *section(
        "Your rights",
        "You can ask to see the information we hold about you, and ask us to correct it. "
        "[How to make a request.] You can complain to the Information Commissioner's Office.",
    ),
]

COOKIES = [
    {
        "type": "paragraph",
        "value": "<p>Cookies are small files saved on your device. The portal uses only "
        "essential cookies, which it needs to work, so it does not ask for your consent. It "
        "uses no analytics or advertising cookies.</p>",
    },
    {
        "type": "paragraph",
        "value": "<ul>"
        "<li><b>sessionid</b>: keeps you signed in. Expires when you sign out, after 20 "
        "minutes without activity or 12 hours after you sign in.</li>"
        "<li><b>csrftoken</b>: stops other websites sending forms in your name. Expires "
        "after 1 year.</li>"
        "<li><b>portal_dismissed_notices</b>: remembers the information messages you have "
        "hidden. Expires when you close your browser.</li>"
        "</ul>",
    },
]

CONTACT_TEXT = [
    {
        "type": "paragraph",
        "value": "<p>Contact the SEND team about a child's EHC process, your registration or a "
        "problem with the portal.</p>",
    }
]

FOOTER_PAGES = {
    "accessibility_page": ("Accessibility statement", "accessibility", ACCESSIBILITY, False),
    "privacy_page": ("Privacy notice", "privacy", PRIVACY, False),
    "cookies_page": ("Cookies", "cookies", COOKIES, False),
    "contact_page": ("Contact the SEND team", "contact", CONTACT_TEXT, True),
}


def demo_logo():
    """A plain mark for the demo council: a white shield shape on the header's blue, drawn
    here so the demo needs no image file."""
    mark = PILImage.new("RGBA", (96, 96), (0, 0, 0, 0))
    draw = ImageDraw.Draw(mark)
    draw.polygon([(8, 8), (88, 8), (88, 52), (48, 90), (8, 52)], fill="white")
    draw.polygon([(22, 22), (74, 22), (74, 48), (48, 74), (22, 48)], fill="#1d70b8")
    buffer = io.BytesIO()
    mark.save(buffer, "PNG")
    return get_image_model().objects.create(
        title="Exampleshire County Council logo",
        file=ContentFile(buffer.getvalue(), name="exampleshire-logo.png"),
    )


def site_address():
    """The demo Site's host and port from SITE_URL, so links the API gives are real ones."""
    address = urlsplit(settings.SITE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


def load():
    """Create the page tree and settings once; leave anything that already exists alone."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Welcome to the Professional Portal", slug="portal-home")
        )
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = site_address()
    if site is None or (site.root_page_id, site.hostname, site.port) != (home.id, hostname, port):
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": hostname,
                "port": port,
                "root_page": home,
                "site_name": "SEND Professional Portal",
            },
        )
        site = Site.objects.get(is_default_site=True)
        # Wagtail's initial migration leaves a placeholder welcome page nobody needs.
        Page.objects.filter(depth=2).exclude(id=home.id).filter(content_type__model="page").delete()
    if not home.welcome:
        home.welcome = WELCOME
        home.save_revision().publish()

    portal_settings = PortalSettings.for_site(site)
    if not portal_settings.send_team_email:
        portal_settings.council_name = "Exampleshire County Council"
        portal_settings.send_team_email = "send.team@exampleshire.gov.uk"
        portal_settings.send_team_phone = "01632 960 001"
        portal_settings.contact_text = "Monday to Friday, 9am to 5pm, except bank holidays."
    if portal_settings.logo is None:
        portal_settings.logo = demo_logo()
        # The council name is written beside it, so the logo adds nothing to read aloud.
        portal_settings.logo_alt_text = ""
    for setting_name, (title, slug, body, show_contact) in FOOTER_PAGES.items():
        if getattr(portal_settings, setting_name) is None:
            footer_page = StandardPage.objects.filter(slug=slug).first() or home.add_child(
                instance=StandardPage(
                    title=title,
                    slug=slug,
                    body=body,
                    show_contact_details=show_contact,
                )
            )
            setattr(portal_settings, setting_name, footer_page)
    portal_settings.save()

    return []
