"""Admin for the chat's settings and word lists only.

Messages, flags, sanctions and the moderation log are deliberately not registered: chat content
and who was sanctioned are for the room's members and the group's facilitators, never for staff
or HR browsing the admin.
"""

from django.contrib import admin

from chat import filters
from chat.models import ChatSettings, FilterTerm


@admin.register(FilterTerm)
class FilterTermAdmin(admin.ModelAdmin):
    list_display = ("phrase", "kind", "language", "rule_key", "is_active", "updated_at")
    list_filter = ("kind", "language", "is_active")
    list_editable = ("is_active",)
    search_fields = ("phrase",)
    ordering = ("kind", "language", "phrase")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        filters.word_lists_forget()  # other processes pick it up within CHAT_FILTER_TTL_SECONDS

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        filters.word_lists_forget()


@admin.register(ChatSettings)
class ChatSettingsAdmin(admin.ModelAdmin):
    list_display = ("group", "retention_days")
    autocomplete_fields = ()
    search_fields = ("group__name",)
