from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import services
from accounts.models import Department, User


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "people"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("members"))

    @admin.display(description=_("People"), ordering="people_count")
    def people(self, obj: Department) -> int:
        return obj.people_count


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "department", "is_facilitator", "is_hr", "is_active"]
    list_filter = ["is_facilitator", "is_hr", "is_active", "is_staff", "department"]
    list_select_related = ["department"]
    search_fields = ["email", "display_name"]
    autocomplete_fields = ["department", "manager"]
    actions = ["deactivate_selected"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("display_name", "pronouns", "department", "time_zone",
                                   "language", "manager")}),
        (_("Roles"), {"fields": ("is_facilitator", "is_hr"),
                      "description": _("Facilitators and HR admins must set up two-factor "
                                       "authentication before their pages open.")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups",
                                    "user_permissions")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",),
                             "fields": ("email", "password1", "password2")}),)

    def save_model(self, request, obj: User, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # Unticking "active" ends the person's live connections too, not only new logins.
            services.user_deactivate(user=obj)

    @admin.action(description=_("Deactivate selected people (ends their sessions)"))
    def deactivate_selected(self, request, queryset) -> None:
        count = 0
        for user in queryset.filter(is_active=True):
            services.user_deactivate(user=user)
            count += 1
        self.message_user(request, ngettext("Deactivated %(count)d person.",
                                            "Deactivated %(count)d people.", count)
                          % {"count": count}, messages.SUCCESS)
