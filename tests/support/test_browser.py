import re

import pytest
from playwright.sync_api import expect

from support.models import Report
from tests.conftest import log_in
from tests.factories import PASSWORD, UserFactory


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_employee_reports_and_follows_hr_updating_the_status(live_server, page, mfa_exempt):
    employee = UserFactory(display_name="Sam Employee")
    UserFactory(display_name="Pat Named")
    hr = UserFactory(display_name="Harper HR", is_hr=True)
    mfa_exempt(hr)

    # The employee drafts a report in private, previews it and sends it.
    log_in(page, live_server.url, employee.email, PASSWORD)
    page.goto(f"{live_server.url}/support/")
    page.get_by_role("link", name="Start a formal report").click()
    page.get_by_label("What happened?").fill("Pat mocked my accent in every stand-up.")
    page.get_by_label("When did it happen?").fill("Every stand-up since March.")
    page.get_by_label("Filter colleagues by name").fill("pat")
    page.get_by_label(re.compile(r"^Pat Named")).check()
    page.get_by_role("button", name="Save and preview").click()
    page.wait_for_url(re.compile(r"/preview/$"))
    preview = page.locator("#report-content")
    assert "Pat mocked my accent" in preview.inner_text()
    assert "Pat Named" in preview.inner_text()
    page.get_by_role("button", name="Send to HR").click()
    page.wait_for_url(re.compile(r"/support/reports/\d+/$"))
    assert page.locator("#report-status").inner_text() == "Received"
    report = Report.objects.get()
    log_out(page)

    # HR sees it, opens it, and moves it to "In review" with a reply.
    log_in(page, live_server.url, hr.email, PASSWORD)
    page.goto(f"{live_server.url}/support/hr/reports/")
    page.locator(f'a[href="/support/hr/reports/{report.pk}/"]').click()
    assert "Pat mocked my accent" in page.locator("#report-content").inner_text()
    page.get_by_label("Set the status").select_option("in_review")
    page.get_by_label("Reply to the person who reported (optional)").fill(
        "Thank you for telling us. Could we talk on Thursday?"
    )
    page.get_by_role("button", name="Post update").click()
    page.wait_for_selector("text=Update posted")
    assert page.locator("#report-status").inner_text() == "In review"
    log_out(page)

    # The employee sees the new status, the reply, and that HR opened the report.
    log_in(page, live_server.url, employee.email, PASSWORD)
    page.goto(f"{live_server.url}/support/reports/{report.pk}/")
    assert page.locator("#report-status").inner_text() == "In review"
    expect(page.get_by_text("Could we talk on Thursday?")).to_be_visible()
    assert "Harper HR" in page.locator(".access-log").inner_text()
