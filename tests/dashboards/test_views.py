"""The dashboard page, its CSV and the employees' page: access, filters, privacy, queries."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from dashboards import rollups
from tests.dashboards.conftest import hold_session, join, last_week_start, make_group
from tests.factories import UserFactory

INDEX = reverse("dashboards:index")
CSV = reverse("dashboards:export_csv")
WHAT = reverse("dashboards:what_hr_sees")


def page_cells(response) -> str:
    return response.content.decode()


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_hr_sees_the_dashboard_with_every_panel(hr_client, org):
    response = hr_client.get(INDEX)
    assert response.status_code == 200
    html = page_cells(response)
    for title in ("Participation", "Trends", "Groups", "Recognition", "Session check-outs",
                  "Moderation health"):
        assert f">{title}</h2>" in html
    assert "<svg" in html and 'role="img"' in html
    assert reverse("dashboards:what_hr_sees") in html
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("url", [INDEX, CSV])
def test_anonymous_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("url", [INDEX, CSV])
def test_employee_and_facilitator_get_403(client, employee, facilitator, mfa_exempt, url):
    mfa_exempt(facilitator)
    for person in (employee, facilitator):
        client.force_login(person)
        assert client.get(url).status_code == 403


def test_hr_without_two_factor_is_sent_to_set_it_up(client, hr):
    client.force_login(hr)
    response = client.get(INDEX)
    assert response.status_code == 302 and "totp" in response["Location"]


def test_bad_filters_get_a_clear_400(hr_client, org):
    response = hr_client.get(INDEX, {"period": "custom", "start": "2025-03-01",
                                     "end": "2025-01-01"})
    assert response.status_code == 400
    assert "must not be before" in page_cells(response)
    assert hr_client.get(INDEX, {"period": "decade"}).status_code == 400
    assert hr_client.get(CSV, {"period": "custom"}).status_code == 400


def test_private_or_sensitive_groups_cannot_be_chosen_as_a_filter(hr_client, org):
    response = hr_client.get(INDEX, {"group": org.quiet_harbour.pk})
    assert response.status_code == 400
    assert "Select a valid choice" in page_cells(response)
    sensitive_open = make_group("Open But Sensitive", "affinity", sensitive=True)
    assert hr_client.get(INDEX, {"group": sensitive_open.pk}).status_code == 400
    assert hr_client.get(INDEX, {"group": org.open_circle.pk}).status_code == 200


def test_private_and_sensitive_group_names_never_appear_in_hr_output(hr_client, org):
    make_group("Open But Sensitive", "affinity", sensitive=True)
    outputs = [hr_client.get(INDEX), hr_client.get(CSV), hr_client.get(INDEX, {"period": "year"}),
               hr_client.get(CSV, {"category": "peer_circle"})]
    for response in outputs:
        body = response.content.decode()
        assert "Quiet Harbour" not in body and "Open But Sensitive" not in body
        assert "Open Circle" in body  # named groups are fine
        for person in org.engineering + org.finance:
            assert person.email not in body and person.display_name not in body


def test_the_csv_holds_exactly_the_cells_of_the_page_small_and_complementary_hidden(
        hr_client, org):
    html = page_cells(hr_client.get(INDEX))
    rows = csv_rows(hr_client.get(CSV))
    finance = next(r for r in rows if r and r[0] == "Finance")
    engineering = next(r for r in rows if r and r[0] == "Engineering")
    assert finance[1:5] == ["fewer than 5"] * 4
    assert engineering[1:5] == ["hidden"] * 4
    open_circle = next(r for r in rows if r and r[0] == "Open Circle")
    assert open_circle[1] == "hidden"
    for row in rows:
        for text in row[1:]:
            if text in ("hidden", "fewer than 5") or text.endswith("%"):
                assert text in html
    assert html.count(">hidden<") == sum(r[1:].count("hidden") for r in rows)
    assert html.count(">fewer than 5<") == sum(r[1:].count("fewer than 5") for r in rows)


def test_csv_neutralises_group_names_that_look_like_formulas(hr_client, org):
    group = make_group("=HYPERLINK(1)", "team_building")
    join(group, org.engineering, last_week_start())
    rows = csv_rows(hr_client.get(CSV))
    assert any(r and r[0] == "'=HYPERLINK(1)" for r in rows)
    assert not any(r and r[0] == "=HYPERLINK(1)" for r in rows)


def test_the_period_changes_the_figures(hr_client, org):
    four_weeks = page_cells(hr_client.get(INDEX))
    year = page_cells(hr_client.get(INDEX, {"period": "year"}))
    assert "Participation by week" in four_weeks and "Participation by month" in year


def test_query_count_is_the_same_for_a_small_and_a_larger_organisation(
        hr_client, org, django_assert_num_queries):
    # 2 session + user, the rollups' state, 2 reference lists (departments, headcount), from
    # the rollups: membership x4, attendance and RSVPs x5, recognition x2, check-outs x3; groups
    # x1, sessions x2, flags x3, activities run x2 (runs, their sessions' attendees), training
    # completions x2 (per module, anyone), and the form's two <select>s (departments, named
    # groups) = 31, whatever the size or the period.
    rollups.build()
    with django_assert_num_queries(31) as small:
        hr_client.get(INDEX)
    week = last_week_start()
    more = [UserFactory() for _ in range(25)]
    for i in range(6):
        group = make_group(f"Extra {i}", "affinity")
        join(group, more, week)
        hold_session(group, week, more, more[:20])
    rollups.build()
    with django_assert_num_queries(len(small.captured_queries)):
        response = hr_client.get(INDEX, {"period": "quarter"})
    assert "Extra 0" in response.content.decode()


def test_the_first_visit_ever_builds_the_rollups(hr_client, org):
    from dashboards.models import ActivityMask, RollupState

    assert not RollupState.objects.exists()
    response = hr_client.get(INDEX)
    assert response.status_code == 200 and "Figures as of" in response.content.decode()
    assert RollupState.objects.get().built_at is not None
    assert ActivityMask.objects.filter(level="g", grain="w", shift=0,
                                       attended__gt=0).count() == 7  # 5 + 2 attended


def test_periods_are_the_weeks_finished_when_the_rollups_were_built(hr_client, org):
    """Figures never mix rollups with facts they do not hold: the periods move on with them."""
    from dashboards.periods import period_for

    rollups.build(now=last_week_start() + dt.timedelta(hours=1))
    earlier = period_for(preset="4w", now=last_week_start() + dt.timedelta(hours=1))
    assert earlier.description in hr_client.get(INDEX).content.decode()
    assert earlier.description in hr_client.get(CSV).content.decode()
    rollups.build()
    assert period_for(preset="4w").description in hr_client.get(INDEX).content.decode()


def test_any_logged_in_person_reads_what_hr_can_see_from_the_same_settings(
        client, employee, settings):
    settings.DASHBOARD_MIN_GROUP_SIZE = 7
    client.force_login(employee)
    response = client.get(WHAT)
    assert response.status_code == 200
    html = page_cells(response)
    assert "<strong>7 people</strong>" in html and "fewer than 7" in html
    for label in ("Active members", "Attendance rate", "Felt safe and respectful",
                  "Flags raised"):
        assert label in html


def test_what_hr_can_see_needs_a_log_in(client):
    assert client.get(WHAT).status_code == 302


def test_the_group_filter_keeps_the_choice_and_escapes_names(hr_client, org):
    group = make_group("<b>Bold</b> & co", "affinity")
    page = hr_client.get(INDEX, {"group": org.open_circle.id}).content.decode()
    assert f'<option value="{org.open_circle.id}" selected>Open Circle</option>' in page
    assert f'<option value="{group.id}">&lt;b&gt;Bold&lt;/b&gt; &amp; co</option>' in page
    assert 'id="id_group"' in page and "Quiet Harbour" not in page


def _custom_date_fields(html: str) -> list[str]:
    import re

    return re.findall(r'<div class="field custom-date[^"]*"[^>]*>', html)


def test_the_custom_date_fields_arrive_in_their_final_state(hr_client, org):
    """No layout shift after first paint: the server hides the date fields unless "Custom
    dates" is chosen (before, a script hid them after the page had painted)."""
    default = _custom_date_fields(page_cells(hr_client.get(INDEX)))
    assert len(default) == 2 and all(" hidden" in tag for tag in default)
    custom = _custom_date_fields(page_cells(hr_client.get(INDEX, {
        "period": "custom", "start": "2025-01-06", "end": "2025-03-02"})))
    assert len(custom) == 2 and not any(" hidden" in tag for tag in custom)
    # A mistake in the dates is shown, never hidden.
    wrong = _custom_date_fields(page_cells(hr_client.get(INDEX, {
        "period": "custom", "start": "2025-03-01", "end": "2025-01-01"})))
    assert not any(" hidden" in tag for tag in wrong)


def test_the_page_explains_why_received_is_more_than_given(hr_client, org):
    html = page_cells(hr_client.get(INDEX))
    assert "Given and received count different things" in html
    assert "counts once as received for each of them" in html


def test_every_help_text_the_filters_point_at_exists(hr_client, org):
    import re

    html = page_cells(hr_client.get(INDEX))
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    described = [target for value in re.findall(r'aria-describedby="([^"]+)"', html)
                 for target in value.split()]
    assert described  # the group and date fields have help
    assert [t for t in described if t not in ids] == []


def test_employees_read_the_ratio_rule_the_dashboard_applies(client, employee):
    client.force_login(employee)
    html = client.get(WHAT).content.decode()
    assert "hidden whenever a figure it is made of is hidden" in html
