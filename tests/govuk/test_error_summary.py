import re

from django import forms
from django.template import Context, Template

from portal_pages.govuk import widgets as govuk
from portal_pages.govuk.fields import DateField
from portal_pages.govuk.forms import GovukForm


class ExampleForm(GovukForm):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=govuk.Radios)
    born = DateField(name="Date of birth")
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("These answers do not go together")


def links(html):
    return re.findall(r'<a href="#([^"]*)">([^<]*)</a>', html)


def render(source, **context):
    return Template("{% load govuk %}" + source).render(Context(context))


def test_each_error_of_a_form_links_to_the_input_it_belongs_to():
    form = ExampleForm(data={"born-day": "3"})
    assert not form.is_valid()

    assert links(render("{% error_summary form %}", form=form)) == [
        ("id_name", "These answers do not go together"),
        ("id_name", "Enter token"),
        ("id_name", "Enter name"),
        ("id_kind", "Select kind"),
        ("id_born", "Date of birth must include a month and year"),
    ]


def test_pairs_built_by_the_page_are_listed_as_given():
    html = render("{% error_summary items=pairs %}", pairs=[("meeting_date", "Enter the date")])
    assert links(html) == [("meeting_date", "Enter the date")]
    assert "There is a problem" in html


def test_nothing_is_drawn_without_errors():
    assert render("{% error_summary form %}", form=ExampleForm()).strip() == ""
    assert render("{% error_summary items=pairs %}", pairs=[]).strip() == ""


def test_every_summary_link_reaches_an_input_the_renderer_draws():
    form = ExampleForm(data={"born-day": "3"})
    form.is_valid()
    html = render("{{ form }}", form=form)
    for anchor, _ in links(render("{% error_summary form %}", form=form)):
        assert f'id="{anchor}"' in html
    # The date's boxes are a group, described by the hint and the error message.
    assert 'role="group" aria-describedby="id_born-error"' in html
    assert 'name="born-day"' in html and 'value="3"' in html
