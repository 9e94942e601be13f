"""The form renderer that makes `{{ form }}` and `{{ form.field.as_field_group }}` draw GOV.UK
Frontend markup: a form group with a label or legend, hint, error message and the widget."""

from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


class GovukBoundField(BoundField):
    """A bound field that ties its control to its hint and error message (aria-describedby)
    with the ids GOV.UK Frontend uses, and marks the control in error."""

    @property
    def hint_id(self):
        return f"{self.auto_id}-hint"

    @property
    def error_id(self):
        return f"{self.auto_id}-error"

    @property
    def described_by(self):
        ids = [self.hint_id] if self.help_text else []
        ids += [self.error_id] if self.errors else []
        widget = self.field.widget
        ids += [
            f"{self.auto_id}{suffix}" for suffix in getattr(widget, "described_by_suffixes", ())
        ]
        return " ".join(ids)

    @property
    def form_group_attrs(self):
        """The form group's attributes: the widget's (a character count's data module) and
        any the field was given (the rule that shows it only after an answer)."""
        return {
            **getattr(self.field.widget, "form_group_attrs", {}),
            **getattr(self.field, "form_group_attrs", {}),
        }

    @property
    def use_fieldset(self):
        return getattr(self.field.widget, "use_fieldset", False)

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        # A fieldset carries the description for the group of controls inside it.
        attrs.pop("aria-describedby", None)
        if not self.use_fieldset and self.described_by:
            attrs["aria-describedby"] = self.described_by
        error_class = getattr(widget, "error_class", "")
        if self.errors and error_class:
            attrs["class"] = " ".join(filter(None, [widget.attrs.get("class"), error_class]))
        return attrs


class GovukFormRenderer(TemplatesSetting):
    """Renders forms, fields and widgets with the project's templates, so the GOV.UK layer's
    `govuk/form.html` and `govuk/field.html` draw every field."""

    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"
    bound_field_class = GovukBoundField
