"""Staff admin for groups, memberships and rule versions.

The private "rather not share a room" list (AvoidEntry) is deliberately not registered:
nobody but its owner may see it, staff included. Pseudonyms are left out of the membership and
join-request pages: a page that shows an account next to its pseudonym would link them
(docs/privacy.md).
"""

from django.contrib import admin

from groups.models import (
    GroundRuleVersion,
    Group,
    GroupResource,
    Invitation,
    JoinRequest,
    Membership,
    Removal,
)


class GroundRuleVersionInline(admin.TabularInline):
    model = GroundRuleVersion
    extra = 0
    fields = ["number", "rules", "created_by", "created_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "category", "visibility", "capacity", "rules_version",
                    "created_at"]
    list_filter = ["category", "visibility", "is_sensitive", "allow_pseudonyms"]
    search_fields = ["name", "slug", "purpose"]
    readonly_fields = ["rules_version", "created_by", "created_at"]
    inlines = [GroundRuleVersionInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["group", "user", "role", "status", "accepted_rules_version", "joined_at"]
    list_filter = ["role", "status", "group"]
    search_fields = ["group__name", "user__email"]
    list_select_related = ["group", "user"]
    raw_id_fields = ["group", "user"]
    exclude = ["pseudonym"]


@admin.register(GroundRuleVersion)
class GroundRuleVersionAdmin(admin.ModelAdmin):
    list_display = ["group", "number", "created_by", "created_at"]
    list_filter = ["group"]
    list_select_related = ["group", "created_by"]
    # A posted version is what members accepted: it is never edited afterwards.
    readonly_fields = ["group", "number", "rules", "created_by", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["group", "user", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["group", "user"]
    raw_id_fields = ["group", "user", "decided_by"]
    exclude = ["pseudonym"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["group", "note", "expires_at", "revoked_at", "uses"]
    list_select_related = ["group"]
    exclude = ["nonce"]
    readonly_fields = ["uses", "created_by", "created_at"]


@admin.register(Removal)
class RemovalAdmin(admin.ModelAdmin):
    list_display = ["group", "user", "banned", "blocked_until", "lifted_at", "created_at"]
    list_select_related = ["group", "user"]
    raw_id_fields = ["group", "user", "removed_by"]


@admin.register(GroupResource)
class GroupResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "created_at"]
    list_select_related = ["group"]
