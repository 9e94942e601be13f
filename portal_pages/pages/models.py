"""Page types and site settings for the portal's public face."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from portal_pages.pages.blocks import ContentStreamBlock


class HomePage(Page):
    """The portal's front page: editable welcome text for professionals and visitors."""

    welcome = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    api_fields = [APIField("welcome")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"


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
    ]

    class Meta:
        verbose_name = "Portal settings"
