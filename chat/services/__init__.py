"""Every write of the chat. Consumers, views and tasks call these; nothing else writes."""

from chat.services.errors import ChatRefusal
from chat.services.messages import body_clean, flag_create, message_check, message_post
from chat.services.moderation import (
    FLAG_ACTIONS,
    flag_act,
    flag_dismiss,
    flags_action,
    member_ban,
    member_mute,
    member_remove,
    member_unmute,
    message_hide,
    moderation_target,
    reason_clean,
    room_lock_set,
    room_slow_mode_set,
)
from chat.services.retention import messages_purge_expired
from chat.services.room import (
    attendance_note,
    circle_set,
    hand_lower,
    hand_raise,
    presence_announcement,
    presence_count,
    presence_enter,
    presence_leave,
    presence_touch,
    room_open,
    talking_piece_forget,
    turn_pass,
    turn_release,
)

__all__ = [
    "ChatRefusal", "FLAG_ACTIONS", "attendance_note", "body_clean", "circle_set", "flag_act",
    "flag_create", "flag_dismiss", "flags_action", "hand_lower", "hand_raise", "member_ban",
    "member_mute", "member_remove", "member_unmute", "message_check", "message_hide",
    "message_post", "messages_purge_expired", "moderation_target", "presence_announcement",
    "presence_count", "presence_enter", "presence_leave", "presence_touch", "reason_clean",
    "room_lock_set", "room_open", "room_slow_mode_set", "talking_piece_forget", "turn_pass",
    "turn_release",
]
