"""Turning an uploaded file into a text attachment, or a clear reason why not."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from support import limits


@dataclass(frozen=True)
class TextAttachment:
    filename: str
    content: str
    size: int


def _human_size(size: int) -> str:
    return f"{size // 1024} KB" if size >= 1024 else f"{size} bytes"


def text_attachment_check(*, filename: str, content: str, size: int) -> None:
    """The rules every stored attachment obeys (the form and the service both apply them)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in limits.ATTACHMENT_EXTENSIONS:
        allowed = ", ".join(limits.ATTACHMENT_EXTENSIONS)
        raise ValidationError(f"“{filename}” is not a text file. Attach {allowed} files only.")
    if size > limits.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            f"“{filename}” is {_human_size(size)}; the limit is "
            f"{_human_size(limits.ATTACHMENT_MAX_BYTES)}. Split it, or paste the part that "
            "matters into the report."
        )
    if "\x00" in content:
        raise ValidationError(f"“{filename}” does not look like plain text.")


def text_attachment_from_upload(upload: UploadedFile) -> TextAttachment:
    filename = PurePath(upload.name or "attachment.txt").name[:200]
    size = upload.size or 0
    # Check the name and size before reading: an oversized file is never read into memory.
    text_attachment_check(filename=filename, content="", size=size)
    raw = upload.read(limits.ATTACHMENT_MAX_BYTES + 1)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"“{filename}” is not plain text in UTF-8. Save it as UTF-8 text and try again."
        ) from None
    text_attachment_check(filename=filename, content=content, size=len(raw))
    return TextAttachment(filename=filename, content=content, size=len(raw))
