"""Reference page types the portal's pages are measured against: a Wagtail page with no
portal frame, a `wagtail.contrib.forms` page (the peer of an EHC form step) and a plain
model for Wagtail's own snippet listing."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Page


class BarePage(Page):
    """A Wagtail page with rich text and a template of its own: page routing and rich text
    with none of the portal's frame (settings, navigation, footer)."""

    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    template = "bench/bare_page.html"


class PeerFormField(AbstractFormField):
    """One question of the peer form page."""

    page = ParentalKey("PeerFormPage", on_delete=models.CASCADE, related_name="form_fields")


class PeerFormPage(AbstractForm):
    """What Wagtail itself offers for a form: the peer of one EHC form step, given the same
    questions and drawn inside the portal's frame."""

    content_panels = AbstractForm.content_panels + [InlinePanel("form_fields")]
    template = "bench/peer_form_page.html"
    landing_page_template = "bench/peer_form_page_landing.html"


class BenchItem(models.Model):
    """A plain model listed as a snippet: Wagtail's own listing of 100 rows, the reference
    for the portal's admin listings."""

    name = models.CharField(max_length=200)
    email = models.EmailField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
