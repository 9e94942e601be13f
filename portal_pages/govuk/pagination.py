"""GOV.UK pagination for a list page, and the links that change one of its parameters.

Drawn here rather than by a template: a page of a long list links to a dozen pages, and
an included template building each link with a tag spent more of the page's time than its
table. Each link keeps the list's other query parameters."""

from django.utils.html import escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe


def query_with(query, **changes):
    """`query` (a request's GET) with some parameters changed, as a link's "?..."; any
    change but a page number goes back to the first page, because the list it paged
    through is a different one."""
    params = dict(query.items())  # the last value of each, as a link can carry only one
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.items())) if params else "?"


PREVIOUS = (
    '<div class="govuk-pagination__prev">'
    '<a class="govuk-link govuk-pagination__link" href="{}" rel="prev">'
    '<svg class="govuk-pagination__icon govuk-pagination__icon--prev" '
    'xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" '
    'focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 '
    "6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"
    '"></path></svg>'
    '<span class="govuk-pagination__link-title">Previous'
    '<span class="govuk-visually-hidden"> page</span></span></a></div>'
)
NEXT = (
    '<div class="govuk-pagination__next">'
    '<a class="govuk-link govuk-pagination__link" href="{}" rel="next">'
    '<span class="govuk-pagination__link-title">Next'
    '<span class="govuk-visually-hidden"> page</span></span>'
    '<svg class="govuk-pagination__icon govuk-pagination__icon--next" '
    'xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" '
    'focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 '
    "4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
    '"></path></svg></a></div>'
)
ELLIPSIS = '<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>'


def pagination(request, page, label):
    """The pagination of a Django `page` of a list, named `label` for screen readers, with
    its pages elided around the current one; nothing for a list of one page (or none)."""
    paginator = getattr(page, "paginator", None)  # a search without a query has no pages
    if paginator is None or paginator.num_pages < 2:
        return ""

    def link(number):
        return escape(query_with(request.GET, page=number))

    def item(number):
        # Page numbers are ints and links escaped: nothing else in an item needs escaping.
        # The paginator's ELLIPSIS is a lazy translation: comparing each number with it
        # translated it every time, most of the pagination's time.
        if not isinstance(number, int):
            return ELLIPSIS
        if number == page.number:
            return (
                '<li class="govuk-pagination__item govuk-pagination__item--current"><a '
                f'class="govuk-link govuk-pagination__link" href="{link(number)}" '
                f'aria-label="Page {number}" aria-current="page">{number}</a></li>'
            )
        return (
            '<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" '
            f'href="{link(number)}" aria-label="Page {number}">{number}</a></li>'
        )

    items = "".join(item(number) for number in paginator.get_elided_page_range(page.number))
    return format_html(
        '<nav class="govuk-pagination" aria-label="{}">{}<ul class="govuk-pagination__list">'
        "{}</ul>{}</nav>",
        label,
        mark_safe(PREVIOUS.format(link(page.previous_page_number())))  # noqa: S308 - escaped
        if page.has_previous()
        else "",
        mark_safe(items),  # noqa: S308 - see `item`
        mark_safe(NEXT.format(link(page.next_page_number())))  # noqa: S308 - escaped
        if page.has_next()
        else "",
    )
