"""django-scim2 adapters: SCIM JSON in and out for people (Users) and departments (Groups).

They parse and validate what Entra ID and Okta send (both PATCH shapes included) and hand the
result to scim.services; bad input is a SCIM 400, a clash a 409 (RFC 7644 §3.12), never a 500.
Only what the product uses is kept (name, address, department, manager, active); other
attributes a directory sends (title, phone numbers, addresses) are ignored, not stored.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scim import constants, exceptions
from django_scim.adapters import SCIMGroup, SCIMUser
from django_scim.models import SCIMServiceProviderConfig

from peersupport.site import site_origin
from scim import services
from scim.models import ProvisionedDepartment, ProvisionedPerson
from scim.services import UNSET, PersonChanges

ENTERPRISE = constants.SchemaURI.ENTERPRISE_USER
CORE_USER = constants.SchemaURI.USER
MAX_RESULTS = 100
# What a person's representation reads: their account, department (and its SCIM group), and
# manager (and their SCIM id).
PERSON_RELATED = ("user__department__scim_group", "user__manager__scim_identity")


# --- django-scim2 settings hooks ------------------------------------------------------------

def base_location(request=None, *args, **kwargs) -> str:
    return site_origin()


def person_model():
    return ProvisionedPerson


def organisation_scope(model):
    """Every lookup and list is limited to the token's organisation."""

    def extra_filter_kwargs(request, *args, **kwargs) -> dict:
        return {"organisation": request.scim_organisation}

    return extra_filter_kwargs


def with_related(model):
    """Lists read each resource's account and department in the same query."""

    def post_process(request, qs, *args, **kwargs):
        related = {ProvisionedPerson: PERSON_RELATED,
                   ProvisionedDepartment: ("department",)}.get(qs.model, ())
        return qs.select_related(*related)

    return post_process


class ServiceProviderConfig(SCIMServiceProviderConfig):
    def to_dict(self) -> dict:
        config = super().to_dict()
        config["filter"] = {"supported": True, "maxResults": MAX_RESULTS}
        config["changePassword"] = {"supported": False}
        return config


# --- Parsing helpers ------------------------------------------------------------------------

def bad(detail: str, scim_type: str = "invalidValue") -> exceptions.BadRequestError:
    return exceptions.BadRequestError(detail, scim_type=scim_type)


