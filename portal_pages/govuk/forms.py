"""The base of every portal form: it renders through the GOV.UK layer."""

from django import forms

from portal_pages.govuk.renderers import GovukFormRenderer


class GovukFormMixin:
    """Draws the form's fields as GOV.UK form groups (`{{ form }}`, `field.as_field_group`)."""

    default_renderer = GovukFormRenderer


class GovukForm(GovukFormMixin, forms.Form):
    """A plain form drawn with GOV.UK markup."""


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    """A model form drawn with GOV.UK markup."""
