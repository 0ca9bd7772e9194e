"""Turning an uploaded file into an attachment, or a clear reason why not.

Text files (.txt, .md, .csv, .log) are stored as text and shown inline, escaped. Screenshots and
documents (PNG, JPEG, PDF) are recognised by their content, never by their name or the browser's
claim; images are decoded and encoded again with Pillow, so what is stored carries no metadata
(no camera, no GPS position, no author, no embedded thumbnail) and no bytes beyond the picture.
They are only ever served as downloads (support.views.attachments).
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps, UnidentifiedImageError

from recognition.lists import format_list
from support import limits

KIND_TEXT = "text"
KIND_PNG = "png"
KIND_JPEG = "jpeg"
KIND_PDF = "pdf"

CONTENT_TYPES = {KIND_PNG: "image/png", KIND_JPEG: "image/jpeg", KIND_PDF: "application/pdf"}
EXTENSIONS = {KIND_PNG: ".png", KIND_JPEG: ".jpg", KIND_PDF: ".pdf"}
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", KIND_PNG), (b"\xff\xd8\xff", KIND_JPEG),
               (b"%PDF-", KIND_PDF))


@dataclass(frozen=True)
class TextAttachment:
    filename: str
    content: str
    size: int
    kind: str = KIND_TEXT
    data: bytes = b""

    @property
    def is_file(self) -> bool:
        return self.kind != KIND_TEXT


def _human_size(size: int) -> str:
    """"5.0 MB", "200 KB", "12 bytes", with the reader's decimal mark ("5,0 MB")."""
    if size >= 1024 * 1024:
        return _("%(size)s MB") % {"size": formats.number_format(size / (1024 * 1024), 1)}
    if size >= 1024:
        return _("%(size)s KB") % {"size": formats.number_format(size // 1024)}
    return ngettext("%(size)s byte", "%(size)s bytes", size) % {"size": size}


def sniff_kind(head: bytes) -> str | None:
    """PNG, JPEG or PDF from the file's first bytes; None for anything else."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    return None


def text_attachment_check(*, filename: str, content: str, size: int) -> None:
    """The rules every stored text attachment obeys (the form and the service both apply them)."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in limits.ATTACHMENT_EXTENSIONS:
        allowed = format_list(
            list(limits.ATTACHMENT_EXTENSIONS + limits.FILE_ATTACHMENT_EXTENSIONS))
        raise ValidationError(_("“%(name)s” is not a file we can take. Attach %(allowed)s files "
                                "only.") % {"name": filename, "allowed": allowed})
    if size > limits.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s; the limit for text files is %(limit)s. Split it, or paste "
              "the part that matters into the report.")
            % {"name": filename, "size": _human_size(size),
               "limit": _human_size(limits.ATTACHMENT_MAX_BYTES)})
    if "\x00" in content:
        raise ValidationError(_("“%(name)s” does not look like plain text.") % {"name": filename})


def file_attachment_check(*, filename: str, kind: str, data: bytes) -> None:
    """The rules every stored file attachment obeys: a known type, read from the content, and
    within the size limit (the service applies them again to what the form produced)."""
    if kind not in CONTENT_TYPES or sniff_kind(data[:8]) != kind:
        raise ValidationError(_("“%(name)s” is not a PNG, JPEG or PDF file.") % {"name": filename})
    if len(data) > limits.FILE_ATTACHMENT_MAX_BYTES:
        raise ValidationError(_too_large(filename, len(data)))


def _too_large(filename: str, size: int) -> str:
    return (_("“%(name)s” is %(size)s; the limit is %(limit)s. A smaller screenshot, or a PDF "
              "of only the pages that matter, will do.")
            % {"name": filename, "size": _human_size(size),
               "limit": _human_size(limits.FILE_ATTACHMENT_MAX_BYTES)})


def text_attachment_from_upload(upload: UploadedFile) -> TextAttachment:
    """An attachment from an uploaded file: text, or a re-encoded image, or a PDF."""
    filename = PurePath(upload.name or "attachment").name[:200]
    size = upload.size or 0
    # The size is checked before reading: an oversized file is never read into memory.
    if size > limits.FILE_ATTACHMENT_MAX_BYTES:
        raise ValidationError(_too_large(filename, size))
    raw = upload.read(limits.FILE_ATTACHMENT_MAX_BYTES + 1)
    if len(raw) > limits.FILE_ATTACHMENT_MAX_BYTES:
        raise ValidationError(_too_large(filename, len(raw)))
    kind = sniff_kind(raw[:8])
    if kind == KIND_PDF:
        return _pdf(filename, raw)
    if kind in (KIND_PNG, KIND_JPEG):
        return _image(filename, raw, kind)
    text_attachment_check(filename=filename, content="", size=len(raw))
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("“%(name)s” is not plain text in UTF-8. Save it as UTF-8 text and try again.")
            % {"name": filename}) from None
    text_attachment_check(filename=filename, content=content, size=len(raw))
    return TextAttachment(filename=filename, content=content, size=len(raw))


def _named_for(filename: str, kind: str) -> str:
    """The name with the extension of what the file really is ("photo.jpg" holding a PNG
    becomes "photo.png"), so the download opens in the right program."""
    stem = PurePath(filename).stem or "attachment"
    return f"{stem[:190]}{EXTENSIONS[kind]}"


def _pdf(filename: str, raw: bytes) -> TextAttachment:
    # A PDF ends with %%EOF (possibly followed by a newline or a little padding).
    if b"%%EOF" not in raw[-1024:]:
        raise ValidationError(_("“%(name)s” is not a complete PDF file.") % {"name": filename})
    return TextAttachment(filename=_named_for(filename, KIND_PDF), content="", size=len(raw),
                          kind=KIND_PDF, data=raw)


def _image(filename: str, raw: bytes, kind: str) -> TextAttachment:
    unreadable = ValidationError(_("“%(name)s” looks like an image but could not be read. Take "
                                   "the screenshot again, or save it as PNG.")
                                 % {"name": filename})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                width, height = probe.size
                if width * height > limits.IMAGE_MAX_PIXELS:
                    raise ValidationError(
                        _("“%(name)s” is %(w)s × %(h)s pixels; please send a smaller image.")
                        % {"name": filename, "w": width, "h": height})
                probe.verify()
            with Image.open(io.BytesIO(raw)) as image:
                image.load()
                # The picture as it was seen (EXIF orientation applied), then no metadata at all:
                # a fresh image holds only the pixels.
                upright = ImageOps.exif_transpose(image)
                clean = _pixels_only(upright, kind)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise unreadable from None
    out = io.BytesIO()
    if kind == KIND_JPEG:
        clean.save(out, format="JPEG", quality=90, optimize=True)
    else:
        clean.save(out, format="PNG", optimize=True)
    data = out.getvalue()
    if len(data) > limits.FILE_ATTACHMENT_MAX_BYTES:
        raise ValidationError(_too_large(filename, len(data)))
    return TextAttachment(filename=_named_for(filename, kind), content="", size=len(data),
                          kind=kind, data=data)


def _pixels_only(image: Image.Image, kind: str) -> Image.Image:
    if kind == KIND_JPEG:
        mode = "L" if image.mode in ("L", "1") else "RGB"
    else:
        mode = image.mode if image.mode in ("1", "L", "LA", "RGB", "RGBA") else "RGBA"
    converted = image.convert(mode)
    clean = Image.new(converted.mode, converted.size)
    clean.paste(converted)
    return clean
