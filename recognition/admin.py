from django.contrib import admin

from recognition.models import Recognition, Report, Value


@admin.register(Value)
class ValueAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_active", "position"]
    list_editable = ["is_active", "position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Recognition)
class RecognitionAdmin(admin.ModelAdmin):
    """Staff can hide or delete; names stay out of the list (pseudonyms hold in groups)."""

    list_display = ["id", "created_at", "visibility", "group", "is_hidden"]
    list_filter = ["visibility", "is_hidden"]
    fields = ["message", "visibility", "group", "created_at", "is_hidden", "hidden_at"]
    readonly_fields = ["message", "visibility", "group", "created_at", "hidden_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["id", "recognition", "reason", "status", "created_at"]
    list_filter = ["status", "reason"]
    readonly_fields = ["recognition", "reporter", "reason", "details", "created_at",
                       "resolved_at", "resolved_by"]

    def has_add_permission(self, request) -> bool:
        return False
