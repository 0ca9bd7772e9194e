"""Tokens are created here and shown once; revoking one refuses its next request."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from scim import services
from scim.models import Organisation, ProvisionedDepartment, ProvisionedPerson, Token


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "email_domains", "created_at"]
    search_fields = ["name"]


class TokenAddForm(forms.ModelForm):
    class Meta:
        model = Token
        fields = ["organisation", "name"]


@admin.register(Token)
class TokenAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "prefix", "created_at", "last_used_at",
                    "revoked_at"]
    list_filter = ["organisation"]
    readonly_fields = ["organisation", "prefix", "created_at", "last_used_at", "revoked_at"]
    fields = ["organisation", "name", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke_selected"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = TokenAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return ["organisation", "name"] if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # revoked, never deleted: the list keeps who had access and when

    def save_model(self, request, obj: Token, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        token, raw = services.token_create(organisation=obj.organisation, name=obj.name)
        for field in ("pk", "prefix", "digest", "created_at"):
            setattr(obj, field, getattr(token, field))
        request._scim_new_token = raw

    def response_add(self, request, obj: Token, post_url_continue=None):
        raw = getattr(request, "_scim_new_token", None)
        if raw is None:
            return super().response_add(request, obj, post_url_continue)
        # The only time the token is shown: on this page, never in a message or a cookie.
        return TemplateResponse(request, "scim/admin/token_created.html", {
            **self.admin_site.each_context(request),
            "opts": self.opts, "token": obj, "secret": raw,
            "title": _("Copy the new token now"),
        })

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke_selected(self, request, queryset) -> None:
        count = sum(services.token_revoke(token=token) for token in queryset)
        self.message_user(request, ngettext("Revoked %(count)d token.",
                                            "Revoked %(count)d tokens.", count)
                          % {"count": count}, messages.SUCCESS)


@admin.register(ProvisionedPerson)
class ProvisionedPersonAdmin(admin.ModelAdmin):
    list_display = ["user_name", "organisation", "external_id", "updated_at"]
    list_filter = ["organisation"]
    search_fields = ["user_name", "external_id"]
    readonly_fields = ["scim_id", "organisation", "user", "user_name", "external_id",
                       "created_at", "updated_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ProvisionedDepartment)
class ProvisionedDepartmentAdmin(admin.ModelAdmin):
    list_display = ["department", "organisation", "external_id", "updated_at"]
    list_filter = ["organisation"]
    readonly_fields = ["scim_id", "organisation", "department", "external_id",
                       "created_at", "updated_at"]

    def has_add_permission(self, request) -> bool:
        return False
