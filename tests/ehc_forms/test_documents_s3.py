"""Documents end to end on a real S3 endpoint (moto's server on loopback) through
django-storages: upload with the step, download through the access-checked view, no public
grant on the object, and removal."""

import socket

import boto3
import pytest
from django.core.files.storage import storages
from django.urls import reverse
from moto.server import ThreadedMotoServer

from ehc_forms.models import Document
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


@pytest.fixture
def s3_endpoint():
    """moto's S3 server on a loopback port the OS chose, for this test only."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


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
