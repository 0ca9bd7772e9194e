"""Every write in the groups app. Views, tasks and other apps call these, nothing else writes."""

from groups.services.avoid import avoid_list_add, avoid_list_remove
from groups.services.catalogue import (
    RESERVED_SLUGS,
    group_create,
    group_rules_update,
    group_update,
    resource_add,
    resource_delete,
)
from groups.services.invitations import invitation_create, invitation_revoke, invitation_token
from groups.services.membership import (
    membership_join,
    membership_leave,
    membership_promote,
    membership_pseudonym_set,
    membership_remove,
    membership_rules_accept,
)
from groups.services.notices import notice_send, rules_changed_notify
from groups.services.requests import (
    join_request_approve,
    join_request_create,
    join_request_decline,
    join_request_withdraw,
)

__all__ = [
    "RESERVED_SLUGS",
    "avoid_list_add",
    "avoid_list_remove",
    "group_create",
    "group_rules_update",
    "group_update",
    "invitation_create",
    "invitation_revoke",
    "invitation_token",
    "join_request_approve",
    "join_request_create",
    "join_request_decline",
    "join_request_withdraw",
    "membership_join",
    "membership_leave",
    "membership_promote",
    "membership_pseudonym_set",
    "membership_remove",
    "membership_rules_accept",
    "notice_send",
    "resource_add",
    "resource_delete",
    "rules_changed_notify",
]
