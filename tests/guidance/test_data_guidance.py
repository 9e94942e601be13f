"""Data guidance generated from a form's live revision, and its Word template."""

import datetime
import io

from django.core.cache import cache
from django.urls import reverse
from docx import Document

from ehc_forms.demo import build_steps, f, memo, text
from ehc_forms.models import EHCFormPage, LookupList
from ehc_forms.saving import start_draft
from portal_pages.children.models import Child

NEW_STEPS = [
    (
        "Your view",
        "",
        [
            memo("family_view", "What the family would like to change", max_chars=1234),
            text("contact_name", "Who to contact", max_length=60, hint="A named person"),
            f("lookup", "need", "Main need", lookup="Primary need"),
        ],
    )
]


def republish(form, steps):
    form = EHCFormPage.objects.get(pk=form.pk)
    form.steps = build_steps(
        form.slug, steps, {lookup.name: lookup for lookup in LookupList.objects.all()}
    )
    return form.save_revision()


def test_the_page_has_a_table_per_step_with_every_question(client, data_guidance):
    form = data_guidance.form
    html = client.get(data_guidance.url).content.decode()

    for step in form.definition.steps:
        assert f". {step.title}</caption>" in html
    for row in form.definition.data_guidance():
        assert f"<code>{row['key']}</code>" in html
        assert row["question"] in html
    assert '<td class="govuk-table__cell">Memo</td>' in html
    assert '<td class="govuk-table__cell">Lookup</td>' in html


def test_the_table_gives_type_requirement_limit_values_and_hint(client, data_guidance):
    republish(data_guidance.form, NEW_STEPS).publish()
    lookup = LookupList.objects.get(name="Primary need")
    code, label = lookup.options.values_list("code", "label").first()

    html = client.get(data_guidance.url).content.decode()

    assert "What the family would like to change" in html
    assert '<td class="govuk-table__cell">1234</td>' in html
    assert '<td class="govuk-table__cell">60</td>' in html
    assert "A named person" in html
    assert f"{code} = {label}" in html
    assert '<td class="govuk-table__cell">Yes</td>' in html


def test_the_guidance_follows_the_live_revision_only(client, data_guidance):
    form = data_guidance.form
    first_question = form.definition.data_guidance()[0]["question"]
    revision = republish(form, NEW_STEPS)

    html = client.get(data_guidance.url).content.decode()
    assert first_question in html
    assert "What the family would like to change" not in html  # a draft is not the form yet

    revision.publish()
    html = client.get(data_guidance.url).content.decode()
    assert "What the family would like to change" in html
    assert first_question not in html


def test_the_word_template_holds_every_question_with_its_type_and_limit(client, data_guidance):
    form = data_guidance.form
    response = client.get(data_guidance.url + "word-template/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")
    assert "attachment;" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [step.title for step in form.definition.steps]
    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows[1:]  # after each table's header row
    ]
    guidance = form.definition.data_guidance()
    assert len(rows) == len(guidance)
    for (question, about, draft), row in zip(rows, guidance, strict=True):
        assert question.startswith(row["question"])
        assert f"Key: {row['key']}" in about
        assert f"Required: {row['required']}" in about
        assert row["description"] in about
        assert draft == ""
    memo_row = next(row for row in rows if "Type: Memo" in row[1])
    assert "Character limit: " in memo_row[1]


def test_the_word_template_is_made_once_per_published_revision(client, data_guidance):
    form = data_guidance.form
    first = client.get(data_guidance.url + "word-template/").content
    assert cache.get(f"guidance:word-template:{form.pk}:{form.live_revision_id}") == first

    republish(form, NEW_STEPS).publish()
    form.refresh_from_db()
    second = client.get(data_guidance.url + "word-template/").content

    assert second != first
    assert cache.get(f"guidance:word-template:{form.pk}:{form.live_revision_id}") == second
    cells = [cell.text for table in Document(io.BytesIO(second)).tables for cell in table._cells]
    assert any(cell.startswith("What the family would like to change") for cell in cells)
    assert any("Character limit: 1234" in cell for cell in cells)


def test_an_unpublished_form_has_no_guidance_or_template(client, data_guidance):
    data_guidance.form.unpublish()
    assert "This form is not published" in client.get(data_guidance.url).content.decode()
    assert client.get(data_guidance.url + "word-template/").status_code == 404


def test_the_form_start_page_and_each_step_link_to_the_data_guidance(
    professional_client, professional, data_guidance
):
    form = data_guidance.form
    child = Child.objects.create(
        created_by=professional,
        given_name="Alex",
        family_name="Taylor",
        date_of_birth=datetime.date(2016, 5, 14),
    )
    link = f'<a class="govuk-link" href="{data_guidance.url}">Data guidance for {form.title}</a>'

    start = professional_client.get(reverse("ehc_forms:start", args=[child.pk, form.pk]))
    assert link in start.content.decode()
    draft = start_draft(professional, child, form, {"full_name": professional.full_name})
    for step in form.definition.steps[:2]:
        html = professional_client.get(reverse("ehc_forms:step", args=[draft.pk, step.number]))
        assert link in html.content.decode()
