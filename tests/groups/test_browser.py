import pytest
from playwright.sync_api import expect

from groups import policies
from tests.conftest import log_in
from tests.factories import PASSWORD, UserFactory
from tests.groups.conftest import make_group


@pytest.mark.browser
def test_employee_finds_an_open_group_reads_the_rules_accepts_them_and_joins(
        live_server, page, transactional_db):
    facilitator = UserFactory(display_name="Fran Facilitator", is_facilitator=True)
    group = make_group(facilitator, name="Monday Circle", slug="monday-circle",
                       purpose="A weekly circle to be heard.")
    make_group(facilitator, name="Budget Skills", purpose="Spreadsheets.", category="skills")
    employee = UserFactory(display_name="Erin Employee")

    log_in(page, live_server.url, employee.email, PASSWORD)
    page.goto(f"{live_server.url}/groups/")
    page.get_by_label("Search by name or purpose").fill("weekly circle")
    page.get_by_role("button", name="Find groups").click()
    page.get_by_role("link", name="Monday Circle").click()

    rules = page.locator("ol.rules li")
    expect(rules).to_have_count(6)
    assert "What is shared here stays here." in rules.first.inner_text()

    # Joining without accepting the rules is refused, and says why.
    page.get_by_role("button", name="Join group").click()
    expect(page.get_by_text("Please accept the ground rules.")).to_be_visible()
    assert not policies.is_member(employee, group)

    page.get_by_label("I have read these ground rules and I accept them").check()
    page.get_by_role("button", name="Join group").click()
    expect(page.get_by_role("heading", name="You're a member")).to_be_visible()
    expect(page.get_by_text("Welcome to Monday Circle")).to_be_visible()
    expect(page.get_by_role("heading", name="Members (2)")).to_be_visible()
    assert policies.membership_of(employee, group).accepted_rules_version == 1
