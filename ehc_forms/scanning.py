"""The virus-scanning hook every upload passes before it is kept.

With no scanner configured it lets files through (local runs and tests of other things).
With `CLAMAV_SOCKET` set, each file is streamed to the ClamAV daemon over its Unix socket:
a file it reports infected is refused, and so is every file while it cannot be reached,
since an unscanned file must never be kept."""

import clamd
from django.conf import settings


class ScanRefused(Exception):
    """The file may not be kept. `message` is the GOV.UK error, with {name} for the file."""

    message = ""


class Infected(ScanRefused):
    message = "The selected file “{name}” contains a virus and has not been uploaded"


class ScannerUnavailable(ScanRefused):
    message = (
        "The selected file “{name}” could not be checked for viruses. "
        "It has not been uploaded: try again later"
    )


def scan(upload):
    """Raise ScanRefused unless the configured scanner finds the file clean."""
    if not settings.CLAMAV_SOCKET:
        return
    upload.seek(0)
    try:
        result = clamd.ClamdUnixSocket(path=settings.CLAMAV_SOCKET, timeout=30).instream(upload)
    except (clamd.ClamdError, OSError) as error:
        raise ScannerUnavailable() from error
    finally:
        upload.seek(0)
    status, _signature = result.get("stream", ("ERROR", None))
    if status == "FOUND":
        raise Infected()
    if status != "OK":
        raise ScannerUnavailable()
