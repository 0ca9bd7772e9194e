"""Writes about sessions. Import from here: `from sessions import services`."""


from sessions.services.calendar import (
    calendar_discreet_set,
    calendar_feed_reset,
    calendar_feed_revoke,
)
from sessions.services.notices import (
    notice_compose,
    notice_send,
    notices_announce,
    notices_dispatch_due,
    reminders_drop,
    reminders_plan,
)
from sessions.services.participation import (
    CHECK_IN_OPENS,
    attendance_note,
    attendance_record,
    attendance_set,
    checkout_answer,
    mood_record,
    session_rules_accept,
)
from sessions.services.rsvp import FULL_MESSAGE, rsvp_set, waitlist_promote
from sessions.services.scheduling import (
    NO_FACILITATOR_CLOSE_AFTER,
    Scope,
    SessionDetails,
    session_cancel,
    session_schedule,
    session_update,
    sessions_close_unattended,
)

__all__ = [
    "CHECK_IN_OPENS", "FULL_MESSAGE", "NO_FACILITATOR_CLOSE_AFTER", "Scope", "SessionDetails",
    "attendance_note", "attendance_record", "attendance_set", "calendar_discreet_set",
    "calendar_feed_reset",
    "calendar_feed_revoke", "checkout_answer", "mood_record", "notice_compose", "notice_send",
    "notices_announce", "notices_dispatch_due", "reminders_drop", "reminders_plan", "rsvp_set",
    "session_cancel", "session_rules_accept", "session_schedule", "session_update",
    "sessions_close_unattended", "waitlist_promote",
]
