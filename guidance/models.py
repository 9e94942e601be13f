"""Guidance pages that council editors keep up to date."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal_pages.pages.blocks import ContentStreamBlock


class GuidanceIndexPage(Page):
    """Lists the guidance pages below it."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["guidance.GuidancePage"]
    template = "guidance/guidance_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = self.get_children().live().public().specific()
        return context


class GuidancePage(Page):
    """One piece of guidance: a summary and a body of headings, paragraphs and inset text."""

    summary = models.CharField(max_length=250, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body")]
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []
    template = "guidance/guidance_page.html"
