import pytest
from django.core import mail

from support import services
from support.models import ReportAccessLog, ReportUpdate
from tests.factories import UserFactory


@pytest.fixture
def hr_client(client, hr, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(hr)
    return client


@pytest.mark.django_db
def test_every_hr_opening_is_logged(hr_client, hr, submitted):
    hr_client.get(f"/support/hr/reports/{submitted.pk}/")
    hr_client.get(f"/support/hr/reports/{submitted.pk}/")

    log = list(ReportAccessLog.objects.filter(report=submitted))
    assert len(log) == 2
    assert {entry.viewer for entry in log} == {hr}


@pytest.mark.django_db
def test_the_reporter_sees_who_opened_their_report_and_when(client, employee, hr, submitted):
    services.report_access_record(report=submitted, viewer=hr)
    other = UserFactory(display_name="Robin Other")
    client.force_login(other)
    client.get(f"/support/reports/{submitted.pk}/")  # 404: not logged, not shown
    client.force_login(employee)

    page = client.get(f"/support/reports/{submitted.pk}/").content.decode()

    assert "Who opened this report" in page
    assert "Harper HR" in page
    assert "Robin Other" not in page
    assert ReportAccessLog.objects.count() == 1


@pytest.mark.django_db
def test_the_reporter_opening_their_own_report_is_not_logged(client, employee, submitted):
    client.force_login(employee)

    client.get(f"/support/reports/{submitted.pk}/")

    assert not ReportAccessLog.objects.exists()


@pytest.mark.django_db
def test_hr_updates_the_status_and_replies(
    hr_client, hr, submitted, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(
            f"/support/hr/reports/{submitted.pk}/",
            {"new_status": "in_review", "body": "Thank you. Could we meet on Thursday?"},
        )

    submitted.refresh_from_db()
    assert response.status_code == 302
    assert submitted.status == "in_review"
    update = ReportUpdate.objects.filter(from_hr=True).get()
    assert (update.old_status, update.new_status, update.author) == ("received", "in_review", hr)
    assert mail.outbox[-1].to == [submitted.reporter.email]
    assert "Thursday" not in mail.outbox[-1].body

    client.force_login(submitted.reporter)
    page = client.get(f"/support/reports/{submitted.pk}/").content.decode()
    assert "In review" in page
    assert "Could we meet on Thursday?" in page


@pytest.mark.django_db
def test_an_update_that_changes_nothing_is_refused(hr_client, submitted):
    response = hr_client.post(
        f"/support/hr/reports/{submitted.pk}/", {"new_status": "received", "body": ""}
    )

    assert response.status_code == 200
    assert "Change the status or write a reply." in response.content.decode()
    assert not ReportUpdate.objects.filter(from_hr=True).exists()


@pytest.mark.parametrize("status", ["draft", "deleted", ""])
@pytest.mark.django_db
def test_an_unknown_status_is_refused(hr_client, submitted, status):
    response = hr_client.post(
        f"/support/hr/reports/{submitted.pk}/", {"new_status": status, "body": "x"}
    )

    assert response.status_code == 200
    assert "error" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == "received"


@pytest.mark.django_db
def test_the_reporter_adds_information_and_hr_sees_it(
    client, employee, submitted, hr_client, hr, django_capture_on_commit_callbacks
):
    client.force_login(employee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/support/reports/{submitted.pk}/", {"body": "It happened again today."})
    client.force_login(hr)

    page = client.get(f"/support/hr/reports/{submitted.pk}/").content.decode()

    assert "It happened again today." in page
    assert mail.outbox[-1].to == [hr.email]


@pytest.mark.django_db
def test_an_empty_addition_is_refused(client, employee, submitted):
    client.force_login(employee)

    response = client.post(f"/support/reports/{submitted.pk}/", {"body": "  "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


@pytest.mark.django_db
def test_hr_report_page_query_count_is_pinned(hr_client, hr, submitted, django_assert_num_queries):
    for n in range(3):
        services.report_update_post(
            report=submitted, author=hr, new_status="in_review", body=f"Note {n}"
        )
        services.report_access_record(report=submitted, viewer=hr)

    # session, user, report (+reporter), named people, attachments, log insert,
    # timeline (+authors), access log (+viewers)
    with django_assert_num_queries(8):
        response = hr_client.get(f"/support/hr/reports/{submitted.pk}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_reporter_report_page_query_count_is_pinned(
    client, employee, hr, submitted, django_assert_num_queries
):
    for n in range(3):
        services.report_update_post(
            report=submitted, author=hr, new_status="in_review", body=f"Note {n}"
        )
        services.report_access_record(report=submitted, viewer=hr)
    client.force_login(employee)

    # session, user, report, named (avoid offer), avoid list, timeline, access log,
    # named + attachments (content), avoid form choices
    with django_assert_num_queries(10):
        response = client.get(f"/support/reports/{submitted.pk}/")
    assert response.status_code == 200
