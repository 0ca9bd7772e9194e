from django.urls import path

import peersupport.bounds  # noqa: F401 (registers <id:...>: ids beyond 64 bits give 404)
from groups.views import avoid, directory, facilitation, joining, moderation

app_name = "groups"
urlpatterns = [
    path("", directory.directory, name="directory"),
    path("new/", facilitation.create, name="create"),
    path("people-i-avoid/", avoid.avoid_list, name="avoid_list"),
    path("people-i-avoid/manager/", avoid.avoid_add_manager, name="avoid_add_manager"),
    path("people-i-avoid/<id:entry_id>/remove/", avoid.avoid_remove, name="avoid_remove"),
    path("invitations/<str:token>/", joining.invitation, name="invitation"),
    path("<slug:slug>/", directory.detail, name="detail"),
    path("<slug:slug>/join/", joining.join, name="join"),
    path("<slug:slug>/request/", joining.request_join, name="request"),
    path("<slug:slug>/request/withdraw/", joining.withdraw_request, name="withdraw_request"),
    path("<slug:slug>/leave/", joining.leave, name="leave"),
    path("<slug:slug>/rules/accept/", joining.accept_rules, name="accept_rules"),
    path("<slug:slug>/pseudonym/", joining.set_pseudonym, name="pseudonym"),
    path("<slug:slug>/edit/", facilitation.edit, name="edit"),
    path("<slug:slug>/rules/", facilitation.edit_rules, name="edit_rules"),
    path("<slug:slug>/requests/", facilitation.requests, name="requests"),
    path("<slug:slug>/requests/<id:request_id>/approve/", facilitation.approve_request,
         name="approve_request"),
    path("<slug:slug>/requests/<id:request_id>/decline/", facilitation.decline_request,
         name="decline_request"),
    path("<slug:slug>/members/", moderation.members, name="members"),
    path("<slug:slug>/members/<id:membership_id>/remove/", moderation.remove_member,
         name="remove_member"),
    path("<slug:slug>/members/<id:membership_id>/promote/", moderation.promote_member,
         name="promote_member"),
    path("<slug:slug>/invitations/", moderation.invitations, name="invitations"),
    path("<slug:slug>/invitations/<id:invitation_id>/revoke/", moderation.revoke_invitation,
         name="revoke_invitation"),
    path("<slug:slug>/resources/", moderation.resources, name="resources"),
    path("<slug:slug>/resources/<id:resource_id>/delete/", moderation.delete_resource,
         name="delete_resource"),
]
