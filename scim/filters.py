"""SCIM filters (`userName eq "…"`, `externalId eq "…"`) as Django querysets, scoped to the
token's organisation. django-scim2's default parser emits raw PostgreSQL; its Django Q
transpiler works on every database we run (SQLite in development and CI, PostgreSQL)."""

from scim2_filter_parser.transpilers.django_q_object import get_query


class _ScopedFilter:
    attr_map: dict = {}
    model_name = ""
    related: tuple[str, ...] = ()

    @classmethod
    def search(cls, filter_query, request=None):
        from django.apps import apps

        query = get_query(filter_query, cls.attr_map)
        if query is None:  # only attributes the product does not keep
            raise ValueError(f"unsupported attribute in filter {filter_query!r}")
        model = apps.get_model("scim", cls.model_name)
        return (model.objects.filter(query, organisation=request.scim_organisation)
                .select_related("organisation", *cls.related).order_by("pk"))


class PersonFilter(_ScopedFilter):
    model_name = "ProvisionedPerson"
    related = ("user__department__scim_group", "user__manager__scim_identity")
    attr_map = {
        ("id", None, None): "scim_id",
        ("userName", None, None): "user_name",
        ("externalId", None, None): "external_id",
        ("active", None, None): "user__is_active",
        ("displayName", None, None): "user__display_name",
        ("emails", None, None): "user__email",
        ("emails", "value", None): "user__email",
    }


class DepartmentFilter(_ScopedFilter):
    model_name = "ProvisionedDepartment"
    related = ("department",)
    attr_map = {
        ("id", None, None): "scim_id",
        ("displayName", None, None): "department__name",
        ("externalId", None, None): "external_id",
    }
