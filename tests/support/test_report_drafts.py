import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from support import limits, services
from support.attachments import TextAttachment
from support.models import Report
from tests.factories import UserFactory
from tests.support.conftest import draft_for


def form_data(**overrides) -> dict:
    data = {
        "what_happened": "She shouted at me in front of the team.",
        "happened_when": "Monday 3 March, in the all-hands.",
        "people_described": "",
        "witnesses": "",
        "save": "1",
    }
    return {**data, **overrides}


@pytest.mark.django_db
def test_an_employee_saves_a_private_draft(client, employee, named_person):
    client.force_login(employee)

    response = client.post("/support/reports/new/", form_data(people_named=[named_person.email]))

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/support/reports/{report.pk}/edit/"
    assert report.status == Report.Status.DRAFT
    assert report.reporter == employee
    assert list(report.people_named.all()) == [named_person]


@pytest.mark.django_db
def test_save_and_preview_goes_to_the_preview(client, employee):
    client.force_login(employee)

    response = client.post("/support/reports/new/", form_data(preview="1"))

    report = Report.objects.get()
    assert response["Location"] == f"/support/reports/{report.pk}/preview/"


@pytest.mark.django_db
def test_a_draft_may_be_incomplete(client, employee):
    client.force_login(employee)

    response = client.post("/support/reports/new/", form_data(what_happened="", happened_when=""))

    assert response.status_code == 302
    assert Report.objects.get().what_happened == ""


@pytest.mark.django_db
def test_the_draft_opens_with_what_was_saved(client, employee, draft, named_person):
    client.force_login(employee)

    page = client.get(f"/support/reports/{draft.pk}/edit/").content.decode()

    assert "He mocked my accent in every stand-up." in page
    assert "Two people from the platform team." in page
    assert f'value="{named_person.email}"' in page  # the directory's key, never an account id
    assert page.count("checked") == 1


@pytest.mark.django_db
def test_editing_a_draft_keeps_the_changes(client, employee, draft):
    client.force_login(employee)

    client.post(f"/support/reports/{draft.pk}/edit/", form_data(what_happened="Updated text."))

    draft.refresh_from_db()
    assert draft.what_happened == "Updated text."
    assert draft.people_named.count() == 0


@pytest.mark.django_db
def test_an_oversized_report_gets_a_clear_error_and_loses_nothing(client, employee, draft):
    client.force_login(employee)
    huge = "x" * (limits.WHAT_HAPPENED_MAX + 1)

    response = client.post(f"/support/reports/{draft.pk}/edit/", form_data(what_happened=huge))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 20000 characters" in page
    assert huge in page  # what was typed is still in the form
    draft.refresh_from_db()
    assert draft.what_happened == "He mocked my accent in every stand-up."  # saved draft intact


