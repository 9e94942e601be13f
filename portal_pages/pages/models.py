"""Page types and site settings for the portal's public face."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.db import models
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site

from portal_pages.accounts.access import is_signed_in_professional
from portal_pages.pages.blocks import ContentStreamBlock


class HomePage(Page):
    """The portal's front page: editable welcome text for professionals and visitors."""

    welcome = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    api_fields = [APIField("welcome")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    def get_context(self, request, *args, **kwargs):
        """A signed-in professional sees a tile per area (Messages, SEND, ...): each area
        registers a `register_portal_home_tile` hook returning a dict with `title`, `href`,
        `count` and `description`, so this page never needs to know the areas."""
        context = super().get_context(request, *args, **kwargs)
        if is_signed_in_professional(request.user):
            context["tiles"] = [
                build_tile(request) for build_tile in hooks.get_hooks("register_portal_home_tile")
            ]
        return context


class StandardPage(Page):
    """A plain page of words, such as the accessibility statement, privacy notice or contact
    page that the footer links to."""

    body = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)
    show_contact_details = models.BooleanField(
        default=False, help_text="Show the SEND team's contact details from the portal settings."
    )

    content_panels = Page.content_panels + [FieldPanel("body"), FieldPanel("show_contact_details")]
    api_fields = [APIField("body")]
    template = "pages/standard_page.html"


def footer_link(verbose_name):
    """A page the footer links to; editors choose it so renaming a page never breaks it."""
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Names and contact details that appear across the portal, editable per site."""

    council_name = models.CharField(max_length=120, default="Example Council")
    service_name = models.CharField(max_length=120, default="SEND Professional Portal")
    send_team_email = models.EmailField("SEND team email", blank=True)
    send_team_phone = models.CharField("SEND team phone", max_length=32, blank=True)
    contact_text = models.TextField(
        blank=True,
        help_text="Opening hours or other words shown with the contact details.",
    )
    accessibility_page = footer_link("Accessibility statement")
    privacy_page = footer_link("Privacy notice")
    contact_page = footer_link("Contact page")

    # Every page's footer reads these; fetch them with the settings in one query.
    select_related = ["accessibility_page", "privacy_page", "contact_page"]

    @classmethod
    def for_emails(cls):
        """The default site's settings: emails are sent from the task queue, outside any
        request, and every email speaks for the default site."""
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()

    def email_context(self):
        """The names and SEND team contact details every email template may use."""
        return {
            "service_name": self.service_name,
            "council_name": self.council_name,
            "send_team_email": self.send_team_email,
            "send_team_phone": self.send_team_phone,
        }

    @property
    def from_email(self):
        """DEFAULT_FROM_EMAIL's address, under the service's name as the council set it."""
        return formataddr((self.service_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))

    panels = [
        MultiFieldPanel([FieldPanel("council_name"), FieldPanel("service_name")], "Names"),
        MultiFieldPanel(
            [
                FieldPanel("send_team_email"),
                FieldPanel("send_team_phone"),
                FieldPanel("contact_text"),
            ],
            "SEND team contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
            ],
            "Footer links",
        ),
    ]

    class Meta:
        verbose_name = "Portal settings"
