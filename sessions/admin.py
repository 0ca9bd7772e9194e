"""Admin for operating sessions. Private moods and check-out answers/receipts are deliberately
not registered: nobody but their owner (moods) or the facilitators in aggregate sees them."""

from django.contrib import admin

from sessions.models import Notice, Session, SessionSeries


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "starts_at", "format", "status", "capacity"]
    list_filter = ["status", "format", "kind"]
    search_fields = ["title", "group__name"]
    raw_id_fields = ["group", "series", "created_by"]
    filter_horizontal = ["facilitators"]
    date_hierarchy = "starts_at"


@admin.register(SessionSeries)
class SessionSeriesAdmin(admin.ModelAdmin):
    list_display = ["group", "rrule", "time_zone", "created_at"]
    raw_id_fields = ["group", "created_by"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """Delivery state only, for operators checking that reminders go out."""

    list_display = ["kind", "session", "due_at", "claimed_at", "sent_at", "skipped_reason"]
    list_filter = ["kind", "skipped_reason"]
    raw_id_fields = ["session", "user"]
    readonly_fields = ["session", "user", "kind", "revision", "due_at", "claimed_at", "sent_at",
                       "skipped_reason", "attempts"]
