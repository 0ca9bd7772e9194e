"""Every channel-layer event the code sends reaches a group a consumer joins, and a handler.

Issue 17 found `room.closed` sent to `session_<pk>` (a group nobody joins) with a type no consumer
handles: the lobby learnt nothing. This reads every send in the shipped code, so a new event with
the same mismatch fails here rather than silently in production.
"""

import ast
import pathlib

from channels.consumer import get_handler_name

from chat.consumers import ChatConsumer

ROOT = pathlib.Path(__file__).resolve().parents[2]
APPS = ["accounts", "chat", "dashboards", "groups", "peersupport", "recognition", "sessions",
        "support"]
# The group-name helpers the consumer joins (room, moderators, the person's own sockets).
GROUP_HELPERS = {"room_group", "moderators_group", "user_group_name"}
SENDERS = {"send_to_group_on_commit", "send_to_user_on_commit", "send_to_group_now"}


def _sends():
    """(file, line, group expression, event type) of every channel-layer send in the apps."""
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(), filename=str(path))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name not in SENDERS and name != "group_send":
                    continue
                keywords = {k.arg: k.value for k in node.keywords}
                event = keywords.get("event") or (node.args[1] if len(node.args) > 1 else None)
                group = keywords.get("group") or (node.args[0] if node.args else None)
                if not isinstance(event, ast.Dict):
                    continue
                for key, value in zip(event.keys, event.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "type":
                        yield path.relative_to(ROOT), node.lineno, group, value.value


def test_the_scan_finds_the_sends():
    found = {kind for _, _, _, kind in _sends()}
    assert {"chat.frame", "chat.private", "chat.kick", "user.disconnect",
            "access.recheck"} <= found


def test_every_event_sent_has_a_handler_on_the_chat_consumer():
    missing = [(str(path), line, kind) for path, line, _, kind in _sends()
               if not hasattr(ChatConsumer, get_handler_name({"type": kind}))]
    assert missing == []


def test_every_event_goes_to_a_group_the_consumer_joins():
    wrong = []
    for path, line, group, kind in _sends():
        if group is None:  # send_to_user_on_commit: the helper names the group itself
            continue
        called = isinstance(group, ast.Call) and (
            getattr(group.func, "id", None) or getattr(group.func, "attr", None))
        attribute = isinstance(group, ast.Attribute) and group.attr in {"room_group", "mod_group"}
        if called not in GROUP_HELPERS and not attribute:
            wrong.append((str(path), line, kind, ast.unparse(group)))
    assert wrong == []
