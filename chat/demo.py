"""Demo chat: a short conversation in a past Monday Peer Circle (sessions/demo.py makes it).

Safe to run again: each message has a fixed client_id, unique per author and session.
"""

import datetime as dt

from accounts.models import User
from chat.models import Flag, Message
from sessions.models import Session
from sessions.selectors import session_rules
from sessions.services import session_rules_accept

SESSION_TITLE = "Monday Peer Circle: saying no kindly"
CONVERSATION = [
    ("facilitator@example.com", 0, "Welcome, everyone. Quick check-in round: one word for "
                                   "your week. You can always pass."),
    ("employee@example.com", 2, "Stretched."),
    ("colleague1@example.com", 3, "Hopeful, actually."),
    ("colleague2@example.com", 4, "Pass for now, thanks."),
    ("facilitator@example.com", 6, "Thank you. Today's theme is saying no kindly. Who would "
                                   "like to start?"),
    ("employee@example.com", 8, "I said yes to a third project last week and I regret it. "
                                "I didn't know how to say no to my lead without sounding "
                                "difficult."),
    ("colleague3@example.com", 10, "That sounds really familiar. I felt the same when I "
                                   "joined my team."),
    ("colleague1@example.com", 12, "What helped me was saying what I would have to drop to "
                                   "take it on. It made it a shared decision."),
    ("colleague4@example.com", 13, "Honestly, just tell your lead to do it himself."),
    ("employee@example.com", 14, "Thank you, that feels doable. I felt heard today."),
]
# One flag still waiting in the facilitator's moderation queue: (message number, reporter, rule).
FLAG = (10, "colleague2@example.com", "no_unsolicited_advice")


def seed(people: dict[str, User]) -> None:
    session = (Session.objects.filter(title=SESSION_TITLE, group__slug="monday-peer-circle")
               .select_related("group").first())
    if session is None:
        return
    for number, (email, minute, body) in enumerate(CONVERSATION, start=1):
        author = people[email]
        if author.email != "facilitator@example.com":
            session_rules_accept(session=session, user=author)
        message, _created = Message.objects.get_or_create(
            session=session, author=author, client_id=f"demo-{number}",
            defaults={"body": body,
                      "created_at": session.starts_at + dt.timedelta(minutes=minute)})
        if number == FLAG[0]:
            rule = next((r for r in session_rules(session=session) if r["key"] == FLAG[2]), None)
            Flag.objects.get_or_create(message=message, reporter=people[FLAG[1]], defaults={
                "rule_key": FLAG[2], "rule_text": rule["text"] if rule else ""})