def _text(value, attribute: str, *, max_length: int, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise bad(_("“%(attribute)s” must be a string.") % {"attribute": attribute})
    value = " ".join(value.split())
    if required and not value:
        raise bad(_("“%(attribute)s” is required.") % {"attribute": attribute})
    if len(value) > max_length:
        raise bad(_("“%(attribute)s” is longer than %(max)s characters.")
                  % {"attribute": attribute, "max": max_length})
    return value


def _boolean(value) -> bool:
    # Entra ID sends "True"/"False" as strings in some PATCH requests.
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise bad(_("“active” must be true or false."))


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise bad(_("“%(value)s” is not an email address.") % {"value": value}) from None
    return value.lower()


def _primary_email(emails) -> str | None:
    if isinstance(emails, dict):  # one address, not in a list (OneLogin, some PATCH values)
        emails = [emails]
    if isinstance(emails, str):
        return _email(emails.strip())
    if not isinstance(emails, list):
        raise bad(_("“emails” must be a list."))
    candidates = [e for e in emails if isinstance(e, dict) and isinstance(e.get("value"), str)
                  and e["value"].strip()]
    if not candidates:
        return None
    primary = [e for e in candidates if e.get("primary") in (True, "true", "True")]
    work = [e for e in candidates if str(e.get("type", "")).lower() == "work"]
    return _email((primary or work or candidates)[0]["value"].strip())


def _manager(value) -> str | None:
    """A manager reference: "<id>", {"value": "<id>"}, or empty (no manager)."""
    if isinstance(value, dict):
        value = value.get("value")
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise bad(_("“manager” must be a person's id."))
    return value.strip() or None


def _name(name: dict, given: str = "", family: str = "") -> str:
    if not isinstance(name, dict):
        raise bad(_("“name” must be an object."))
    formatted = _text(name.get("formatted"), "name.formatted", max_length=254)
    given = _text(name.get("givenName", given), "name.givenName", max_length=254)
    family = _text(name.get("familyName", family), "name.familyName", max_length=254)
    return formatted or " ".join(part for part in (given, family) if part)


def _path(path: str) -> tuple[str, str]:
    """A PATCH path as (attribute, sub-attribute), lower case, without schema URN or filter:
    `urn:…:enterprise:2.0:User:department` → ("department", ""), `name.givenName` →
    ("name", "givenname"), `emails[type eq "work"].value` → ("emails", "value")."""
    if not isinstance(path, str) or not path.strip():
        raise bad(_("A PATCH path must be a non-empty string."), "invalidPath")
    low = path.strip().lower()
    if low == ENTERPRISE.lower():
        return "enterprise", ""
    for urn in (ENTERPRISE.lower() + ":", CORE_USER.lower() + ":"):
        if low.startswith(urn):
            low = low[len(urn):]
    low = re.sub(r"\[[^\]]*\]", "", low)
    attribute, _dot, sub = low.partition(".")
    return attribute, sub


# --- People ---------------------------------------------------------------------------------

def _meta(adapter, resource_type: str) -> dict:
    """The `meta` block of a resource (RFC 7643 §3.1)."""
    return {"resourceType": resource_type, "created": adapter.obj.created_at.isoformat(),
            "lastModified": adapter.obj.updated_at.isoformat(), "location": adapter.location}


def _require_object(d) -> None:
    if not isinstance(d, dict):
        raise bad(_("The body must be a JSON object."), "invalidSyntax")


class SCIMPerson(SCIMUser):
    id_field = "scim_id"
    url_name = "scim:users"

    def __init__(self, obj, request=None):
        super().__init__(obj, request)
        self.changes: PersonChanges | None = None

    @property
    def organisation(self):
        return self.request.scim_organisation

    @property
    def display_name(self) -> str:
        return self.obj.user.name

    def to_dict(self) -> dict:
        user = self.obj.user
        organisation_id = self.obj.organisation_id
        enterprise = {"department": user.department.name if user.department_id else ""}
        # Read through the joins of PERSON_RELATED (no query per person in a list).
        manager = getattr(user.manager, "scim_identity", None) if user.manager_id else None
        if manager is not None and manager.organisation_id == organisation_id:
            enterprise["manager"] = {"value": manager.scim_id}
        groups = []
        group = getattr(user.department, "scim_group", None) if user.department_id else None
        if group is not None and group.organisation_id == organisation_id:
            groups.append({"value": group.scim_id, "display": user.department.name,
                           "$ref": urljoin(base_location(), reverse(
                               "scim:groups", kwargs={"uuid": group.scim_id}))})
        return {
            "schemas": [CORE_USER, ENTERPRISE],
            "id": self.obj.scim_id,
            "externalId": self.obj.external_id or None,
            "userName": self.obj.user_name,
            "name": {"formatted": user.display_name},
            "displayName": user.display_name,
            "emails": [{"value": user.email, "primary": True, "type": "work"}],
            "active": user.is_active,
            "groups": groups,
            ENTERPRISE: enterprise,
            "meta": _meta(self, "User"),
        }

    def validate_dict(self, d) -> None:
        _require_object(d)

    def from_dict(self, d: dict) -> None:
        """A whole representation (POST, PUT)."""
        creating = self.obj.pk is None
        changes = PersonChanges()
        changes.user_name = _text(d.get("userName"), "userName", max_length=254, required=True)
        email = _primary_email(d["emails"]) if d.get("emails") else None
        if email is None:
            if "@" not in changes.user_name:
                raise bad(_("Give the person's work address in “emails” (or as userName)."))
            email = _email(changes.user_name)
        changes.email = email
        display_name = _text(d.get("displayName"), "displayName", max_length=254)
        if not display_name and isinstance(d.get("name"), dict):
            display_name = _name(d["name"])
        if display_name or creating:
            changes.display_name = display_name
        if "externalId" in d or creating:
            changes.external_id = _text(d.get("externalId"), "externalId", max_length=254)
        if "active" in d:
            changes.active = _boolean(d["active"])
        extension = d.get(ENTERPRISE)
        if extension is not None:
            if not isinstance(extension, dict):
                raise bad(_("The enterprise extension must be an object."))
            changes.department = _text(extension.get("department"), "department",
                                       max_length=120) or None
            changes.manager = _manager(extension.get("manager"))
        self.changes = changes

    def save(self) -> None:
        try:
            if self.obj.pk is None:
                self.obj = services.person_provision(organisation=self.organisation,
                                                     changes=self.changes)
            else:
                self.obj = services.person_update(identity=self.obj, changes=self.changes)
        except services.Conflict as exc:
            raise exceptions.IntegrityError(str(exc), scim_type="uniqueness") from None
        except services.Invalid as exc:
            raise bad(str(exc)) from None

    def delete(self) -> None:
        services.person_delete(identity=self.obj)

    def handle_operations(self, operations) -> None:
        """PATCH (RFC 7644 §3.5.2), in Entra ID's shape (`{"op": "Replace", "path": "active",
        "value": "False"}`) and Okta's (`{"op": "replace", "value": {"active": false}}`)."""
        if not isinstance(operations, list):
            raise bad(_("“Operations” must be a list."), "invalidSyntax")
        changes = PersonChanges()
        names: dict[str, str] = {}
        for operation in operations:
            if not isinstance(operation, dict):
                raise bad(_("Each operation must be an object."), "invalidSyntax")
            op = str(operation.get("op", "")).lower()
            if op not in constants.VALID_PATCH_OPS:
                raise bad(_("Unknown PATCH op “%(op)s”.") % {"op": operation.get("op")},
                          "invalidSyntax")
            path, value = operation.get("path"), operation.get("value")
            if op == "remove":
                if not path:
                    raise bad(_("A remove operation needs a path."), "noTarget")
                self._remove(changes, *_path(path))
            elif path:
                self._set(changes, names, *_path(path), value)
            elif isinstance(value, dict):
                for key, item in value.items():
                    self._set(changes, names, *_path(key), item)
            else:
                raise bad(_("An operation without a path needs an object as its value."),
                          "invalidSyntax")
        if changes.display_name is UNSET and names:
            formatted = names.get("formatted") or " ".join(
                names[part] for part in ("givenname", "familyname") if names.get(part))
            if formatted:
                changes.display_name = formatted
        self.changes = changes
        self.save()

    def _set(self, changes: PersonChanges, names: dict, attribute: str, sub: str, value) -> None:
        if attribute == "active":
            changes.active = _boolean(value)
        elif attribute == "username":
            changes.user_name = _text(value, "userName", max_length=254, required=True)
        elif attribute == "externalid":
            changes.external_id = _text(value, "externalId", max_length=254)
        elif attribute == "displayname":
            changes.display_name = _text(value, "displayName", max_length=254)
        elif attribute == "name":
            if sub:
                names[sub] = _text(value, f"name.{sub}", max_length=254)
            else:
                if not isinstance(value, dict):
                    raise bad(_("“name” must be an object."))
                for key, item in value.items():
                    names[key.lower()] = _text(item, f"name.{key}", max_length=254)
        elif attribute == "emails":
            if sub and sub != "value":
                return
            email = _primary_email(value)
            if email is None:
                raise bad(_("“emails” holds no address."))
            changes.email = email
        elif attribute == "department":
            changes.department = _text(value, "department", max_length=120) or None
        elif attribute == "manager":
            changes.manager = _manager(value)
        elif attribute == "enterprise":
            if not isinstance(value, dict):
                raise bad(_("The enterprise extension must be an object."))
            for key, item in value.items():
                self._set(changes, names, *_path(key), item)
        # Anything else (title, phoneNumbers, addresses, …) is not kept by the product.

    def _remove(self, changes: PersonChanges, attribute: str, sub: str) -> None:
        if attribute == "department":
            changes.department = None
        elif attribute == "manager":
            changes.manager = None
        elif attribute == "externalid":
            changes.external_id = ""
        elif attribute in ("username", "emails", "active"):
            raise bad(_("“%(attribute)s” cannot be removed.") % {"attribute": attribute},
                      "mutability")


# --- Departments ----------------------------------------------------------------------------

class SCIMDepartment(SCIMGroup):
    id_field = "scim_id"
    url_name = "scim:groups"

    def __init__(self, obj, request=None):
        super().__init__(obj, request)
        self.name = UNSET
        self.external_id = UNSET
        self.new_members: list[str] | None = None

    @property
    def display_name(self) -> str:
        return self.obj.department.name

    @property
    def members_list(self) -> list[dict]:
        people = (ProvisionedPerson.objects.filter(organisation_id=self.obj.organisation_id,
                                                   user__department=self.obj.department_id)
                  .select_related("user").order_by("pk"))
        return [{"value": person.scim_id, "display": person.user.name,
                 "$ref": urljoin(base_location(), reverse(
                     "scim:users", kwargs={"uuid": person.scim_id}))} for person in people]

    def to_dict(self) -> dict:
        return {
            "schemas": [constants.SchemaURI.GROUP],
            "id": self.obj.scim_id,
            "externalId": self.obj.external_id or None,
            "displayName": self.display_name,
            "members": self.members_list,
            "meta": _meta(self, "Group"),
        }

    def validate_dict(self, d) -> None:
        _require_object(d)

    def from_dict(self, d: dict) -> None:
        self.name = _text(d.get("displayName"), "displayName", max_length=120, required=True)
        if "externalId" in d or self.obj.pk is None:
            self.external_id = _text(d.get("externalId"), "externalId", max_length=254)
        if "members" in d or self.obj.pk is None:
            self.new_members = _member_ids(d.get("members") or [])

    def save(self) -> None:
        try:
            if self.obj.pk is None:
                self.obj = services.department_provision(
                    organisation=self.request.scim_organisation, name=self.name,
                    external_id=self.external_id if self.external_id is not UNSET else "")
            else:
                services.department_update(group=self.obj, name=self.name,
                                           external_id=self.external_id)
            if self.new_members is not None:
                services.department_members_set(group=self.obj, scim_ids=self.new_members)
        except services.Conflict as exc:
            raise exceptions.IntegrityError(str(exc), scim_type="uniqueness") from None
        except services.Invalid as exc:
            raise bad(str(exc)) from None

    def delete(self) -> None:
        services.department_delete(group=self.obj)

    def handle_operations(self, operations) -> None:
        if not isinstance(operations, list):
            raise bad(_("“Operations” must be a list."), "invalidSyntax")
        try:
            for operation in operations:
                if not isinstance(operation, dict):
                    raise bad(_("Each operation must be an object."), "invalidSyntax")
                self._operation(operation)
        except services.Conflict as exc:
            raise exceptions.IntegrityError(str(exc), scim_type="uniqueness") from None
        except services.Invalid as exc:
            raise bad(str(exc)) from None

    def _operation(self, operation: dict) -> None:
        op = str(operation.get("op", "")).lower()
        if op not in constants.VALID_PATCH_OPS:
            raise bad(_("Unknown PATCH op “%(op)s”.") % {"op": operation.get("op")},
                      "invalidSyntax")
        raw_path, value = operation.get("path"), operation.get("value")
        if not raw_path:
            if op == "remove" or not isinstance(value, dict):
                raise bad(_("An operation without a path needs an object as its value."),
                          "noTarget" if op == "remove" else "invalidSyntax")
            for key, item in value.items():
                self._operation({"op": op, "path": key, "value": item})
            return
        if not isinstance(raw_path, str):
            raise bad(_("A PATCH path must be a non-empty string."), "invalidPath")
        attribute = raw_path.strip().split("[", 1)[0].split(".", 1)[0].lower()
        if attribute == "members":
            # Okta removes one member with a filter: members[value eq "<id>"].
            match = re.search(r'\[\s*value\s+eq\s+"([^"]*)"\s*\]', raw_path, re.IGNORECASE)
            ids = [match.group(1)] if match else _member_ids(value or [])
            if op == "add":
                services.department_members_add(group=self.obj, scim_ids=ids)
            elif op == "remove" and not match and value is None:
                services.department_members_set(group=self.obj, scim_ids=[])
            elif op == "remove":
                services.department_members_remove(group=self.obj, scim_ids=ids)
            else:
                services.department_members_set(group=self.obj, scim_ids=ids)
        elif attribute == "displayname" and op != "remove":
            services.department_update(group=self.obj, name=_text(
                value, "displayName", max_length=120, required=True))
        elif attribute == "externalid":
            services.department_update(group=self.obj, external_id="" if op == "remove" else
                                       _text(value, "externalId", max_length=254))
        elif attribute == "id":
            return  # Okta repeats the id in its replace value
        else:
            raise bad(_("Departments have no attribute “%(path)s” to change.")
                      % {"path": raw_path}, "invalidPath")


def _member_ids(members) -> list[str]:
    if isinstance(members, dict):
        members = [members]
    if not isinstance(members, list):
        raise bad(_("“members” must be a list."))
    ids = []
    for member in members:
        value = member.get("value") if isinstance(member, dict) else None
        if not isinstance(value, str) or not value.strip():
            raise bad(_("Each member needs a “value”: the person's id."))
        ids.append(value.strip())
    return ids
