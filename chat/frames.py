"""The JSON frames of the chat protocol (docs/realtime.md), built in one place.

Every string in a frame is plain text: the server never produces HTML, the client inserts text.
"""

import json
from typing import Any

from chat.models import Message
from groups.models import Group, Membership
from groups.policies import name_in_group, pronouns_in_group


def dumps(frame: dict[str, Any]) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def person(membership: Membership, group: Group) -> dict[str, Any]:
    """A person as the room sees them: member id (never the account id), in-group name and the
    pronouns shown next to that name ("" for none; a pseudonym's own, never the account's)."""
    return {
        "id": membership.pk,
        "name": name_in_group(membership.user, group, membership),
        "pronouns": pronouns_in_group(membership.user, group, membership),
        "facilitator": membership.is_facilitator,
    }


def message(msg: Message, author: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "message",
        "id": msg.pk,
        "client_id": msg.client_id,
        "author": author,
        "body": msg.body,
        "sent_at": msg.created_at.isoformat(),
    }


def error(code: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"type": "error", "code": code, "detail": detail, **extra}


def sanction(kind: str, *, reason: str, detail: str, until=None) -> dict[str, Any]:
    return {
        "type": "sanction",
        "kind": kind,
        "until": until.isoformat() if until else None,
        "reason": reason,
        "detail": detail,
    }