@pytest.mark.django_db
def test_naming_yourself_is_refused(client, employee):
    client.force_login(employee)

    response = client.post("/support/reports/new/", form_data(people_named=[employee.email]))

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_a_text_attachment_is_stored_as_text(client, employee, draft):
    client.force_login(employee)
    upload = SimpleUploadedFile(
        "notes.txt", "Notes – with “quotes”\n".encode(), content_type="text/plain"
    )

    client.post(f"/support/reports/{draft.pk}/edit/", {**form_data(), "attachment": upload})

    attachment = draft.attachments.get()
    assert attachment.filename == "notes.txt"
    assert attachment.content == "Notes – with “quotes”\n"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("photo.png", b"\x89PNG\r\n", "is not a file we can take"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 20, "could not be read"),
        ("page.png", b"<script>alert(1)</script>", "is not a file we can take"),
        ("scan.pdf", b"%PDF-1.7 and then nothing", "is not a complete PDF file"),
        ("notes.txt", b"\xff\xfe\x00bad", "is not plain text in UTF-8"),
        ("notes.txt", b"a\x00b", "does not look like plain text"),
        ("big.txt", b"a" * (limits.ATTACHMENT_MAX_BYTES + 1), "the limit for text files is 200 KB"),
    ],
)
@pytest.mark.django_db
def test_a_wrong_attachment_is_refused_but_the_text_is_saved(
    client, employee, draft, name, content, error
):
    client.force_login(employee)
    upload = SimpleUploadedFile(name, content)

    response = client.post(
        f"/support/reports/{draft.pk}/edit/",
        {**form_data(what_happened="New words."), "attachment": upload},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert error in page
    assert "Your draft is saved, but the file was not attached" in page
    draft.refresh_from_db()
    assert draft.what_happened == "New words."
    assert not draft.attachments.exists()


@pytest.mark.django_db
def test_a_refused_attachment_on_a_new_report_still_saves_the_draft(client, employee):
    client.force_login(employee)

    response = client.post(
        "/support/reports/new/", {**form_data(), "attachment": SimpleUploadedFile("a.exe", b"MZ")}
    )

    report = Report.objects.get()
    assert f'action="/support/reports/{report.pk}/edit/"' in response.content.decode()


@pytest.mark.django_db
def test_attachments_are_limited_per_report_and_can_be_removed(client, employee, draft):
    client.force_login(employee)
    for n in range(limits.ATTACHMENTS_PER_REPORT):
        client.post(
            f"/support/reports/{draft.pk}/edit/",
            {**form_data(), "attachment": SimpleUploadedFile(f"{n}.txt", b"text")},
        )

    response = client.post(
        f"/support/reports/{draft.pk}/edit/",
        {**form_data(), "attachment": SimpleUploadedFile("x.txt", b"text")},
    )
    assert "at most 5 attachments" in response.content.decode()
    assert draft.attachments.count() == limits.ATTACHMENTS_PER_REPORT

    first = draft.attachments.first()
    client.post(
        f"/support/reports/{draft.pk}/edit/", {**form_data(), "remove_attachments": [first.pk]}
    )
    assert draft.attachments.count() == limits.ATTACHMENTS_PER_REPORT - 1


@pytest.mark.django_db
def test_the_reporter_deletes_a_draft_for_good(client, employee, draft):
    client.force_login(employee)

    assert client.get(f"/support/reports/{draft.pk}/delete/").status_code == 200
    response = client.post(f"/support/reports/{draft.pk}/delete/")

    assert response["Location"] == "/support/reports/"
    assert not Report.objects.exists()


@pytest.mark.parametrize("path", ["", "edit/", "preview/", "delete/"])
@pytest.mark.parametrize("who", ["other", "hr", "facilitator", "named_person"])
@pytest.mark.django_db
def test_someone_elses_draft_does_not_exist_for_anyone_else(
    client, draft, path, who, request, mfa_exempt
):
    viewer = UserFactory() if who == "other" else request.getfixturevalue(who)
    mfa_exempt(viewer)
    client.force_login(viewer)

    assert client.get(f"/support/reports/{draft.pk}/{path}").status_code == 404
    assert client.post(f"/support/reports/{draft.pk}/{path}", form_data()).status_code in (404, 405)
    assert client.post(f"/support/reports/{draft.pk}/submit/").status_code == 404
    assert client.get(f"/support/hr/reports/{draft.pk}/").status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft
    assert draft.what_happened == "He mocked my accent in every stand-up."


@pytest.mark.django_db
def test_a_submitted_report_can_no_longer_be_edited_or_deleted(client, employee, submitted):
    client.force_login(employee)

    assert client.get(f"/support/reports/{submitted.pk}/edit/").status_code == 404
    assert client.post(f"/support/reports/{submitted.pk}/delete/").status_code == 404
    assert Report.objects.filter(pk=submitted.pk).exists()


@pytest.mark.django_db
def test_my_reports_lists_only_my_own(client, employee, draft):
    other = draft_for(UserFactory(), what_happened="Someone else's words")
    client.force_login(employee)

    page = client.get("/support/reports/").content.decode()

    assert "He mocked my accent" in page
    assert "Someone else&#x27;s words" not in page and other.what_happened not in page


@pytest.mark.django_db
def test_report_form_query_count_is_pinned(client, employee, draft, django_assert_num_queries):
    UserFactory.create_batch(10)
    for n in range(3):
        services.report_attachment_add(
            report=draft, attachment=TextAttachment(filename=f"{n}.txt", content="text", size=4)
        )
    client.force_login(employee)

    # session, user, draft (+reporter), named people (initial), colleagues,
    # attachments (list), attachments (remove checkboxes)
    with django_assert_num_queries(7):
        response = client.get(f"/support/reports/{draft.pk}/edit/")
    assert response.status_code == 200
