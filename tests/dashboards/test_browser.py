"""HR's journey in a real browser: log in, open the dashboard, change the period."""

import pytest
from playwright.sync_api import expect

from tests.conftest import log_in
from tests.factories import PASSWORD


@pytest.mark.browser
def test_hr_changes_the_period_and_the_chart_and_table_follow(
        live_server, page, transactional_db, org, hr, mfa_exempt):
    mfa_exempt(hr)
    log_in(page, live_server.url, hr.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_role("heading", name="Participation dashboard").wait_for()
    assert page.locator("figcaption").first.inner_text().endswith("by week")
    weekly = page.locator("#table-trend tbody tr").count()
    assert weekly == 5  # four finished weeks and the whole period
    assert not page.get_by_label("From").is_visible()  # custom dates only when chosen

    page.get_by_label("Period", exact=True).select_option("year")
    page.get_by_role("button", name="Show figures").click()
    page.get_by_role("caption").filter(has_text="Participation by month").wait_for()
    assert page.locator("figcaption").first.inner_text().endswith("by month")
    assert page.locator("#table-trend tbody tr").count() == 13
    assert page.locator(".dash-chart svg").first.locator("g.bar").count() == 12
    assert "period=year" in page.url

    page.get_by_label("Period", exact=True).select_option("custom")
    expect(page.get_by_label("From")).to_be_visible()
    expect(page.get_by_role("link", name="What HR can see (the page employees read)")
           ).to_be_visible()
