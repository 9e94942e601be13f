"""Django widgets that draw GOV.UK Frontend components.

Each widget draws only its control; the form group around it (label or legend, hint, error
message) comes from the renderer's field template, `govuk/field.html`. A widget says how it
is marked in error (`error_class`) and may add to its form group (`form_group_class`,
`form_group_attrs`, as the character count needs)."""

from django import forms

from portal_pages.govuk.dates import DATE_PARTS, PARTS, split_date


class GovukWidgetMixin:
    error_class = ""
    form_group_class = ""
    # Asked of every widget by the field template (a name Django's templates cannot find
    # costs a dir() of the widget on each field).
    single_checkbox = False
    is_date_input = False
    # ids, after the field's own, of other elements that describe the control
    described_by_suffixes = ()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # GOV.UK asks for no maxlength: the browser would cut a long paste short without a
        # word, where the server's check says what is too long and keeps what was typed.
        context["widget"]["attrs"].pop("maxlength", None)
        # Each template writes its component's class followed by the widget's own, if any:
        # an empty one is cheaper to look up in the template than one that is missing.
        context["widget"]["attrs"].setdefault("class", "")
        return context

    @property
    def form_group_attrs(self):
        return getattr(self, "_form_group_attrs", {})

    @form_group_attrs.setter
    def form_group_attrs(self, attrs):
        self._form_group_attrs = attrs


class TextInput(GovukWidgetMixin, forms.TextInput):
    template_name = "govuk/widgets/input.html"
    error_class = "govuk-input--error"


class EmailInput(GovukWidgetMixin, forms.EmailInput):
    template_name = "govuk/widgets/input.html"
    error_class = "govuk-input--error"


class PasswordInput(GovukWidgetMixin, forms.PasswordInput):
    template_name = "govuk/widgets/input.html"
    error_class = "govuk-input--error"


class Textarea(GovukWidgetMixin, forms.Textarea):
    """A textarea whose line breaks count as one character each, as people and Word count
    them: browsers send them as \\r\\n, so they are normalised before anything counts them."""

    template_name = "govuk/widgets/textarea.html"
    error_class = "govuk-textarea--error"

    def __init__(self, attrs=None):
        super().__init__({"rows": 8, **(attrs or {})})
        # GOV.UK's textarea takes the column's width; Django's default columns would not.
        self.attrs.pop("cols", None)

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value


class CharacterCountTextarea(Textarea):
    """GOV.UK's character count: a textarea that tells the user how many characters remain."""

    template_name = "govuk/widgets/character_count.html"
    form_group_class = "govuk-character-count"
    described_by_suffixes = ("-info",)

    def __init__(self, max_chars, attrs=None):
        super().__init__({"class": "govuk-js-character-count", **(attrs or {})})
        self.max_chars = max_chars
        self.form_group_attrs = {
            "data-module": "govuk-character-count",
            "data-maxlength": str(max_chars),
        }

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["max_chars"] = f"{self.max_chars:,}"
        return context


class FlatOptionsMixin:
    """GOV.UK's selects, radios and checkboxes list their options without groups: the
    template loops once over `widget.options` rather than over Django's groups of one."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["options"] = [
            option for _, options, _ in context["widget"]["optgroups"] for option in options
        ]
        return context


class ChoiceIdsMixin:
    """The first option carries the field's own id, so a label or an error summary link
    reaches it; the others are numbered from 2 as GOV.UK Frontend numbers them."""

    def id_for_label(self, id_, index=None):
        if not id_ or index in (None, "0"):
            return id_
        return f"{id_}-{int(index) + 1}"


class Radios(GovukWidgetMixin, FlatOptionsMixin, ChoiceIdsMixin, forms.RadioSelect):
    template_name = "govuk/widgets/radios.html"

    def __init__(self, attrs=None, choices=(), inline=False):
        super().__init__(attrs, choices)
        self.inline = inline

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(kind="radios", inline=self.inline)
        return context


class Checkboxes(GovukWidgetMixin, FlatOptionsMixin, ChoiceIdsMixin, forms.CheckboxSelectMultiple):
    template_name = "govuk/widgets/radios.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(kind="checkboxes", inline=False)
        return context


class Checkbox(GovukWidgetMixin, forms.CheckboxInput):
    """A single box the user ticks to agree to something; its label is the field's label."""

    template_name = "govuk/widgets/checkbox.html"
    use_fieldset = True
    single_checkbox = True


class Select(GovukWidgetMixin, FlatOptionsMixin, forms.Select):
    template_name = "govuk/widgets/select.html"
    error_class = "govuk-select--error"


class FileInput(GovukWidgetMixin, forms.ClearableFileInput):
    template_name = "govuk/widgets/file_upload.html"
    error_class = "govuk-file-upload--error"


class DateInput(GovukWidgetMixin, forms.Widget):
    """GOV.UK's date input: day, month and year boxes named `<name>-day`, `-month`, `-year`.

    Its value is a dict of the three parts exactly as typed, so a page drawn again after an
    error shows what was typed, not a cleaned guess; a saved date splits into the same dict.
    The first box carries the field's own id, so the label and error summary links reach it.
    """

    template_name = "govuk/widgets/date.html"
    error_class = "govuk-input--error"
    use_fieldset = True
    is_date_input = True
    parts = PARTS

    def value_from_datadict(self, data, files, name):
        return {part: data.get(f"{name}-{part}", "") for part in self.parts}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}-{part}" in data for part in self.parts)

    def id_for_label(self, id_):
        return id_

    def boxes(self, name, id_, value):
        """Each box's label, name, id, value and width."""
        typed = split_date(value)
        return [
            {
                "label": label,
                "name": f"{name}-{part}",
                "id": id_ if part == self.parts[0] else f"{id_}-{part}",
                "value": typed[part],
                "width": width,
            }
            for part, label, width in DATE_PARTS
        ]

    def format_value(self, value):
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["boxes"] = self.boxes(name, context["widget"]["attrs"].get("id"), value)
        return context
