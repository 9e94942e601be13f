"""The PDF of a sent version: every character of every answer, page numbers, and a download
only its author can make."""

import io
import re

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from ehc_forms.demo import complete_steps, memo, text
from ehc_forms.saving import start_draft
from ehc_forms.submitting import start_edit, submit
from ehc_forms.templatetags.ehc_forms_tags import pdf_blocks


def sent(form, author, child, answers):
    draft = complete_steps(start_draft(author, child, form, {}), author, answers)
    return submit(draft.pk, author, draft.version, form.declaration_texts)


def pdf_text(response, submission):
    """Each page's text, and all the pages' text without the running header and footer and
    without whitespace (where a line wraps depends on the font, not on the answer)."""
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    pages = [page.extract_text() for page in reader.pages]
    header = "Exampleshire County Council · SEND Professional Portal"
    body = [
        re.sub(
            r"Page \d+ of \d+", "", page.replace(header, "").replace(submission.reference_label, "")
        )
        for page in pages
    ]
    return pages, "".join(re.sub(r"\s+", "", page) for page in body)


def long_answer():
    """About 200,000 characters of varied words, line breaks and non-Latin letters."""
    line = "Zoë moved from Łódź; ŵ is a Welsh letter. Lunchtimes are hard, {n}.\n"
    text_ = "".join(line.format(n=number) for number in range(3000))
    ending = "Diolch yn fawr ŵŷ\n" * 60
    return (text_[:199_000] + "\n" + ending)[:199_999] + "ŵ"


@pytest.fixture
def long_form(make_form):
    return make_form(
        [("Views", "", [memo("views", "Views", max_chars=200_000), text("name", "Name")])],
        slug="long",
        title="Long form",
    )


def test_a_200000_character_answer_is_printed_in_full(
    professional_client, professional, child, long_form
):
    answer = long_answer()
    assert len(answer) == 200_000
    submission = sent(long_form, professional, child, {"views": answer, "name": "Łódź"})
    response = professional_client.get(reverse("ehc_forms:pdf", args=[submission.pk]))
    assert response["Content-Disposition"] == (
        f'attachment; filename="{submission.reference}-v1.pdf"'
    )
    pages, flat = pdf_text(response, submission)
    assert re.sub(r"\s+", "", answer) in flat
    assert len(pages) > 20
    assert f"Page 3 of {len(pages)}" in pages[2]
    first = re.sub(r"\s+", "", pages[0])
    assert "ExampleshireCountyCouncil" in first and "Longform" in first
    assert "AdaLovelace" in first and "1May2016" in first
    assert submission.reference in first
    last = re.sub(r"\s+", "", pages[-1])
    assert "Ticked:TheinformationIhavegivenisaccurate" in last
    assert "Submittedby" in last


def test_a_form_with_more_than_100_answers_prints_each(
    professional_client, professional, child, make_form
):
    keys = [f"answer_{number}" for number in range(120)]
    steps = [
        (
            f"Step {start // 20 + 1}",
            "",
            [text(key, f"Question {key}") for key in keys[start : start + 20]],
        )
        for start in range(0, 120, 20)
    ]
    form = make_form(steps, slug="wide", title="Wide form")
    submission = sent(form, professional, child, {key: f"Reply {key} ŵ" for key in keys})
    _pages, flat = pdf_text(
        professional_client.get(reverse("ehc_forms:pdf", args=[submission.pk])), submission
    )
    for key in keys:
        assert f"Question{key}" in flat and f"Reply{key}ŵ" in flat
    for number in range(1, 7):
        assert f"Step{number}" in flat


def test_every_version_prints_and_only_for_its_author(
    professional_client, professional, child, long_form, make_professional, sign_in
):
    first = sent(long_form, professional, child, {"views": "First words", "name": "A"})
    draft = start_edit(first, professional, "Corrected")
    second = complete_steps(draft, professional, {"views": "Second words", "name": "A"})
    second = submit(second.pk, professional, second.version, long_form.declaration_texts)
    _pages, flat = pdf_text(
        professional_client.get(reverse("ehc_forms:pdf", args=[first.pk])), first
    )
    assert "Firstwords" in flat and "Secondwords" not in flat
    response = professional_client.get(reverse("ehc_forms:pdf", args=[second.pk]))
    assert response["Content-Disposition"].endswith(f'{first.reference}-v2.pdf"')
    pages, flat = pdf_text(response, second)
    assert "Secondwords" in flat and "Corrected" in flat
    assert f"{first.reference} v2" in pages[0]
    stranger = sign_in(Client(), make_professional(email="other@example.org"))
    assert stranger.get(reverse("ehc_forms:pdf", args=[second.pk])).status_code == 404


def test_an_answer_is_drawn_in_blocks_of_lines_that_keep_every_line():
    lines = [f"line {n}" if n % 7 else "" for n in range(45)]
    blocks = pdf_blocks("\n".join(lines))
    assert [block.count("\n") + 1 for block in blocks] == [20, 20, 5]
    # An empty line keeps its height even where it starts a block (lines 0, 21 and 42).
    assert "\n".join(blocks).split("\n") == [line or "\N{NO-BREAK SPACE}" for line in lines]
    assert pdf_blocks("") == ["\N{NO-BREAK SPACE}"]
