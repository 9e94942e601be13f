"""The kinds of file forms accept, read from a file's content, and how files are named and
sized for people. Nothing here touches the database, so field types can use it."""

import os
import unicodedata
from dataclasses import dataclass

import filetype


@dataclass(frozen=True)
class Kind:
    """A kind of file the portal accepts, as its content identifies it."""

    extension: str
    label: str
    content_type: str


KINDS = {
    kind.extension: kind
    for kind in (
        Kind("pdf", "PDF", "application/pdf"),
        Kind(
            "docx",
            "Word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        Kind(
            "xlsx",
            "Excel spreadsheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        Kind("jpg", "JPEG", "image/jpeg"),
        Kind("png", "PNG", "image/png"),
    )
}
# Enough of the start of a file for the content checks, including an Office file's zip index.
SNIFF_BYTES = 8192


def megabytes(size):
    return f"{size / 1_000_000:g}MB"


def readable_size(size):
    """A file size as GOV.UK writes it: 940 bytes, 12KB, 3.4MB."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)}KB"
    return f"{size / 1_000_000:.1f}MB"


def kinds_sentence(extensions):
    labels = [KINDS[extension].label for extension in extensions if extension in KINDS]
    if len(labels) < 2:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def clean_name(name):
    """The file's name for display: no folders, no control characters, never empty. It is
    never used as a storage path."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(
        char for char in unicodedata.normalize("NFC", base) if unicodedata.category(char)[0] != "C"
    ).strip(" .")
    return (base or "document")[:255]


def kind_of(upload):
    """The Kind the file's content shows it to be, or None."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    guess = filetype.guess(head)
    return KINDS.get(guess.extension) if guess else None
