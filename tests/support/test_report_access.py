"""Who may open a report: the access matrix the issue asks for."""

import pytest
from django.urls import reverse

from support.models import ReportAccessLog
from tests.factories import UserFactory
from tests.support.conftest import draft_for

REPORTER_URL = "/support/reports/{pk}/"
HR_URL = "/support/hr/reports/{pk}/"


def viewer_for(who: str, request, report):
    if who == "reporter":
        return report.reporter
    if who == "other_employee":
        return UserFactory()
    if who == "named_hr":
        person = UserFactory(is_hr=True)
        report.people_named.add(person)
        return person
    return request.getfixturevalue(who)


# (who, status on the reporter's page, status on HR's page)
MATRIX = [
    ("reporter", 200, 404),
    ("hr", 404, 200),
    ("facilitator", 404, 404),
    ("other_employee", 404, 404),
    ("named_person", 404, 404),
    ("named_hr", 404, 404),
]


@pytest.mark.parametrize(("who", "reporter_page", "hr_page"), MATRIX)
@pytest.mark.django_db
def test_report_access_matrix(client, submitted, who, reporter_page, hr_page, request, mfa_exempt):
    viewer = viewer_for(who, request, submitted)
    mfa_exempt(viewer)
    client.force_login(viewer)

    reporter_response = client.get(REPORTER_URL.format(pk=submitted.pk))
    hr_response = client.get(HR_URL.format(pk=submitted.pk))
    hr_list = client.get("/support/hr/reports/")

    assert reporter_response.status_code == reporter_page
    assert hr_response.status_code == hr_page
    for response in (reporter_response, hr_response, hr_list):
        if response.status_code == 404:
            assert "He mocked my accent" not in response.content.decode()
    if who == "hr":
        assert hr_list.status_code == 200
        assert f'href="{HR_URL.format(pk=submitted.pk)}"' in hr_list.content.decode()
    elif who == "named_hr":
        assert f'href="{HR_URL.format(pk=submitted.pk)}"' not in hr_list.content.decode()
    else:
        assert hr_list.status_code == 404


@pytest.mark.parametrize("who", ["facilitator", "other_employee", "named_person", "reporter"])
@pytest.mark.django_db
def test_only_hr_can_post_an_update(client, submitted, who, request, mfa_exempt):
    viewer = viewer_for(who, request, submitted)
    mfa_exempt(viewer)
    client.force_login(viewer)

    response = client.post(
        HR_URL.format(pk=submitted.pk), {"new_status": "closed", "body": "Closing"}
    )

    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == "received"


@pytest.mark.django_db
def test_hr_never_sees_drafts(client, hr, draft, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(hr)

    assert client.get(HR_URL.format(pk=draft.pk)).status_code == 404
    assert "He mocked my accent" not in client.get("/support/hr/reports/").content.decode()
    assert not ReportAccessLog.objects.exists()


@pytest.mark.django_db
def test_hr_without_two_factor_is_sent_to_set_it_up(client, hr, submitted):
    client.force_login(hr)

    response = client.get(HR_URL.format(pk=submitted.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    assert not ReportAccessLog.objects.exists()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_asked_to_log_in(client, submitted):
    for url in (REPORTER_URL, HR_URL):
        response = client.get(url.format(pk=submitted.pk))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_a_missing_report_is_404_for_hr_too(client, hr, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(hr)

    assert client.get(HR_URL.format(pk=999)).status_code == 404


@pytest.mark.django_db
def test_the_hr_list_shows_submitted_reports_only(
    client, hr, submitted, employee, mfa_exempt, django_assert_num_queries
):
    for _ in range(4):
        report = draft_for(UserFactory(), people_described="A manager from Sales")
        from support import services

        services.report_submit(report=report, reporter=report.reporter)
    draft_for(employee, what_happened="Private draft words")
    mfa_exempt(hr)
    client.force_login(hr)

    # session, user, reports (+reporter, + this viewer's opening count)
    with django_assert_num_queries(3):
        response = client.get("/support/hr/reports/")
    page = response.content.decode()
    assert page.count('href="/support/hr/reports/') == 5
    assert "Private draft words" not in page
