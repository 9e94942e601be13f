import re

from django import forms
from django.template import Context, Template

from portal_pages.children.forms import GovukDateField


class ExampleForm(forms.Form):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    born = GovukDateField("Date of birth")
    token = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("These answers do not go together")


def links(html):
    return re.findall(r'<a href="#([^"]*)">([^<]*)</a>', html)


def render(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


def test_each_error_of_a_form_links_to_the_input_it_belongs_to():
    form = ExampleForm(data={"born_day": "3"})
    assert not form.is_valid()

    assert links(render("{% error_summary form %}", form=form)) == [
        ("id_name", "These answers do not go together"),
        ("id_name", "This field is required."),
        ("id_name", "This field is required."),
        ("id_kind", "This field is required."),
        ("id_born_day", "Date of birth must include a month and year"),
    ]


def test_pairs_built_by_the_page_are_listed_as_given():
    html = render("{% error_summary items=pairs %}", pairs=[("meeting_date", "Enter the date")])
    assert links(html) == [("meeting_date", "Enter the date")]
    assert "There is a problem" in html


def test_nothing_is_drawn_without_errors():
    assert render("{% error_summary form %}", form=ExampleForm()).strip() == ""
    assert render("{% error_summary items=pairs %}", pairs=[]).strip() == ""
