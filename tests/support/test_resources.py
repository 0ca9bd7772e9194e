import pytest
from django.contrib import admin

from support import demo, selectors
from support.models import FacilitatorRequest, Report, ReportAccessLog, Resource


def resource(**fields) -> Resource:
    defaults = {"title": "A line", "kind": Resource.Kind.CRISIS_LINE, "phone": "+44 20 0000"}
    return Resource.objects.create(**{**defaults, **fields})


@pytest.mark.django_db
def test_support_page_groups_resources_by_kind(client, employee):
    resource(title="Listening line UK", country="GB")
    resource(title="Counselling", kind=Resource.Kind.EAP)
    resource(title="Dignity at work", kind=Resource.Kind.POLICY)
    client.force_login(employee)

    page = client.get("/support/").content.decode()

    assert (
        page.index("Crisis lines")
        < page.index("Employee assistance programme")
        < page.index("Policies")
    )
    assert "Listening line UK" in page and "Counselling" in page and "Dignity at work" in page


@pytest.mark.django_db
def test_crisis_lines_of_the_viewers_country_come_first(client, employee):
    employee.time_zone = "America/New_York"
    employee.save()
    resource(title="Aardvark line Germany", country="DE")
    resource(title="Line for anywhere", country="")
    resource(title="Line in the US", country="US")
    client.force_login(employee)

    page = client.get("/support/").content.decode()

    assert (
        page.index("Line in the US")
        < page.index("Line for anywhere")
        < page.index("Aardvark line Germany")
    )
    assert "Your region, from your time zone" in page


@pytest.mark.django_db
def test_a_viewer_in_no_country_sees_every_line_in_a_stable_order(employee):
    employee.time_zone = "UTC"
    resource(title="Germany", country="DE")
    resource(title="Anywhere", country="")

    sections = selectors.resource_sections(viewer=employee)

    countries = sections[0].countries
    assert [c.code for c in countries] == ["", "DE"]
    assert not any(c.is_viewers for c in countries)


@pytest.mark.django_db
def test_resource_markdown_is_rendered_and_sanitised(client, employee):
    resource(
        kind=Resource.Kind.EAP,
        title="EAP",
        body="**Free** counselling <script>alert(1)</script> [site](javascript:alert(1))",
    )
    client.force_login(employee)

    page = client.get("/support/").content.decode()

    assert "<strong>Free</strong>" in page
    assert "<script>alert(1)" not in page
    assert "javascript:alert" not in page


@pytest.mark.django_db
def test_inactive_resources_are_not_shown_or_sent(client, employee):
    resource(title="Retired line", is_active=False)
    client.force_login(employee)

    assert "Retired line" not in client.get("/support/").content.decode()
    assert selectors.support_resources() == []


@pytest.mark.django_db
def test_support_resources_lists_crisis_lines_first():
    eap = resource(title="EAP", kind=Resource.Kind.EAP)
    line = resource(title="Line", country="GB")

    assert selectors.support_resources() == [line, eap]


@pytest.mark.django_db
def test_the_page_offers_both_exits(client, employee):
    client.force_login(employee)

    page = client.get("/support/").content.decode()

    assert 'href="/support/facilitator/"' in page
    assert 'href="/support/reports/new/"' in page


@pytest.mark.django_db
def test_support_page_query_count_is_pinned(client, employee, django_assert_num_queries):
    for n in range(5):
        resource(title=f"Line {n}", country="GB")
        resource(title=f"Policy {n}", kind=Resource.Kind.POLICY)
    client.force_login(employee)

    # session, user, resources, has reports, has conversations, queue count
    with django_assert_num_queries(6):
        response = client.get("/support/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_support_page_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get("/support/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_demo_seed_is_idempotent_and_marks_placeholders():
    demo.seed({})
    demo.seed({})

    resources = Resource.objects.all()
    assert resources.count() == len(demo.RESOURCES)
    kinds = set(resources.values_list("kind", flat=True))
    assert {"eap", "crisis_line", "hr_contact", "policy"} <= kinds
    assert all("Example entry" in r.body for r in resources)


def test_reports_and_conversations_are_not_in_the_admin():
    registered = admin.site._registry
    assert Resource in registered
    for model in (Report, ReportAccessLog, FacilitatorRequest):
        assert model not in registered


def test_phone_link_keeps_digits_and_a_leading_plus():
    assert Resource(phone="+44 (20) 7946-0000").phone_href == "tel:+442079460000"
    assert Resource(phone="call us").phone_href == ""
