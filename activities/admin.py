"""Staff admin for the activity library: edit the content, publish facilitators' own.

Ratings are not registered: they are private (facilitators see counts on the activity page).
The library's texts here are the English source: a field edited here is shown as written in
every language (its Spanish and French, in activities/content/, apply to the library's own text).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityRun, ActivityStep, SessionActivity


class ActivityStepInline(admin.StackedInline):
    model = ActivityStep
    extra = 0
    fields = ["position", "title", "minutes", "instructions", "prompt", "appreciation"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "category", "format", "duration_minutes", "min_people",
                    "max_people", "is_published", "author"]
    list_filter = ["is_published", "category", "format"]
    search_fields = ["title", "purpose"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["duration_minutes", "author", "created_at", "updated_at"]
    filter_horizontal = ["groups"]
    inlines = [ActivityStepInline]
    actions = ["publish", "unpublish"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        activity = form.instance
        # Derived state kept in one place: the total of the steps' minutes.
        total = sum(activity.steps.values_list("minutes", flat=True))
        Activity.objects.filter(pk=activity.pk).update(duration_minutes=total)

    @admin.action(description=_("Publish to everyone's library"))
    def publish(self, request, queryset):
        queryset.update(is_published=True)

    @admin.action(description=_("Take back to the author's groups only"))
    def unpublish(self, request, queryset):
        queryset.update(is_published=False)


@admin.register(SessionActivity)
class SessionActivityAdmin(admin.ModelAdmin):
    list_display = ["session", "activity", "position", "added_at"]
    raw_id_fields = ["session", "activity", "added_by"]


@admin.register(ActivityRun)
class ActivityRunAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "status", "started_at", "ended_at"]
    list_filter = ["status", "category"]
    raw_id_fields = ["session", "activity", "started_by"]
    readonly_fields = ["steps", "windows", "version"]
