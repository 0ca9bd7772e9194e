"""Only resources are edited in the admin.

Reports, conversations and the access log are deliberately NOT registered: staff who are not
HR admins must never browse them, and HR reads reports through the logged HR pages.
"""

from django.contrib import admin
from django.db import models

from support.models import Resource


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "country", "phone", "order", "is_active"]
    list_filter = ["kind", "is_active", "country"]
    list_editable = ["order", "is_active"]
    search_fields = ["title", "body", "phone"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["title", "kind", "country", "phone", "url", "body", "order", "is_active"]
