"""A scripted run of the RFC 7644 requests Entra ID and Okta send, in the order they send them
(Microsoft's "Develop a SCIM endpoint" validator sequence; Okta's SCIM 2.0 test plan)."""

import pytest

from accounts.models import Department, User
from groups.selectors import avoid_suggestions
from scim.models import ProvisionedPerson
from tests.scim.conftest import (
    ENTERPRISE,
    GROUP_SCHEMA,
    PATCH_OP,
    assert_scim_error,
    user_body,
)

pytestmark = pytest.mark.django_db

LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse"


def test_entra_id_user_lifecycle(scim):
    # 1. Entra looks the person up first, by userName and by externalId.
    response = scim.get('Users?filter=userName eq "ana.lopez@example.com"')
    assert response.status_code == 200
    assert response.data["schemas"] == [LIST]
    assert response.data["totalResults"] == 0
    assert response.data["Resources"] == []

    # 2. Creates them.
    response = scim.post("Users", user_body("Ana.Lopez@example.com", externalId="ana-0001",
                                            displayName="Ana López"))
    assert response.status_code == 201, response.content
    created = response.data
    assert created["userName"] == "Ana.Lopez@example.com"
    assert created["active"] is True
    assert created["externalId"] == "ana-0001"
    assert response["Location"].endswith(f"/scim/v2/Users/{created['id']}")
    user = User.objects.get(email="ana.lopez@example.com")
    assert user.display_name == "Ana López" and user.is_active
    assert not user.has_usable_password()

    # 3. Finds them again (userName is case-insensitive), and by externalId.
    response = scim.get('Users?filter=userName eq "ana.lopez@EXAMPLE.com"')
    assert [r["id"] for r in response.data["Resources"]] == [created["id"]]
    response = scim.get('Users?filter=externalId eq "ana-0001"')
    assert [r["id"] for r in response.data["Resources"]] == [created["id"]]
    assert scim.get(f"Users/{created['id']}").data["userName"] == "Ana.Lopez@example.com"

    # 4. Creating the same userName again is a conflict.
    response = scim.post("Users", user_body("ana.lopez@example.com"))
    assert_scim_error(response, 409)
    assert response.data["scimType"] == "uniqueness"

    # 5. Entra's PATCH shapes: filtered email path, name parts, enterprise URN paths.
    manager = scim.post("Users", user_body("boss@example.com", displayName="Bo Boss")).data
    response = scim.patch(f"Users/{created['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "Replace", "path": 'emails[type eq "work"].value',
         "value": "ana.lopez-garcia@example.com"},
        {"op": "Replace", "path": "displayName", "value": "Ana López García"},
        {"op": "Add", "path": f"{ENTERPRISE}:department", "value": "Finance"},
        {"op": "Add", "path": f"{ENTERPRISE}:manager", "value": manager["id"]},
        {"op": "Replace", "path": "title", "value": "Analyst"},  # not kept, not refused
    ]})
    assert response.status_code == 200, response.content
    assert response.data[ENTERPRISE] == {"department": "Finance",
                                         "manager": {"value": manager["id"]}}
    user.refresh_from_db()
    assert user.email == "ana.lopez-garcia@example.com"
    assert user.display_name == "Ana López García"
    assert user.department.name == "Finance"
    # The manager flows into the "rather not share a room with" suggestion.
    assert avoid_suggestions(owner=user) == [User.objects.get(email="boss@example.com")]

    # 6. Entra deactivates with a string "False".
    response = scim.patch(f"Users/{created['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "Replace", "path": "active", "value": "False"}]})
    assert response.status_code == 200
    assert response.data["active"] is False
    user.refresh_from_db()
    assert not user.is_active
    response = scim.get('Users?filter=active eq false')
    assert [r["id"] for r in response.data["Resources"]] == [created["id"]]

    # 7. And deletes: gone for SCIM, the address free again.
    assert scim.delete(f"Users/{created['id']}").status_code == 204
    assert_scim_error(scim.get(f"Users/{created['id']}"), 404)
    assert not User.objects.filter(email="ana.lopez-garcia@example.com").exists()
    assert scim.post("Users", user_body("ana.lopez-garcia@example.com")).status_code == 201


def test_okta_user_lifecycle(scim):
    response = scim.get('Users?filter=userName%20eq%20%22kai@example.com%22&startIndex=1'
                        '&count=100')
    assert response.data["totalResults"] == 0

    body = user_body("kai@example.com", displayName="Kai Kim")
    created = scim.post("Users", body).data

    # Okta PUTs the whole person.
    body.update({"id": created["id"], "displayName": "Kai Kim-Lee",
                 ENTERPRISE: {"department": "Support"}})
    response = scim.put(f"Users/{created['id']}", body)
    assert response.status_code == 200, response.content
    assert response.data["displayName"] == "Kai Kim-Lee"
    assert User.objects.get(email="kai@example.com").department.name == "Support"

    # Okta deactivates with a pathless replace.
    response = scim.patch(f"Users/{created['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "replace", "value": {"active": False}}]})
    assert response.status_code == 200
    assert not User.objects.get(email="kai@example.com").is_active

    # And reactivates the same way.
    response = scim.patch(f"Users/{created['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "replace", "value": {"active": True}}]})
    assert response.data["active"] is True
    assert User.objects.get(email="kai@example.com").is_active


def test_pagination_with_start_index_and_count(scim):
    ids = [scim.post("Users", user_body(f"p{n}@example.com")).data["id"] for n in range(5)]

    first = scim.get("Users?startIndex=1&count=2").data
    second = scim.get("Users?startIndex=3&count=2").data
    third = scim.get("Users?startIndex=5&count=2").data

    assert [first["totalResults"], first["itemsPerPage"], first["startIndex"]] == [5, 2, 1]
    assert [third["itemsPerPage"], third["startIndex"]] == [1, 5]
    seen = [r["id"] for page in (first, second, third) for r in page["Resources"]]
    assert sorted(seen) == sorted(ids)
    # Out-of-range values are brought into range, not refused (RFC 7644 §3.4.2.4).
    assert scim.get("Users?startIndex=0&count=-3").data["itemsPerPage"] == 0
    filtered = scim.get('Users?filter=userName sw "p"&startIndex=2&count=2').data
    assert [filtered["totalResults"], filtered["itemsPerPage"]] == [5, 2]


def test_groups_are_departments_with_members_added_and_removed(scim):
    ana = scim.post("Users", user_body("ana@example.com")).data
    ben = scim.post("Users", user_body("ben@example.com")).data

    # Entra: look up, create, add a member, remove it.
    assert scim.get('Groups?filter=displayName eq "Engineering"').data["totalResults"] == 0
    response = scim.post("Groups", {"schemas": [GROUP_SCHEMA], "displayName": "Engineering",
                                    "externalId": "grp-eng", "members": []})
    assert response.status_code == 201, response.content
    group = response.data
    assert Department.objects.filter(name="Engineering").exists()
    found = scim.get('Groups?filter=displayName eq "Engineering"').data["Resources"]
    assert [g["id"] for g in found] == [group["id"]]

    response = scim.patch(f"Groups/{group['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "Add", "path": "members", "value": [{"value": ana["id"]}, {"value": ben["id"]}]}]})
    assert response.status_code == 200, response.content
    assert sorted(m["value"] for m in response.data["members"]) == sorted([ana["id"], ben["id"]])
    assert User.objects.get(email="ana@example.com").department.name == "Engineering"
    assert scim.get(f"Users/{ana['id']}").data["groups"][0]["value"] == group["id"]

    response = scim.patch(f"Groups/{group['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "Remove", "path": "members", "value": [{"value": ana["id"]}]}]})
    assert [m["value"] for m in response.data["members"]] == [ben["id"]]
    assert User.objects.get(email="ana@example.com").department is None

    # Okta: rename with a pathless replace, remove a member by filter.
    response = scim.patch(f"Groups/{group['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "replace", "value": {"id": group["id"], "displayName": "Platform"}}]})
    assert response.data["displayName"] == "Platform"
    response = scim.patch(f"Groups/{group['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "remove", "path": f'members[value eq "{ben["id"]}"]'}]})
    assert response.data["members"] == []

    # PUT replaces the member list; DELETE empties the department but keeps it for past figures.
    response = scim.put(f"Groups/{group['id']}", {"schemas": [GROUP_SCHEMA],
                                                  "displayName": "Platform",
                                                  "members": [{"value": ana["id"]}]})
    assert [m["value"] for m in response.data["members"]] == [ana["id"]]
    assert scim.delete(f"Groups/{group['id']}").status_code == 204
    assert_scim_error(scim.get(f"Groups/{group['id']}"), 404)
    assert User.objects.get(email="ana@example.com").department is None
    assert Department.objects.filter(name="Platform").exists()


def test_a_token_sees_only_its_own_organisations_people(scim, organisation):
    from scim import services
    from scim.models import Organisation
    from tests.scim.conftest import ScimClient

    mine = scim.post("Users", user_body("mine@example.com")).data
    other_org = Organisation.objects.create(name="Other Co", email_domains="other.org")
    _token, raw = services.token_create(organisation=other_org, name="Okta")
    other = ScimClient(raw)

    assert other.get("Users").data["totalResults"] == 0
    assert other.get('Users?filter=userName eq "mine@example.com"').data["totalResults"] == 0
    assert_scim_error(other.get(f"Users/{mine['id']}"), 404)
    assert_scim_error(other.patch(f"Users/{mine['id']}", {"schemas": [PATCH_OP], "Operations": [
        {"op": "replace", "value": {"active": False}}]}), 404)
    assert_scim_error(other.delete(f"Users/{mine['id']}"), 404)
    # And may create people only at its own domains.
    response = other.post("Users", user_body("someone@example.com"))
    assert_scim_error(response, 400)
    assert ProvisionedPerson.objects.get(scim_id=mine["id"]).user.is_active


def test_an_existing_account_is_adopted_not_duplicated(scim, employee):
    employee.email = "erin@example.com"
    employee.save(update_fields=["email"])

    response = scim.post("Users", user_body("erin@example.com"))

    assert response.status_code == 201
    assert ProvisionedPerson.objects.get(scim_id=response.data["id"]).user == employee


@pytest.mark.parametrize("method, path, body", [
    ("post", "Users", {"userName": ""}),
    ("post", "Users", {"userName": "no-address"}),
    ("post", "Users", {"userName": "x@example.com", "emails": [{"value": "not an email"}]}),
    ("post", "Users", {"userName": "x@example.com", "active": "maybe"}),
    ("post", "Users", {"userName": 42}),
    ("post", "Users", [1, 2]),
    ("post", "Users", {"userName": "x@example.com", ENTERPRISE: "Finance"}),
    ("post", "Users", {"userName": "x@example.com",
                       ENTERPRISE: {"manager": {"value": "nobody"}}}),
    ("post", "Groups", {"displayName": ""}),
    ("post", "Groups", {"displayName": "Ops", "members": [{"value": "nobody"}]}),
    ("post", "Groups", {"displayName": "Ops", "members": "all"}),
])
def test_bad_input_is_a_scim_400(scim, method, path, body):
    assert_scim_error(getattr(scim, method)(path, body), 400)


@pytest.mark.parametrize("operations", [
    None,
    "replace everything",
    [{"op": "frobnicate", "path": "active", "value": True}],
    [{"path": "active", "value": True}],
    [{"op": "replace", "path": "active", "value": "perhaps"}],
    [{"op": "replace", "value": "not an object"}],
    [{"op": "remove"}],
    [{"op": "remove", "path": "userName"}],
    [{"op": "replace", "path": 7, "value": "x"}],
    ["not an operation"],
    [{"op": "replace", "path": "emails", "value": "not an email"}],
    [{"op": "add", "path": f"{ENTERPRISE}:manager", "value": {"value": "nobody"}}],
])
def test_bad_patches_are_scim_400s(scim, operations):
    person = scim.post("Users", user_body("pat@example.com")).data

    response = scim.patch(f"Users/{person['id']}", {"schemas": [PATCH_OP],
                                                     "Operations": operations})

    assert_scim_error(response, 400)
    assert User.objects.get(email="pat@example.com").is_active


def test_malformed_requests_never_reach_a_500(scim):
    person = scim.post("Users", user_body("m@example.com")).data
    assert_scim_error(scim.post("Users", raw="{not json"), 400)
    assert_scim_error(scim.put(f"Users/{person['id']}", raw="\"a string\""), 400)
    assert_scim_error(scim.get("Users?filter=userName eq"), 400)
    response = scim.get('Users?filter=favouriteColour eq "blue"')
    assert_scim_error(response, 400)
    assert response.data["scimType"] == "invalidFilter"
    assert_scim_error(scim.get("Users?count=ten"), 400)
    assert_scim_error(scim.get("Users/not-an-id"), 404)
    assert_scim_error(scim.patch("Groups/not-an-id", {"Operations": []}), 404)
    assert_scim_error(scim.get("Nothing/here"), 404)
    group = scim.post("Groups", {"displayName": "Ops"}).data
    assert_scim_error(scim.patch(f"Groups/{group['id']}", {"Operations": [
        {"op": "replace", "path": "owner", "value": "x"}]}), 400)
    assert_scim_error(scim.post("Groups", {"displayName": "ops"}), 409)
    other = scim.post("Users", user_body("other@example.com")).data
    assert_scim_error(scim.patch(f"Users/{other['id']}", {"Operations": [
        {"op": "replace", "path": "userName", "value": "M@example.com"}]}), 409)


def test_discovery_endpoints(scim):
    config = scim.get("ServiceProviderConfig")
    assert config.status_code == 200
    assert config.data["patch"]["supported"] is True
    assert config.data["authenticationSchemes"][0]["type"] == "oauthbearertoken"
    types = {r["id"] for r in scim.get("ResourceTypes").data["Resources"]}
    assert types == {"User", "Group"}
    assert scim.get("Schemas").status_code == 200


def test_a_list_page_costs_the_same_few_queries_however_many_people(scim,
                                                                    django_assert_num_queries):
    boss = scim.post("Users", user_body("boss@example.com")).data
    group = scim.post("Groups", {"displayName": "Sales"}).data
    for n in range(3):
        person = scim.post("Users", user_body(f"s{n}@example.com", **{ENTERPRISE: {
            "manager": {"value": boss["id"]}}})).data
        scim.patch(f"Groups/{group['id']}", {"Operations": [
            {"op": "add", "path": "members", "value": [{"value": person["id"]}]}]})

    # 1. the token (its last use was written a moment ago), 2. the page of people with their
    # accounts, departments and managers (each with its SCIM id) joined in.
    with django_assert_num_queries(2):
        response = scim.get("Users?count=100")

    people = {r["userName"]: r for r in response.data["Resources"]}
    assert people["s0@example.com"][ENTERPRISE] == {"department": "Sales",
                                                    "manager": {"value": boss["id"]}}
    assert people["s0@example.com"]["groups"][0]["value"] == group["id"]


def test_removing_a_member_the_directory_already_deleted_is_not_an_error(scim):
    person = scim.post("Users", user_body("gone@example.com")).data
    group = scim.post("Groups", {"displayName": "Legal", "members": [
        {"value": person["id"]}]}).data
    scim.delete(f"Users/{person['id']}")

    response = scim.patch(f"Groups/{group['id']}", {"Operations": [
        {"op": "Remove", "path": "members", "value": [{"value": person["id"]}]}]})

    assert response.status_code == 200
    assert response.data["members"] == []
