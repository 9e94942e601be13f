"""The base of every portal form: it renders through the GOV.UK layer."""

from django import forms

from portal_pages.govuk import widgets
from portal_pages.govuk.renderers import GovukFormRenderer

#: The GOV.UK widget that draws each of Django's own, for fields a form inherits (Django's
#: password forms, django-otp's code field) rather than declares.
GOVUK_WIDGETS = {
    forms.TextInput: widgets.TextInput,
    forms.NumberInput: widgets.TextInput,
    forms.EmailInput: widgets.EmailInput,
    forms.PasswordInput: widgets.PasswordInput,
    forms.Textarea: widgets.Textarea,
    forms.RadioSelect: widgets.Radios,
    forms.CheckboxSelectMultiple: widgets.Checkboxes,
    forms.CheckboxInput: widgets.Checkbox,
    forms.Select: widgets.Select,
    forms.ClearableFileInput: widgets.FileInput,
    forms.FileInput: widgets.FileInput,
}


def govuk_widget(widget):
    """The GOV.UK widget for a Django widget, with the same attributes and choices."""
    govuk_class = GOVUK_WIDGETS.get(type(widget))
    if govuk_class is None:
        return widget
    attrs = dict(widget.attrs)
    # GOV.UK advises against autofocus: it moves screen reader users past the page's start.
    attrs.pop("autofocus", None)
    if isinstance(widget, forms.NumberInput):
        # GOV.UK asks for numbers in a text box: type=number changes what people type.
        attrs.setdefault("inputmode", "numeric")
    govuk = govuk_class(attrs=attrs)
    if hasattr(widget, "choices"):
        govuk.choices = widget.choices
    return govuk


def use_govuk(form):
    """Draw a form another package defines (django-two-factor-auth's) with GOV.UK markup."""
    form.renderer = GovukFormRenderer()
    form.use_required_attribute = False
    for field in form.fields.values():
        field.widget = govuk_widget(field.widget)
    return form


class GovukFormMixin:
    """Draws the form's fields as GOV.UK form groups (`{{ form }}`, `field.as_field_group`),
    with GOV.UK widgets for any field declared with one of Django's."""

    default_renderer = GovukFormRenderer
    # Pages check answers on the server and say what is wrong the GOV.UK way.
    use_required_attribute = False

    def order_fields(self, field_order):
        # Called by every form's __init__ once its fields are copied. Overriding __init__
        # instead would hide the form's own signature, which django-two-factor-auth reads
        # to decide what to pass it.
        super().order_fields(field_order)
        for field in self.fields.values():
            field.widget = govuk_widget(field.widget)


class GovukForm(GovukFormMixin, forms.Form):
    """A plain form drawn with GOV.UK markup."""


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    """A model form drawn with GOV.UK markup."""
