"""Screenshots and PDFs on formal reports: the type from the content, images re-encoded without
their metadata, served only as sandboxed downloads to the reporter and the HR admins allowed to
see the report. The tests attack: a script named .png, a GPS-tagged photo, a decompression bomb,
a download by everyone who must not have it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from support import limits, services
from support.attachments import text_attachment_from_upload
from support.models import ReportAccessLog, ReportAttachment
from tests.factories import UserFactory
from tests.support.conftest import draft_for
from tests.support.test_report_access import viewer_for

pytestmark = pytest.mark.django_db

SECRET = "Home: 52.5200 N, 13.4050 E"


def png_with_metadata() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 120, 40))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET)
    info.add_text("Author", "Alex Reporter")
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def jpeg_with_gps_and_rotation() -> bytes:
    """A 40 × 20 photo tagged with a GPS position, a camera and 'rotate 90°' (EXIF)."""
    image = Image.new("RGB", (40, 20), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x010E] = SECRET  # ImageDescription
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 31.0, 12.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, quality=95)
    return out.getvalue()


def small_pdf() -> bytes:
    return (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF\n")


def attach(client, report, name: str, content: bytes):
    return client.post(f"/support/reports/{report.pk}/edit/", {
        "what_happened": report.what_happened, "happened_when": report.happened_when,
        "people_described": "", "witnesses": report.witnesses, "save": "1",
        "people_named": list(report.people_named.values_list("email", flat=True)),
        "attachment": SimpleUploadedFile(name, content, content_type="application/octet-stream"),
    })


def test_a_png_is_stored_re_encoded_without_its_text_chunks(client, employee, draft):
    client.force_login(employee)

    response = attach(client, draft, "screenshot.png", png_with_metadata())

    assert response.status_code == 302
    stored = draft.attachments.get()
    assert (stored.kind, stored.filename) == ("png", "screenshot.png")
    data = bytes(stored.data)
    assert SECRET.encode() not in data and b"Alex Reporter" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == (40, 30)
        assert "Comment" not in image.info and "Author" not in image.info
        assert image.getpixel((5, 5)) == (200, 120, 40)


def test_a_photo_loses_its_gps_and_camera_but_keeps_its_orientation(employee):
    attachment = text_attachment_from_upload(
        SimpleUploadedFile("IMG_2041.JPG", jpeg_with_gps_and_rotation()))

    assert attachment.kind == "jpeg" and attachment.filename == "IMG_2041.jpg"
    assert SECRET.encode() not in attachment.data and b"PhoneMaker" not in attachment.data
    with Image.open(io.BytesIO(attachment.data)) as image:
        assert not image.getexif()  # no EXIF at all: no GPS, no camera, no orientation tag
        assert image.size == (20, 40)  # turned as the phone showed it


def test_the_real_type_wins_over_the_name(employee):
    attachment = text_attachment_from_upload(SimpleUploadedFile("notes.txt",
                                                                png_with_metadata()))

    assert (attachment.kind, attachment.filename) == ("png", "notes.png")


def test_a_decompression_bomb_is_refused_before_it_is_decoded(client, employee, draft):
    bomb = io.BytesIO()
    Image.new("1", (9000, 9000)).save(bomb, format="PNG")  # 81 million pixels in a few KB
    assert len(bomb.getvalue()) < 50_000
    client.force_login(employee)

    response = attach(client, draft, "innocent.png", bomb.getvalue())

    assert "please send a smaller image" in response.content.decode()
    assert not draft.attachments.exists()


def test_a_file_over_the_limit_is_refused_and_the_text_kept(client, employee, draft):
    client.force_login(employee)
    big = b"%PDF-1.4\n" + b"0" * limits.FILE_ATTACHMENT_MAX_BYTES + b"\n%%EOF\n"

    response = attach(client, draft, "scan.pdf", big)

    assert "the limit is 5.0 MB" in response.content.decode()
    assert "Your draft is saved, but the file was not attached" in response.content.decode()
    assert not draft.attachments.exists()


def test_the_service_refuses_bytes_that_are_not_what_they_claim(draft):
    from django.core.exceptions import ValidationError

    from support.attachments import TextAttachment

    disguised = TextAttachment(filename="x.pdf", content="", size=20, kind="pdf",
                               data=b"<html><script>1</script>")
    with pytest.raises(ValidationError, match="is not a PNG, JPEG or PDF file"):
        services.report_attachment_add(report=draft, attachment=disguised)


def test_the_reporter_downloads_a_pdf_as_a_sandboxed_attachment(client, employee, draft):
    client.force_login(employee)
    attach(client, draft, "letter.pdf", small_pdf())
    stored = draft.attachments.get()

    preview = client.get(f"/support/reports/{draft.pk}/preview/").content.decode()
    response = client.get(f"/support/reports/{draft.pk}/attachments/{stored.pk}/")

    url = f"/support/reports/{draft.pk}/attachments/{stored.pk}/"
    assert f'href="{url}"' in preview
    assert response.status_code == 200
    assert response.content == small_pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="letter.pdf"'
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


# (who, status of the download of a submitted report's attachment)
MATRIX = [
    ("reporter", 200),
    ("hr", 200),
    ("facilitator", 404),
    ("other_employee", 404),
    ("named_person", 404),
    ("named_hr", 404),
]


@pytest.mark.parametrize(("who", "status"), MATRIX)
def test_only_the_reporter_and_hr_download(client, employee, named_person, who, status,
                                           request, mfa_exempt,
                                           django_capture_on_commit_callbacks):
    report = draft_for(employee, named=[named_person])
    services.report_draft_save(
        reporter=employee, report=report, what_happened=report.what_happened,
        happened_when=report.happened_when, people_named=[named_person], people_described="",
        witnesses="", attachment=text_attachment_from_upload(
            SimpleUploadedFile("shot.png", png_with_metadata())))
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, reporter=employee)
    attachment = report.attachments.get()
    viewer = viewer_for(who, request, report)
    mfa_exempt(viewer)
    client.force_login(viewer)
    logged_before = ReportAccessLog.objects.count()

    response = client.get(f"/support/reports/{report.pk}/attachments/{attachment.pk}/")

    assert response.status_code == status
    if status == 404:
        assert b"PNG" not in response.content
    hr_logged = ReportAccessLog.objects.count() - logged_before
    assert hr_logged == (1 if who == "hr" else 0)  # the reporter sees HR's download


def test_hr_never_downloads_from_a_draft(client, hr, employee, mfa_exempt):
    report = draft_for(employee)
    services.report_draft_save(
        reporter=employee, report=report, what_happened=report.what_happened,
        happened_when=report.happened_when, people_named=[], people_described="",
        witnesses="", attachment=text_attachment_from_upload(
            SimpleUploadedFile("shot.png", png_with_metadata())))
    attachment = report.attachments.get()
    mfa_exempt(hr)
    client.force_login(hr)

    assert client.get(
        f"/support/reports/{report.pk}/attachments/{attachment.pk}/").status_code == 404


def test_hr_without_two_factor_cannot_download(client, hr, submitted):
    attachment = ReportAttachment.objects.create(
        report=submitted, filename="letter.pdf", kind="pdf", data=small_pdf(),
        size=len(small_pdf()))
    client.force_login(hr)

    response = client.get(f"/support/reports/{submitted.pk}/attachments/{attachment.pk}/")

    assert response.status_code == 302 and "pdf" not in response["Content-Type"]


def test_an_attachment_of_another_report_is_not_reachable_through_mine(client, employee):
    mine = draft_for(employee)
    theirs = draft_for(UserFactory())
    attachment = ReportAttachment.objects.create(
        report=theirs, filename="letter.pdf", kind="pdf", data=small_pdf(),
        size=len(small_pdf()))
    client.force_login(employee)

    response = client.get(f"/support/reports/{mine.pk}/attachments/{attachment.pk}/")

    assert response.status_code == 404


def test_an_anonymous_visitor_is_asked_to_log_in(client, draft):
    attachment = ReportAttachment.objects.create(
        report=draft, filename="letter.pdf", kind="pdf", data=small_pdf(), size=len(small_pdf()))

    response = client.get(f"/support/reports/{draft.pk}/attachments/{attachment.pk}/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
