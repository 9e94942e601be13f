"""Documents end to end on a real S3 endpoint (moto's server on loopback) through
django-storages: upload with the step, download through the access-checked view, no public
grant on the object, and removal."""

import socket
import threading

import boto3
import pytest
import requests
from django.core.files.storage import storages
from django.urls import reverse
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server

from ehc_forms.models import Document, Submission
from tests.ehc_forms.test_documents import PDF, documents_draft, documents_form, post_step, upload

__all__ = ["documents_draft", "documents_form"]
BUCKET = "portal-documents"
PUBLIC_GROUPS = {
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class S3Server:
    """moto's S3 server on a loopback port the OS chose, which a test can stop (the port
    then refuses connections) and start again with the same buckets and objects."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self):
        self.server = make_server(
            "127.0.0.1",
            self.port,
            DomainDispatcherApplication(create_backend_app),
            threaded=True,
            request_handler=MotoRequestHandler,
        )
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def s3_server():
    server = S3Server()
    # moto keeps its buckets per process: each test starts from none.
    requests.post(f"{server.url}/moto-api/reset", timeout=10)
    yield server
    server.stop()


@pytest.fixture
def s3_endpoint(s3_server):
    return s3_server.url


@pytest.fixture
def s3_storage(s3_endpoint, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    # The same options the base settings give S3 when AWS_STORAGE_BUCKET_NAME is set.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "region_name": "eu-west-2",
                "endpoint_url": s3_endpoint,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    assert type(storages["default"]).__name__ == "S3Storage"
    return client


def test_upload_download_and_removal_on_s3(professional_client, documents_draft, s3_storage):
    response = post_step(professional_client, documents_draft, [upload("EP report.pdf", PDF)])
    assert response.status_code == 302
    document = Document.objects.get()
    keys = [item["Key"] for item in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [document.file.name]
    assert "report" not in document.file.name
    grants = s3_storage.get_object_acl(Bucket=BUCKET, Key=document.file.name)["Grants"]
    assert not {grant["Grantee"].get("URI") for grant in grants} & PUBLIC_GROUPS

    download = professional_client.get(reverse("ehc_forms:document", args=[document.key]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    step_page = professional_client.get(reverse("ehc_forms:step", args=[documents_draft.pk, 1]))
    assert BUCKET not in step_page.content.decode()

    post_step(professional_client, documents_draft, action=f"reports:remove-{document.key}")
    assert s3_storage.list_objects_v2(Bucket=BUCKET).get("Contents", []) == []
    assert not Document.objects.exists()


def test_an_upload_while_s3_is_down_is_a_clear_error_and_keeps_the_other_answers(
    professional_client, documents_draft, s3_storage, s3_server
):
    s3_server.stop()
    response = post_step(
        professional_client,
        documents_draft,
        [upload("EP report.pdf", PDF)],
        summary="Reading has improved.",
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert (
        "The selected file “EP report.pdf” could not be uploaded because the file store is "
        "not answering" in page
    )
    assert 'href="#reports"' in page
    assert "Reading has improved." in page
    draft = Submission.objects.get(pk=documents_draft.pk)
    assert draft.answers["summary"] == "Reading has improved."
    assert not draft.answers.get("reports")
    assert not Document.objects.exists()

    s3_server.start()
    # The page shows the summary as saved, so the browser sends it again with the file.
    response = post_step(
        professional_client,
        documents_draft,
        [upload("EP report.pdf", PDF)],
        summary="Reading has improved.",
    )
    assert response.status_code == 302
    document = Document.objects.get()
    keys = [item["Key"] for item in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert keys == [document.file.name]
    draft.refresh_from_db()
    assert draft.answers["summary"] == "Reading has improved."
    assert [item["key"] for item in draft.answers["reports"]] == [str(document.key)]
