"""Data-guidance tables and their Word template, built from a form's live definition.

Every line comes from `Definition.data_guidance()` and the field-type registry, so the
guidance can never say something the form does not do: republishing the form changes it."""

import io
from dataclasses import dataclass, field

from django.core.cache import cache
from docx import Document
from docx.shared import Pt

WORD_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Keyed by the revision, so an entry never goes stale; the limit only frees the space.
WORD_CACHE_SECONDS = 30 * 24 * 60 * 60


@dataclass
class GuidanceStep:
    """One step of a form with a row per question."""

    title: str
    rows: list = field(default_factory=list)


def guidance_steps(form):
    """The form's live definition as steps of rows: question, key, type, required, character
    limit, the type's description of the answer (format and allowed values) and hint."""
    definition = form.definition
    steps = {}
    for row in definition.data_guidance():
        spec_field = definition.fields_by_key[row["key"]]
        schema = spec_field.type.schema_fragment(spec_field.spec) or {}
        steps.setdefault(row["step"], GuidanceStep(row["step"])).rows.append(
            {
                **row,
                "type": spec_field.type.type_name,
                "limit": schema.get("maxLength"),
                "hint": spec_field.spec.get("hint") or "",
            }
        )
    return list(steps.values())


def word_template_cache_key(form):
    return f"guidance:word-template:{form.pk}:{form.live_revision_id}"


def word_template(form):
    """The .docx bytes of the form's Word template, made once per published revision."""
    key = word_template_cache_key(form)
    content = cache.get(key)
    if content is None:
        content = build_word_template(form.title, guidance_steps(form))
        cache.set(key, content, WORD_CACHE_SECONDS)
    return content


def build_word_template(title, steps):
    """A heading per step and a table row per question: what the answer must be, and an
    empty cell to draft it in (Word's word and character count then match the limit)."""
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(title, level=0)
    document.add_paragraph(
        "Draft your answers in the empty cells, check their length with Word's word count "
        "(Review, Word Count, Characters (with spaces)), then copy each into the portal."
    )
    for step in steps:
        document.add_heading(step.title, level=1)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, ["Question", "About the answer", "Your draft answer"], strict=True
        ):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for row in step.rows:
            cells = table.add_row().cells
            cells[0].text = row["question"]
            if row["hint"]:
                cells[0].add_paragraph(row["hint"]).runs[0].italic = True
            cells[1].text = f"Type: {row['type']}"
            if row["limit"]:
                cells[1].add_paragraph(f"Character limit: {row['limit']}")
            cells[1].add_paragraph(f"Required: {row['required']}")
            cells[1].add_paragraph(row["description"])
            cells[1].add_paragraph(f"Key: {row['key']}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
