"""Uploads go through Django storage: a private local folder by default, S3 when the bucket
is configured. The S3 case runs against moto's S3 server on loopback."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

ROOT = Path(__file__).resolve().parents[2]

ROUND_TRIP = """
from django.core.files.base import ContentFile
from django.core.files.storage import storages
storage = storages["default"]
name = storage.save("evidence/report.txt", ContentFile(b"annual review evidence"))
print(type(storage).__name__)
print(storage.open(name).read().decode())
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_with_settings(env):
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + ROUND_TRIP],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal_site.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def test_uploads_go_to_the_s3_bucket_when_one_is_configured(s3_endpoint):
    credentials = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_REGION_NAME": "eu-west-2",
    }
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-2",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    s3.create_bucket(
        Bucket="portal-uploads", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )

    result = run_with_settings(
        {
            **credentials,
            "AWS_STORAGE_BUCKET_NAME": "portal-uploads",
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
        }
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "annual", "review", "evidence"]
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket="portal-uploads")["Contents"]]
    assert keys == ["evidence/report.txt"]
    acl = s3.get_object_acl(Bucket="portal-uploads", Key="evidence/report.txt")
    assert all(
        grant["Permission"] != "READ" or "URI" not in grant["Grantee"] for grant in acl["Grants"]
    )


def test_uploads_stay_in_a_private_local_folder_by_default(tmp_path):
    result = run_with_settings({"PORTAL_VAR_DIR": str(tmp_path)})

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "FileSystemStorage"
    assert (tmp_path / "private-uploads" / "evidence" / "report.txt").read_bytes() == (
        b"annual review evidence"
    )
