"""Documents attached to forms: the field type, each upload check, private storage, the
access-checked download, and the ClamAV hook against a fake clamd on a local socket."""

import io
import socket
import struct
import threading
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from ehc_forms.demo import f, text
from ehc_forms.models import Document
from ehc_forms.saving import start_draft

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


DOCUMENT_STEPS = [
    (
        "Reports",
        "",
        [
            text("summary", "Summary", required=False),
            f("documents", "reports", "Reports", max_files=3, kinds=["pdf", "docx", "png"]),
        ],
    )
]


@pytest.fixture
def documents_form(make_form):
    return make_form(DOCUMENT_STEPS, slug="documents-form", title="Documents form")


@pytest.fixture
def documents_draft(documents_form, child, professional):
    return start_draft(professional, child, documents_form, {"full_name": professional.full_name})


def step_url(draft):
    return reverse("ehc_forms:step", args=[draft.pk, 1])


def post_step(client, draft, files=(), action="later", **fields):
    draft.refresh_from_db()
    data = {"version": draft.version, "action": action, **fields}
    if files:
        data["reports"] = list(files)
    return client.post(step_url(draft), data)


def test_a_step_with_a_documents_field_shows_govuk_file_upload(
    professional_client, documents_draft
):
    page = professional_client.get(step_url(documents_draft)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'class="govuk-file-upload"' in page and 'type="file" name="reports"' in page
    assert "multiple" in page
    assert "You can upload up to 3 files: PDF, Word document or PNG." in page


def test_files_upload_when_the_step_is_saved_and_are_listed_with_name_size_and_remove(
    professional_client, documents_draft
):
    response = post_step(
        professional_client,
        documents_draft,
        [upload("../../etc/EP report.pdf", PDF), upload("plan.docx", docx_bytes(), "text/plain")],
        summary="Two reports",
    )
    assert response.status_code == 302
    documents_draft.refresh_from_db()
    answer = documents_draft.answers["reports"]
    assert [(item["name"], item["kind"]) for item in answer] == [
        ("EP report.pdf", "pdf"),
        ("plan.docx", "docx"),
    ]
    assert documents_draft.answers["summary"] == "Two reports"
    stored = Document.objects.get(key=answer[0]["key"])
    # Kept under a random key: the name given is never part of the storage path.
    assert stored.file.name.startswith("documents/") and "report" not in stored.file.name
    assert stored.file.read() == PDF
    page = professional_client.get(step_url(documents_draft)).content.decode()
    assert "EP report.pdf" in page and "PDF, 65 bytes" in page
    assert f'value="reports:remove-{answer[0]["key"]}"' in page


def test_autosave_never_drops_an_uploaded_file(professional_client, documents_draft):
    post_step(professional_client, documents_draft, [upload("report.pdf", PDF)])
    documents_draft.refresh_from_db()
    response = professional_client.post(
        reverse("ehc_forms:autosave", args=[documents_draft.pk, 1]),
        {"version": documents_draft.version, "summary": "typed later"},
    )
    assert response.status_code == 200
    documents_draft.refresh_from_db()
    assert documents_draft.answers["summary"] == "typed later"
    assert [item["name"] for item in documents_draft.answers["reports"]] == ["report.pdf"]


def test_remove_takes_the_file_off_the_list_and_out_of_storage(
    professional_client, documents_draft
):
    post_step(professional_client, documents_draft, [upload("report.pdf", PDF)])
    documents_draft.refresh_from_db()
    document = Document.objects.get()
    storage_name = document.file.name
    response = post_step(
        professional_client, documents_draft, action=f"reports:remove-{document.key}"
    )
    assert response.status_code == 302
    documents_draft.refresh_from_db()
    assert documents_draft.answers["reports"] == []
    assert not Document.objects.exists()
    assert not document.file.storage.exists(storage_name)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.pdf", b"", "The selected file “empty.pdf” is empty"),
        ("report.pdf", HTML, "The selected file “report.pdf” must be a PDF, Word document or PNG"),
        ("sheet.xlsx", b"PK\x03\x04" + b"\x00" * 40, "must be a PDF, Word document or PNG"),
    ],
)
def test_refused_files_get_a_govuk_error_and_keep_the_other_answers(
    professional_client, documents_draft, name, content, message
):
    response = post_step(
        professional_client, documents_draft, [upload(name, content)], summary="kept"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "govuk-error-summary" in page and "govuk-form-group--error" in page
    documents_draft.refresh_from_db()
    assert documents_draft.answers["summary"] == "kept"
    assert not documents_draft.answers.get("reports")
    assert not Document.objects.exists()


def test_too_big_a_file_and_too_much_in_total_are_refused(
    professional_client, documents_draft, settings
):
    settings.DOCUMENT_MAX_FILE_SIZE = 100
    settings.DOCUMENT_MAX_SUBMISSION_SIZE = 150
    page = post_step(
        professional_client, documents_draft, [upload("big.pdf", PDF + b" " * 100)]
    ).content.decode()
    assert "The selected file “big.pdf” must be smaller than 0.0001MB" in page
    post_step(professional_client, documents_draft, [upload("one.pdf", PDF + b" " * 20)])
    page = post_step(
        professional_client, documents_draft, [upload("two.pdf", PDF + b" " * 20)]
    ).content.decode()
    assert "The files attached to this form must be 0.00015MB or smaller in total" in page
    assert Document.objects.count() == 1


def test_more_files_than_the_field_allows_are_refused(professional_client, documents_draft):
    files = [upload(f"report{number}.pdf", PDF) for number in range(4)]
    page = post_step(professional_client, documents_draft, files).content.decode()
    assert "You can upload up to 3 files for “Reports”" in page
    documents_draft.refresh_from_db()
    assert len(documents_draft.answers["reports"]) == 3


def test_a_required_documents_field_needs_a_file_to_complete(professional_client, documents_draft):
    page = post_step(professional_client, documents_draft, action="continue").content.decode()
    assert "Upload at least one file for “Reports”" in page
    response = post_step(
        professional_client, documents_draft, [upload("report.png", PNG)], action="continue"
    )
    assert response.status_code == 302
    documents_draft.refresh_from_db()
    assert documents_draft.step_states


def test_the_author_downloads_a_file_as_a_private_attachment(professional_client, documents_draft):
    post_step(professional_client, documents_draft, [upload("EP report.pdf", PDF)])
    document = Document.objects.get()
    response = professional_client.get(reverse("ehc_forms:document", args=[document.key]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert "EP report.pdf" in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_another_professional_and_an_anonymous_visitor_get_404(
    client, professional_client, documents_draft, make_professional, sign_in
):
    post_step(professional_client, documents_draft, [upload("report.pdf", PDF)])
    url = reverse("ehc_forms:document", args=[Document.objects.get().key])
    professional_client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "login" in anonymous.url
    other = sign_in(client, make_professional())
    assert other.get(url).status_code == 404


class FakeClamd:
    """A clamd speaking its real INSTREAM protocol on a Unix socket: `nINSTREAM\\n`, then
    chunks each led by a 4-byte big-endian length, ended by a zero length; the answer is
    `stream: OK` or `stream: <signature> FOUND`."""

    def __init__(self, path):
        self.path = path
        self.scanned = []
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(path)
        self.server.listen()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def read_exactly(self, connection, count):
        data = b""
        while len(data) < count:
            chunk = connection.recv(count - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def serve(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                command = b""
                while not command.endswith(b"\n"):
                    command += self.read_exactly(connection, 1)
                assert command == b"nINSTREAM\n"
                body = b""
                while True:
                    (length,) = struct.unpack("!L", self.read_exactly(connection, 4))
                    if length == 0:
                        break
                    body += self.read_exactly(connection, length)
                self.scanned.append(body)
                if EICAR in body:
                    connection.sendall(b"stream: Win.Test.EICAR_HDB-1 FOUND\n")
                else:
                    connection.sendall(b"stream: OK\n")

    def close(self):
        self.server.close()


@pytest.fixture
def clamd_socket(tmp_path, settings):
    path = str(tmp_path / "clamd.sock")
    fake = FakeClamd(path)
    settings.CLAMAV_SOCKET = path
    yield fake
    fake.close()


def test_clean_files_pass_the_clamav_scan(professional_client, documents_draft, clamd_socket):
    post_step(professional_client, documents_draft, [upload("report.pdf", PDF)])
    assert clamd_socket.scanned == [PDF]
    assert Document.objects.count() == 1


def test_an_infected_file_is_refused_and_never_stored(
    professional_client, documents_draft, clamd_socket
):
    infected = PDF + EICAR
    page = post_step(
        professional_client, documents_draft, [upload("report.pdf", infected)]
    ).content.decode()
    assert "The selected file “report.pdf” contains a virus and has not been uploaded" in page
    assert clamd_socket.scanned == [infected]
    assert not Document.objects.exists()


def test_an_unreachable_scanner_refuses_the_upload_until_later(
    professional_client, documents_draft, settings, tmp_path
):
    settings.CLAMAV_SOCKET = str(tmp_path / "no-such.sock")
    page = post_step(
        professional_client, documents_draft, [upload("report.pdf", PDF)], summary="kept"
    ).content.decode()
    assert "could not be checked for viruses. It has not been uploaded: try again later" in page
    assert not Document.objects.exists()
    documents_draft.refresh_from_db()
    assert documents_draft.answers["summary"] == "kept"


def test_files_are_on_check_your_answers_and_in_the_authors_pdf(
    professional_client, documents_draft, documents_form
):
    post_step(
        professional_client,
        documents_draft,
        [upload("EP report.pdf", PDF), upload("photo.png", PNG)],
        action="continue",
        summary="See the reports",
    )
    check = professional_client.get(reverse("ehc_forms:check", args=[documents_draft.pk]))
    page = check.content.decode()
    assert "EP report.pdf (PDF, 65 bytes)" in page and "photo.png (PNG, 72 bytes)" in page
    documents_draft.refresh_from_db()
    sent = professional_client.post(
        reverse("ehc_forms:check", args=[documents_draft.pk]),
        {"version": documents_draft.version, "declarations": ["1", "2"]},
    )
    assert sent.status_code == 302
    documents_draft.refresh_from_db()
    pdf = professional_client.get(reverse("ehc_forms:pdf", args=[documents_draft.pk]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Attachments" in text
    assert "EP report.pdf (PDF, 65 bytes)" in text and "photo.png (PNG, 72 bytes)" in text
