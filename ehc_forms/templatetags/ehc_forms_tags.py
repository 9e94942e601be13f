"""Template tags of the EHC forms pages."""

from django import template
from wagtail import hooks

register = template.Library()


@register.inclusion_tag("ehc_forms/includes/form_links.html", takes_context=True)
def form_links(context, form):
    """Links other areas offer beside a form's pages (such as its data guidance): each
    `register_ehc_form_links` hook takes the request and the form and returns a dict with
    `text` and `href`, or None."""
    request = context["request"]
    links = [build(request, form) for build in hooks.get_hooks("register_ehc_form_links")]
    return {"links": [link for link in links if link]}


# WeasyPrint lays a block out a line at a time against the rest of the block's text, and
# works out the style of every block it draws: a long answer in blocks of twenty lines takes
# half the time that a block per line does, and far less than one block for all of it.
PDF_LINES_PER_BLOCK = 20


@register.filter
def pdf_blocks(answer):
    """The answer's lines in blocks of PDF_LINES_PER_BLOCK, for a PDF that draws them with
    `white-space: pre-wrap`; an empty line holds a no-break space so it keeps its height at
    either end of a block."""
    lines = [line or "\N{NO-BREAK SPACE}" for line in answer.splitlines()] or ["\N{NO-BREAK SPACE}"]
    return [
        "\n".join(lines[start : start + PDF_LINES_PER_BLOCK])
        for start in range(0, len(lines), PDF_LINES_PER_BLOCK)
    ]
