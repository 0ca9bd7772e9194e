"""Modules are edited here (Markdown); nobody's progress or replies are listed."""

from django.contrib import admin

from training.models import Certification, ChoiceQuestion, Module, PracticeItem, WorkedExample


class ExampleInline(admin.StackedInline):
    model = WorkedExample
    extra = 0


class PracticeInline(admin.StackedInline):
    model = PracticeItem
    extra = 0


class QuestionInline(admin.StackedInline):
    model = ChoiceQuestion
    extra = 0


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "position", "minutes", "for_facilitators", "is_published"]
    list_editable = ["position", "is_published"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ExampleInline, PracticeInline, QuestionInline]


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    """Trained-facilitator status: an admin may record training done elsewhere."""

    list_display = ["user", "kind", "granted_at", "expires_at", "reminded_at"]
    list_filter = ["kind"]
    search_fields = ["user__email"]
    autocomplete_fields = ["user"]
    readonly_fields = ["reminded_at"]
