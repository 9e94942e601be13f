"""Demo site structure: the home page, portal settings and a guidance section."""

from wagtail.models import Page, Site

from guidance.models import GuidanceIndexPage, GuidancePage
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

GUIDANCE_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>Before you request an EHC needs assessment, gather the evidence of the "
            "support your setting has already given: the SEN support plan, at least two "
            "cycles of assess, plan, do and review, and the advice of any specialists.</p>"
        ),
    },
    {"type": "heading", "value": "What happens next"},
    {
        "type": "paragraph",
        "value": (
            "<p>The council decides whether to assess within 6 weeks of receiving the "
            "request. If it assesses, the whole process, to a final EHC plan, takes no more "
            "than 20 weeks.</p>"
        ),
    },
]


FOOTER_PAGES = {
    "accessibility_page": (
        "Accessibility statement",
        "accessibility",
        "<p>We want as many people as possible to be able to use this portal. You should be "
        "able to zoom in up to 400% without text spilling off the screen, navigate with a "
        "keyboard and speech recognition software, and listen to it with a screen reader. "
        "The portal is built on GOV.UK Frontend, which is tested with assistive "
        "technologies. Tell the SEND team about any problem you find.</p>",
        False,
    ),
    "privacy_page": (
        "Privacy notice",
        "privacy",
        "<p>The council processes the information in this portal to carry out its duties "
        "under the Children and Families Act 2014. Only you and the SEND team see the "
        "records you add. Emails from the portal never contain a child's name or details; "
        "you read them after signing in.</p>",
        False,
    ),
    "contact_page": (
        "Contact the SEND team",
        "contact",
        "<p>Contact the SEND team about a child's EHC process, your registration or a "
        "problem with the portal.</p>",
        True,
    ),
}


def load():
    """Create the page tree and settings once; leave anything that already exists alone."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Welcome to the Professional Portal", slug="portal-home")
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home.id:
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
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
    for setting_name, (title, slug, text, show_contact) in FOOTER_PAGES.items():
        if getattr(portal_settings, setting_name) is None:
            footer_page = StandardPage.objects.filter(slug=slug).first() or home.add_child(
                instance=StandardPage(
                    title=title,
                    slug=slug,
                    body=[{"type": "paragraph", "value": text}],
                    show_contact_details=show_contact,
                )
            )
            setattr(portal_settings, setting_name, footer_page)
    portal_settings.save()

    guidance_index = GuidanceIndexPage.objects.first()
    if guidance_index is None:
        guidance_index = home.add_child(
            instance=GuidanceIndexPage(
                title="Guidance",
                slug="guidance",
                intro="How to use the portal and what to expect from the EHC process.",
            )
        )
    if not GuidancePage.objects.exists():
        guidance_index.add_child(
            instance=GuidancePage(
                title="Requesting an EHC needs assessment",
                slug="requesting-an-assessment",
                summary="What to gather before you start, and the timescales that follow.",
                body=GUIDANCE_BODY,
            )
        )
    return []
