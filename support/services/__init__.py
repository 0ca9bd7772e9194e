"""Writes for support. Import from here: `from support import services`."""

from support.services.conversations import (
    conversation_close,
    conversation_mark_seen,
    conversation_open,
    conversation_reply,
)
from support.services.notices import (
    conversation_message_notify,
    report_submitted_notify,
    report_update_notify,
)
from support.services.reports import (
    HR_STATUSES,
    report_access_record,
    report_add_information,
    report_attachment_add,
    report_attachment_downloaded,
    report_draft_delete,
    report_draft_save,
    report_named_avoid,
    report_submit,
    report_update_post,
)

__all__ = [
    "HR_STATUSES",
    "conversation_close",
    "conversation_mark_seen",
    "conversation_message_notify",
    "conversation_open",
    "conversation_reply",
    "report_access_record",
    "report_add_information",
    "report_attachment_add",
    "report_attachment_downloaded",
    "report_draft_delete",
    "report_draft_save",
    "report_named_avoid",
    "report_submit",
    "report_submitted_notify",
    "report_update_notify",
    "report_update_post",
]
