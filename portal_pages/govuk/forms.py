"""The base of every portal form: it renders through the GOV.UK layer."""

from django import forms
from django.forms.utils import pretty_name

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


def django_default_messages(field):
    """The messages Django gives `field` when its form sets none of its own."""
    defaults = {}
    for cls in reversed(type(field).__mro__):
        defaults.update(getattr(cls, "default_error_messages", {}))
    return defaults


def use_govuk_messages(field, label):
    """Give `field` messages written for its question the GOV.UK way ("Enter home postcode",
    "Home postcode must be 12 characters or fewer") wherever its form left Django's own
    ("This field is required.", "Ensure this value has at most 12 characters (it has 30).")."""
    question = str(label).replace("(optional)", "").strip()
    # Lowered inside a sentence, unless it starts an abbreviation ("NHS number").
    words = question if question[1:2].isupper() else question[:1].lower() + question[1:]
    choose = isinstance(field, (forms.ChoiceField, forms.BooleanField))
    written = {
        "required": f"Select {words}" if choose else f"Enter {words}",
        "invalid": f"Enter a real {words}",
        # An error message that starts "Select", not SQL.
        "invalid_choice": f"Select {words} from the list",  # noqa: S608
        "max_length": f"{question} must be %(limit_value)d characters or fewer",
        "min_length": f"{question} must be %(limit_value)d characters or more",
        "max_value": f"{question} must be %(limit_value)s or less",
        "min_value": f"{question} must be %(limit_value)s or more",
    }
    defaults = django_default_messages(field)
    for code, message in written.items():
        if field.error_messages.get(code, defaults.get(code)) == defaults.get(code):
            field.error_messages[code] = message


class GovukFormMixin:
    """Draws the form's fields as GOV.UK form groups (`{{ form }}`, `field.as_field_group`),
    with GOV.UK widgets for any field declared with one of Django's, and GOV.UK messages for
    any error the form leaves Django to word."""

    default_renderer = GovukFormRenderer
    # Pages check answers on the server and say what is wrong the GOV.UK way.
    use_required_attribute = False

    def order_fields(self, field_order):
        # Called by every form's __init__ once its fields are copied. Overriding __init__
        # instead would hide the form's own signature, which django-two-factor-auth reads
        # to decide what to pass it.
        super().order_fields(field_order)
        for name, field in self.fields.items():
            field.widget = govuk_widget(field.widget)
            use_govuk_messages(field, field.label or pretty_name(name))


class GovukForm(GovukFormMixin, forms.Form):
    """A plain form drawn with GOV.UK markup."""


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    """A model form drawn with GOV.UK markup."""
