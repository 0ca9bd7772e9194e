"""Who may see and do what with conversations and reports. Views and templates ask here.

A report is seen by its reporter, and once submitted by HR admins who are not named in it.
Facilitators and other staff never see reports; a conversation is seen by its two people only.
"""

from peersupport.permissions import is_hr
from support.models import FacilitatorRequest, Report


def is_reporter(user, report: Report) -> bool:
    return bool(user.is_authenticated and report.reporter_id == user.pk)


def can_edit_report(user, report: Report) -> bool:
    """Only the reporter, and only while it is a draft (a submitted report is a record)."""
    return is_reporter(user, report) and report.is_draft


def can_hr_view_report(user, report: Report, named_ids: set[int] | None = None) -> bool:
    """HR admins see submitted reports, except those that name them (conflict of interest)."""
    if not is_hr(user) or report.is_draft:
        return False
    if named_ids is None:
        named_ids = set(report.people_named.values_list("pk", flat=True))
    return user.pk not in named_ids


def can_download_attachment(user, report: Report) -> bool:
    """The reporter (draft or submitted) and the HR admins who may see the submitted report."""
    return is_reporter(user, report) or can_hr_view_report(user, report)


def can_view_conversation(user, conversation: FacilitatorRequest) -> bool:
    return bool(
        user.is_authenticated
        and user.pk in (conversation.requester_id, conversation.facilitator_id)
    )


def is_conversation_facilitator(user, conversation: FacilitatorRequest) -> bool:
    return bool(user.is_authenticated and user.pk == conversation.facilitator_id)
