import re

import pytest
from django.core import mail

from groups.models import AvoidEntry
from support import services
from support.models import Report, ReportUpdate
from tests.factories import UserFactory
from tests.support.conftest import draft_for


def report_article(html: str) -> str:
    match = re.search(r'<article class="report-content.*?</article>', html, re.S)
    assert match, "the page has no report content"
    return match.group(0)


@pytest.mark.django_db
def test_the_preview_is_exactly_what_hr_sees(
    client, employee, hr, named_person, mfa_exempt, django_capture_on_commit_callbacks
):
    report = draft_for(employee, named=[named_person], people_described="A visitor <b>Bob</b>")
    services.report_attachment_add(report=report, attachment=services_attachment())
    client.force_login(employee)
    preview = report_article(client.get(f"/support/reports/{report.pk}/preview/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/support/reports/{report.pk}/submit/")
    mfa_exempt(hr)
    client.force_login(hr)

    seen_by_hr = report_article(client.get(f"/support/hr/reports/{report.pk}/").content.decode())

    assert preview == seen_by_hr
    for part in (
        "He mocked my accent",
        "Every stand-up since March",
        named_person.email,
        "A visitor &lt;b&gt;Bob&lt;/b&gt;",
        "Two people from the platform team",
        "chat-log.txt",
        "copied &lt;thread&gt;",
        employee.email,
    ):
        assert part in seen_by_hr


def services_attachment():
    from support.attachments import TextAttachment

    return TextAttachment(filename="chat-log.txt", content="A copied <thread>", size=17)


@pytest.mark.django_db
def test_submitting_sends_the_report_to_hr_only(
    client, employee, hr, named_person, facilitator, draft, django_capture_on_commit_callbacks
):
    client.force_login(employee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/support/reports/{draft.pk}/submit/")

    draft.refresh_from_db()
    assert response["Location"] == f"/support/reports/{draft.pk}/"
    assert draft.status == Report.Status.RECEIVED
    assert draft.submitted_at is not None
    recipients = [m.to for m in mail.outbox]
    assert recipients == [[hr.email]]
    # The notice carries no content and no names; named people are never notified.
    assert "mocked" not in mail.outbox[0].body
    assert employee.name not in mail.outbox[0].body
    assert employee.email not in mail.outbox[0].body


@pytest.mark.django_db
def test_an_hr_admin_named_in_a_report_is_not_told(
    employee, hr, django_capture_on_commit_callbacks
):
    other_hr = UserFactory(is_hr=True)
    report = draft_for(employee, named=[hr])

    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, reporter=employee)

    assert [m.to for m in mail.outbox] == [[other_hr.email]]


@pytest.mark.django_db
def test_the_preview_warns_when_a_named_person_is_an_hr_admin(client, employee, hr):
    report = draft_for(employee, named=[hr])
    client.force_login(employee)

    page = client.get(f"/support/reports/{report.pk}/preview/").content.decode()

    assert "is an HR admin named in your report and will not be able to open it" in page


@pytest.mark.django_db
def test_an_incomplete_draft_cannot_be_submitted(client, employee):
    report = draft_for(employee, what_happened="", happened_when="  ")
    client.force_login(employee)

    preview = client.get(f"/support/reports/{report.pk}/preview/").content.decode()
    response = client.post(f"/support/reports/{report.pk}/submit/", follow=True)

    assert "Describe what happened." in preview
    assert "Send to HR" not in preview
    assert "The report is not complete yet" in response.content.decode()
    report.refresh_from_db()
    assert report.is_draft
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_report_naming_nobody_needs_a_description_of_who(employee):
    report = draft_for(employee, named=[], people_described="")

    with pytest.raises(Exception) as error:
        services.report_submit(report=report, reporter=employee)

    assert "people_named" in error.value.message_dict


@pytest.mark.django_db
def test_submitting_twice_changes_nothing_the_second_time(
    employee, draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=draft, reporter=employee)
        services.report_submit(report=draft, reporter=employee)

    assert ReportUpdate.objects.filter(report=draft).count() == 1


@pytest.mark.django_db
def test_after_submitting_the_reporter_is_offered_to_avoid_the_people_named(
    client, employee, submitted, named_person
):
    client.force_login(employee)

    page = client.get(f"/support/reports/{submitted.pk}/").content.decode()
    assert "rather not share a room" in page
    response = client.post(f"/support/reports/{submitted.pk}/avoid/",
                           {"people": [named_person.email]})

    entry = AvoidEntry.objects.get()
    assert response.status_code == 302
    assert (entry.owner, entry.person, entry.source) == (employee, named_person, "report")
    # Offered once: the person is on the list now.
    assert (
        "Add to my private list"
        not in client.get(f"/support/reports/{submitted.pk}/").content.decode()
    )
    assert mail.outbox == [] or all(named_person.email not in m.to for m in mail.outbox)


@pytest.mark.django_db
def test_only_people_named_in_the_report_can_be_added_to_the_list(client, employee, submitted):
    stranger = UserFactory()
    client.force_login(employee)

    response = client.post(
        f"/support/reports/{submitted.pk}/avoid/", {"people": [stranger.email]}, follow=True
    )

    assert "Tick at least one person" in response.content.decode()
    assert not AvoidEntry.objects.exists()


@pytest.mark.django_db
def test_named_people_are_never_notified(
    employee, named_person, hr, mfa_exempt, client, django_capture_on_commit_callbacks
):
    report = draft_for(employee, named=[named_person])
    with django_capture_on_commit_callbacks(execute=True):
        services.report_submit(report=report, reporter=employee)
        services.report_update_post(
            report=report, author=hr, new_status="in_review", body="We are looking into it."
        )
        services.report_add_information(report=report, reporter=employee, body="One more thing")

    assert all(named_person.email not in m.to for m in mail.outbox)
    assert {tuple(m.to) for m in mail.outbox} == {(hr.email,), (employee.email,)}
