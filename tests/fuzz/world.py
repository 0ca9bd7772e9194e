"""The demo organisation plus the states some pages only show in: a join request, a rules
change to accept, a report draft and a submitted report, an avoid-list entry and a manager,
an invitation link, a calendar feed, a room open now with a flagged message, a hidden
recognition, a past session attended. Returns the extra start URLs of each persona (and, as
(method, path, fields), the forms no page of theirs shows)."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import User
from chat.models import Flag, Message
from groups.models import Group, JoinRequest
from groups.rules import DEFAULT_RULES
from groups.services import avoid_list_add, group_rules_update
from groups.services.invitations import invitation_create, invitation_token
from recognition.models import Recognition, Report, Value
from recognition.services import recognition_give, recognition_hide, report_file
from sessions.models import Session
from sessions.services import attendance_record, calendar_feed_reset
from support.attachments import text_attachment_from_upload
from support.services.conversations import conversation_open
from support.services.reports import report_attachment_add, report_draft_save, report_submit


def build(personas: list[str]) -> tuple[dict[str, User], dict[str, list[str]]]:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    people = {email: User.objects.get(email=email) for email in personas}
    employee, employee2 = people["employee@example.com"], people["employee2@example.com"]
    facilitator = people["facilitator@example.com"]
    colleague = User.objects.get(email="colleague1@example.com")

    circle = Group.objects.get(slug="monday-peer-circle")
    private = Group.objects.get(slug="after-a-difficult-experience")
    group_rules_update(group=circle, by=facilitator,
                       rules=[*[dict(r) for r in DEFAULT_RULES], {
                           "key": "custom", "text": "Phones away while someone is speaking."}])

    avoid_list_add(owner=employee, person=colleague)
    employee.manager = User.objects.get(email="colleague2@example.com")
    employee.save(update_fields=["manager"])

    draft_fields = {"what_happened": "In the stand-up my work was mocked again.",
                    "happened_when": "Last Tuesday", "people_named": [],
                    "people_described": "A senior colleague", "witnesses": ""}
    draft = report_draft_save(reporter=employee, **draft_fields)
    # A screenshot, so its download (support:report_attachment) is crawled and attacked too
    # (text attachments are shown in the report, not downloaded).
    png = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 120, 40)).save(png, format="PNG")
    attachment = report_attachment_add(report=draft, attachment=text_attachment_from_upload(
        SimpleUploadedFile("screenshot.png", png.getvalue())))
    report_submit(report=report_draft_save(reporter=employee, **{
        **draft_fields, "people_named": [User.objects.get(email="colleague3@example.com")]}),
        reporter=employee)

    invitation = invitation_create(group=private, by=facilitator)
    feed = calendar_feed_reset(user=employee)

    now = timezone.now()
    live = Session.objects.create(
        group=circle, title="Open dialogue, now", starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(minutes=50), format=Session.Format.ONLINE,
        created_by=facilitator, facilitator_joined_at=now)
    live.facilitators.add(facilitator)
    message = Message.objects.create(session=live, author=employee2, body="Just get over it.",
                                     client_id="fuzz-1")
    Flag.objects.create(message=message, reporter=employee, rule_key="respect",
                        reason="Dismissive.")

    past = Session.objects.create(
        group=circle, title="Peer circle, earlier today", starts_at=now - dt.timedelta(hours=3),
        ends_at=now - dt.timedelta(hours=2), format=Session.Format.ONLINE,
        created_by=facilitator, facilitator_joined_at=now - dt.timedelta(hours=3))
    past.facilitators.add(facilitator)
    attendance_record(session=past, user=employee, source="chat")
    conversation_open(requester=employee, facilitator=facilitator,
                      body="Could we talk about a meeting that went badly?")

    in_circle = [recognition_give(
        giver=employee, recipients=[employee2], values=Value.objects.filter(is_active=True)[:1],
        message=f"Thank you for listening, {n}.", visibility=Recognition.Visibility.GROUP,
        group=circle, notify=False) for n in ("Monday", "Tuesday")]
    shown = in_circle[0]
    recognition_hide(recognition=shown, moderator=facilitator)
    for other in in_circle[1:]:
        report_file(recognition=other, reporter=employee2, reason=Report.Reason.choices[0][0])

    starts = {email: [] for email in personas}
    # The crawl reads a few pages per route (three group pages): the pages that show the forms
    # to ask to join, withdraw a request and accept changed rules are named here, whatever the
    # demo's directory lists first.
    pending = JoinRequest.objects.filter(user=employee2, status=JoinRequest.Status.PENDING).first()
    askable = (Group.objects.filter(visibility=Group.Visibility.REQUEST)
               .exclude(memberships__user=employee2).exclude(join_requests__user=employee2)
               .order_by("slug").first())
    starts["employee2@example.com"] += [f"/groups/{g.slug}/" for g in
                                        (pending.group if pending else None, askable) if g]
    starts["employee@example.com"] += [f"/groups/{circle.slug}/",
                                       reverse("support:report_attachment",
                                               args=[draft.pk, attachment.pk])]
    starts["employee2@example.com"].append(f"/groups/invitations/{invitation_token(invitation)}/")
    starts["employee@example.com"] += [f"/sessions/feed/{feed.token}.ics",
                                       f"/sessions/{live.pk}/chat/",
                                       f"/support/reports/{draft.pk}/preview/"]
    starts["employee@example.com"].append(f"/sessions/{past.pk}/")
    starts["facilitator@example.com"] += ["/groups/women-in-engineering/requests/",
                                          f"/chat/moderation/{circle.slug}/",
                                          f"/sessions/{live.pk}/chat/"]
    for email in personas:
        starts[email].append(f"/recognition/{shown.pk}/")
    for other in in_circle[1:]:
        starts["facilitator@example.com"] += [f"/recognition/{other.pk}/", "/recognition/reports/"]
    # A hidden recognition is shown to nobody but its giver, so its "show again" form is on no
    # page a moderator can crawl to (they act from the link in the report queue's notice).
    starts["facilitator@example.com"].append(("post", f"/recognition/{shown.pk}/restore/",
                                              {"next": "/recognition/"}))
    return people, starts
