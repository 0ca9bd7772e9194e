"""Site-wide roles: facilitator and HR pages refuse everyone else; both demand two-factor."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.foundation.urls")]

FACILITATOR_PAGE = "/test/facilitator-page/"
HR_PAGE = "/test/hr-page/"


def test_employee_gets_403_on_a_facilitator_page(client, employee):
    client.force_login(employee)

    response = client.get(FACILITATOR_PAGE)

    assert response.status_code == 403
    assert "You can't do that here" in response.content.decode()


def test_hr_admin_gets_403_on_a_facilitator_page(client, hr, mfa_exempt):
    mfa_exempt(hr)
    client.force_login(hr)

    assert client.get(FACILITATOR_PAGE).status_code == 403


@pytest.mark.parametrize("persona", ["employee", "facilitator"])
def test_hr_pages_refuse_everyone_but_hr(client, request, persona, mfa_exempt):
    user = request.getfixturevalue(persona)
    mfa_exempt(user)
    client.force_login(user)

    assert client.get(HR_PAGE).status_code == 403


def test_facilitator_with_two_factor_opens_the_facilitator_page(client, facilitator,
                                                                login_with_two_factor):
    login_with_two_factor(client, facilitator)

    response = client.get(FACILITATOR_PAGE)

    assert response.status_code == 200
    assert response.content == b"facilitator tools"


def test_hr_admin_with_two_factor_opens_the_hr_page(client, hr, login_with_two_factor):
    login_with_two_factor(client, hr)

    assert client.get(HR_PAGE).status_code == 200


@pytest.mark.parametrize("page", [FACILITATOR_PAGE, HR_PAGE])
def test_anonymous_visitor_is_sent_to_log_in(client, page):
    response = client.get(page)

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={page}"


def test_role_holder_without_two_factor_is_sent_to_set_it_up(client, facilitator, hr):
    for user, page in [(facilitator, FACILITATOR_PAGE), (hr, HR_PAGE)]:
        client.force_login(user)

        response = client.get(page)

        assert response.status_code == 302
        assert response.url == "/accounts/2fa/totp/activate/"


def test_deactivated_role_holder_loses_the_role_pages(client, facilitator, two_factor):
    from accounts.services import user_deactivate

    two_factor(facilitator)
    client.force_login(facilitator)
    user_deactivate(user=facilitator)

    response = client.get(FACILITATOR_PAGE)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_a_revoked_role_closes_the_page_at_once(client, facilitator, login_with_two_factor):
    from accounts.services import user_role_revoke

    login_with_two_factor(client, facilitator)
    user_role_revoke(user=facilitator, role="facilitator")

    assert client.get(FACILITATOR_PAGE).status_code == 403


def test_navigation_offers_the_dashboard_to_hr_only(client, employee, hr, settings):
    settings.ROOT_URLCONF = "tests.foundation.urls_with_dashboard"
    client.force_login(employee)
    assert 'href="/dashboard/"' not in client.get("/").content.decode()

    client.force_login(hr)
    assert 'href="/dashboard/"' in client.get("/").content.decode()


# --- The real pages, where they exist -------------------------------------------------------

@pytest.mark.urls("peersupport.urls")
def test_employee_gets_403_on_the_real_start_a_group_page(client, employee):
    client.force_login(employee)

    assert client.get("/groups/new/").status_code == 403


@pytest.mark.urls("peersupport.urls")
def test_facilitator_reaches_the_real_start_a_group_page_only_with_two_factor(
        client, facilitator, two_factor, login_with_two_factor):
    client.force_login(facilitator)
    assert client.get("/groups/new/").url == "/accounts/2fa/totp/activate/"

    # Set up elsewhere, then a password-only login is asked for the code first ...
    two_factor(facilitator)
    client.force_login(facilitator)
    assert client.get("/groups/new/").url.startswith("/accounts/2fa/reauthenticate/")

    # ... and a login that gave it opens the page.
    login_with_two_factor(client, facilitator)
    assert client.get("/groups/new/").status_code == 200


@pytest.mark.urls("peersupport.urls")
def test_home_offers_start_a_group_to_facilitators_only(client, employee, facilitator):
    client.force_login(employee)
    assert 'href="/groups/new/"' not in client.get("/").content.decode()

    client.force_login(facilitator)
    assert 'href="/groups/new/"' in client.get("/").content.decode()
