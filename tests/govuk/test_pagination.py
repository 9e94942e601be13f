"""GOV.UK pagination drawn for any list: the pages around the current one, links that keep
the list's other parameters, and nothing for a list of one page."""

import re

from django.core.paginator import Paginator
from django.test import RequestFactory

from portal_pages.govuk.pagination import pagination, query_with


def drawn(query, number, count=2000, label="Pages of children"):
    page = Paginator(range(count), 50).get_page(number)
    return str(pagination(RequestFactory().get("/list/" + query), page, label))


def test_pages_around_the_current_one_with_ellipses_between():
    html = drawn("?view=all&page=30", 30)

    labels = re.findall(r'aria-label="Page (\d+)"', html)
    assert labels == ["1", "2", "27", "28", "29", "30", "31", "32", "33", "39", "40"]
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert 'href="?page=30&amp;view=all" aria-label="Page 30" aria-current="page">30<' in html
    assert 'href="?page=29&amp;view=all" rel="prev"' in html
    assert 'href="?page=31&amp;view=all" rel="next"' in html


def test_first_and_last_pages_have_no_link_beyond_them():
    assert 'rel="prev"' not in drawn("", 1)
    assert 'rel="next"' not in drawn("", 40)


def test_label_and_parameters_are_escaped():
    html = drawn('?person=<b>"x"', 2, label='Pages of "x" & <y>')

    assert 'aria-label="Pages of &quot;x&quot; &amp; &lt;y&gt;"' in html
    assert "<b>" not in html
    assert 'href="?page=1&amp;person=%3Cb%3E%22x%22" rel="prev"' in html


def test_nothing_for_one_page_or_a_search_without_results():
    assert drawn("", 1, count=50) == ""
    assert str(pagination(RequestFactory().get("/"), [], "Search results pages")) == ""


def test_a_link_that_changes_the_list_goes_back_to_its_first_page():
    query = RequestFactory().get("/list/?sort=name&page=4&person=Ada").GET

    assert query_with(query, sort="dob", order="desc") == "?order=desc&person=Ada&sort=dob"
    assert query_with(query, page=5) == "?page=5&person=Ada&sort=name"
    assert query_with(query, person="") == "?sort=name"
