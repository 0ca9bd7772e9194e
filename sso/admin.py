from django import forms
from django.contrib import admin

from sso.models import DomainRule


class DomainRuleForm(forms.ModelForm):
    class Meta:
        model = DomainRule
        fields = ["domain", "provider_id", "sso_only"]

    def clean_domain(self) -> str:
        return self.cleaned_data["domain"].strip().lower().lstrip("@")


@admin.register(DomainRule)
class DomainRuleAdmin(admin.ModelAdmin):
    form = DomainRuleForm
    list_display = ["domain", "provider_id", "sso_only"]
    list_filter = ["sso_only"]
    search_fields = ["domain", "provider_id"]
