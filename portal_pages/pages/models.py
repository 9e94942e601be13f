"""Page types and site settings for the portal's public face."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.cache import caches
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal_pages.pages.blocks import ContentStreamBlock
from portal_pages.pages.frame import kept_in_frame


class HomePage(Page):
    """The portal's front page: editable welcome text for professionals and visitors."""

    welcome = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("welcome")]
    api_fields = [APIField("welcome")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"

    def get_context(self, request, *args, **kwargs):
        """Each area registers a `register_portal_home_tile` hook returning a dict with
        `title`, `href`, `count` and `description`, so this page never needs to know the areas.
        The tiles are built only when the template asks for them: it shows them to signed-in
        professionals (the `signed_in_professional` context variable), so a visitor's page
        never counts anything."""
        context = super().get_context(request, *args, **kwargs)
        context["tiles"] = lambda: [
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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="council logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header beside the council name and on the first page of PDFs.",
    )
    logo_alt_text = models.CharField(
        "logo alternative text",
        max_length=200,
        blank=True,
        help_text="What the logo says, for people who cannot see it, e.g. 'Exampleshire County "
        "Council'. Leave empty when the council name beside it says the same.",
    )
    accessibility_page = footer_link("Accessibility statement")
    privacy_page = footer_link("Privacy notice")
    cookies_page = footer_link("Cookies page")
    contact_page = footer_link("Contact page")

    # Every page's header and footer read these; fetch them with the settings in one query.
    select_related = ["logo", "accessibility_page", "privacy_page", "cookies_page", "contact_page"]

    @classmethod
    def for_emails(cls):
        """The default site's settings, kept in the frame cache like a page's: emails are
        sent from the task queue, outside any request, and every email speaks for the
        default site."""

        def load():
            site = Site.objects.filter(is_default_site=True).first()
            return cls.for_site(site) if site else cls()

        return kept_in_frame("portal-settings-for-emails", load)

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
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], "Council logo"),
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
                FieldPanel("cookies_page"),
                FieldPanel("contact_page"),
            ],
            "Footer links",
        ),
    ]

    class Meta:
        verbose_name = "Portal settings"

    @classmethod
    def for_request(cls, request):
        """The settings every page's frame reads, kept in the frame cache with the footer
        links' URLs resolved, so a page view spends no query on them. They are kept under
        the address asked for, not its Site: finding the Site is a query (one Wagtail makes
        anyway for its pages, but the portal's own screens would make for this alone)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):

            def load():
                site = Site.find_for_request(request)
                instance = cls.for_site(site)
                instance.footer_links = [
                    (text, url)
                    for text, page in [
                        ("Accessibility statement", instance.accessibility_page),
                        ("Privacy", instance.privacy_page),
                        ("Cookies", instance.cookies_page),
                        ("Contact the SEND team", instance.contact_page),
                    ]
                    if page is not None and (url := page.get_url(current_site=site))
                ]
                return instance

            key = f"portal-settings-{request.get_host()}-{request.get_port()}"
            setattr(request, attr_name, kept_in_frame(key, load))
        return getattr(request, attr_name)


@receiver(post_save, sender=PortalSettings)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_frame(**kwargs):
    """A change to the settings, to any page the frame may link to, or to which site an
    address belongs to, shows at once."""
    caches["frame"].clear()
