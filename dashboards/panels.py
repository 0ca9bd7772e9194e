"""The dashboard's panels and figures, defined once.

The dashboard, the CSV export and the employees' "What HR can see" page all read these
definitions, so what the page explains is what the dashboard computes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from dashboards.privacy import Kind


@dataclass(frozen=True)
class FigureSpec:
    key: str
    label: str
    kind: Kind
    counted: str  # who the figure is about, in plain words (shown to employees)
    additive: bool = False


@dataclass(frozen=True)
class PanelSpec:
    key: str
    title: str
    summary: str
    breakdowns: str
    figures: tuple[FigureSpec, ...]
    requires: str = ""  # a key of `selectors.engagement.available_panels()`, "" = always


F = FigureSpec
ACTIVE = F("active", _("Active members"), "people",
           _("people who were members of a group at some time in the period"), additive=True)
NEW = F("joined", _("New members"), "people", _("people who joined a group in the period"),
        additive=True)
LEFT = F("left", _("Members who left"), "people", _("people who left a group in the period"),
         additive=True)
AT_START = F("at_start", _("Members at start"), "people",
             _("people who were members on the first day of the period"), additive=True)
AT_END = F("at_end", _("Members at end"), "people",
           _("people who were members on the last day of the period"), additive=True)
ATTENDED = F("attended", _("Attended at least one session"), "people",
             _("people who attended at least one session"), additive=True)
RATE = F("rate", _("Attendance rate"), "rate",
         _("attended ÷ RSVPed “going”, over the people who RSVPed and attended"))
HELD = F("held", _("Sessions held"), "exact", _("sessions that took place (not a count of people)"),
         additive=True)
CANCELLED = F("cancelled", _("Sessions cancelled"), "exact", _("sessions cancelled"), additive=True)
SIZE = F("size", _("Average session size"), "average",
         _("attendances ÷ sessions held, over the people who attended"))
EMPLOYEES = F("employees", _("Employees"), "people", _("people with an account"), additive=True)
GROUPS = F("groups", _("Groups"), "exact", _("groups that existed at the end of the period"),
           additive=True)
NEW_GROUPS = F("new_groups", _("New groups"), "exact", _("groups created in the period"),
               additive=True)
GIVEN = F("given", _("Recognitions given"), "count",
          _("recognitions, over the people who gave them"), additive=True)
GAVE_SHARE = F("gave_share", _("Employees who gave recognition"), "rate",
               _("people who gave at least one ÷ employees"))
GOT_SHARE = F("got_share", _("Employees who received recognition"), "rate",
              _("people recognised at least once ÷ employees"))
RECOGNISED = F("recognised", _("People recognised"), "people",
               _("people recognised at least once"), additive=True)
RECEIVED = F("received", _("Recognitions received"), "count",
             _("recognitions received, over the people who received them"), additive=True)
ANSWERS = F("answers", _("Check-out answers"), "count",
            _("anonymous answers, over the people who answered"), additive=True)
SAFE = F("safe", _("Felt safe and respectful (1–5)"), "average",
         _("the average anonymous answer, over the people who answered"))
RAISED = F("raised", _("Flags raised"), "count",
           _("flags raised, over both the people who flagged and the people flagged"),
           additive=True)
RESOLVED = F("resolved", _("Flags resolved"), "count",
             _("flags a facilitator actioned or dismissed, over the same people"), additive=True)
RUNS = F("runs", _("Activities run"), "exact",
         _("team-building activities run in sessions (not a count of people), over the people "
         "who attended those sessions"), additive=True)

COMPLETED = F("completed", _("Completed in the period"), "people",
              _("people who completed the module (its practice and questions) in the period"))

PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("participation", _("Participation"),
              _("How many people take part in peer support groups and sessions."),
              _("whole period; by department"),
              (ACTIVE, NEW, ATTENDED, RATE, HELD, CANCELLED, SIZE, EMPLOYEES)),
    PanelSpec("trends", _("Trends"),
              _("The same figures week by week (month by month for long periods), as a chart "
              "with the numbers in a table."),
              _("by finished week or month"),
              (ACTIVE, NEW, ATTENDED, RATE, HELD, CANCELLED, SIZE)),
    PanelSpec("groups", _("Groups"),
              _("How many groups there are and how they grow. Open and request-to-join groups "
              "may be named; private and sensitive groups only count inside their category."),
              _("by category; by named (open or request-to-join, not sensitive) group"),
              (GROUPS, NEW_GROUPS, AT_START, AT_END, LEFT, ACTIVE, NEW, ATTENDED, HELD)),
    PanelSpec("recognition", _("Recognition"),
              _("How much peers recognise each other, for which values, and which departments "
              "receive little recognition."),
              _("whole period; by value; by department"),
              (GIVEN, GAVE_SHARE, GOT_SHARE, RECOGNISED, RECEIVED),
              requires="recognition"),
    PanelSpec("checkouts", _("Session check-outs"),
              _("How safe and respectful sessions felt, from anonymous check-out answers. "
              "Answers carry no name, so they cannot be split by department."),
              _("by group category"),
              (ANSWERS, SAFE),
              requires="checkouts"),
    PanelSpec("moderation", _("Moderation health"),
              _("Chat flags raised and resolved: an early signal of where respect is breaking "
              "down. Counts only, never a message, never who flagged or was flagged."),
              _("by ground rule; by department of the person whose message was flagged"),
              (RAISED, RESOLVED),
              requires="moderation"),
    PanelSpec("activities", _("Team-building activities"),
              _("How many team-building activities groups ran, by what they are for. Counts of "
              "activities only: never who took part, how anyone rated one, or what anyone "
              "wrote."),
              _("by purpose of the activity"),
              (RUNS,),
              requires="activities"),
    PanelSpec("training", _("Listening training"),
              _("How many people completed each module of the listening and empathy path. "
              "Never who, never their answers or practice replies."),
              _("by module; by department"),
              (COMPLETED,),
              requires="training"),
)
TRAINING_PANEL = PANELS[-1]
