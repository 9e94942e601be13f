"""Guidance pages that council editors keep up to date, and data guidance generated from
each EHC form's live definition."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from guidance.blocks import GuidanceStreamBlock
from guidance.data_guidance import WORD_CONTENT_TYPE, guidance_steps, word_template

SEARCH_RESULTS_PER_PAGE = 20
# GOV.UK's contents list is for pages long enough to need one.
CONTENTS_LIST_MIN_HEADINGS = 3


class GuidanceIndexPage(RoutablePageMixin, Page):
    """Lists the guidance below it with summaries and "last updated" dates, and searches it
    (`search/?q=`)."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    subpage_types = ["guidance.GuidancePage", "guidance.DataGuidancePage"]
    template = "guidance/guidance_index_page.html"

    def guidance_pages(self):
        return self.get_children().live().public().specific().order_by("title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = self.guidance_pages()
        return context

    @path("search/", name="search")
    def search(self, request):
        """GOV.UK's search pattern: the query in a box, the number of results, then each
        result's title and summary, 20 a page."""
        query = request.GET.get("q", "").strip()[:200]
        results = []
        if query:
            found = Page.objects.live().public().descendant_of(self).search(query)
            results = Paginator(found, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        return TemplateResponse(
            request,
            "guidance/search_results.html",
            {
                **self.get_context(request),
                "query": query,
                "results": results,
                "result_pages": [page.specific for page in results],
            },
        )


class GuidancePage(Page):
    """One piece of guidance: a summary and a body of headings, paragraphs, warnings,
    numbered steps, expandable details, images, documents and contact details."""

    summary = models.CharField(
        max_length=250, blank=True, help_text="One sentence shown in the guidance list."
    )
    body = StreamField(GuidanceStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    api_fields = [APIField("summary"), APIField("body"), APIField("last_published_at")]
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []
    template = "guidance/guidance_page.html"

    @cached_property
    def contents(self):
        """(anchor, heading) for the contents list, when there are enough headings."""
        headings = [
            (slugify(block.value), block.value)
            for block in self.body
            if block.block_type == "heading"
        ]
        return headings if len(headings) >= CONTENTS_LIST_MIN_HEADINGS else []


class DataGuidancePage(RoutablePageMixin, Page):
    """What each answer of an EHC form must be, generated from the form's live revision:
    a table per step and a Word template to draft answers in (`word-template/`)."""

    form = models.ForeignKey(
        "ehc_forms.EHCFormPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The tables follow the form's published version, and change when it is "
        "published again.",
    )
    summary = models.CharField(
        max_length=250, blank=True, help_text="One sentence shown in the guidance list."
    )
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("form"),
        FieldPanel("summary"),
        FieldPanel("intro"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("intro")]
    api_fields = [
        APIField("summary"),
        APIField("intro"),
        APIField("form_id"),
        APIField("tables"),
        APIField("last_published_at"),
    ]
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []
    template = "guidance/data_guidance_page.html"

    class Meta:
        verbose_name = "data guidance page"

    @cached_property
    def live_form(self):
        """The chosen form if it is published: a form nobody can fill in has no guidance."""
        return self.form if self.form is not None and self.form.live else None

    @cached_property
    def steps(self):
        return guidance_steps(self.live_form) if self.live_form else []

    @property
    def tables(self):
        """The steps and rows as plain data, for the API."""
        return [
            {
                "step": step.title,
                "rows": [
                    {
                        "question": row["question"],
                        "key": row["key"],
                        "type": row["type"],
                        "required": row["required"],
                        "character_limit": row["limit"],
                        "description": row["description"],
                        "hint": row["hint"],
                    }
                    for row in step.rows
                ],
            }
            for step in self.steps
        ]

    @path("word-template/", name="word_template")
    def word_template_view(self, request):
        if self.live_form is None:
            raise Http404("The form of this guidance is not published.")
        response = HttpResponse(word_template(self.live_form), content_type=WORD_CONTENT_TYPE)
        response["Content-Disposition"] = (
            f'attachment; filename="{slugify(self.live_form.title)}-word-template.docx"'
        )
        return response
