"""The dashboard's panels and figures, defined once.

The dashboard, the CSV export and the employees' "What HR can see" page all read these
definitions, so what the page explains is what the dashboard computes.
"""

from __future__ import annotations

from dataclasses import dataclass

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
ACTIVE = F("active", "Active members", "people",
           "people who were members of a group at some time in the period", additive=True)
NEW = F("joined", "New members", "people", "people who joined a group in the period",
        additive=True)
LEFT = F("left", "Members who left", "people", "people who left a group in the period",
         additive=True)
AT_START = F("at_start", "Members at start", "people",
             "people who were members on the first day of the period", additive=True)
AT_END = F("at_end", "Members at end", "people",
           "people who were members on the last day of the period", additive=True)
ATTENDED = F("attended", "Attended at least one session", "people",
             "people who attended at least one session", additive=True)
RATE = F("rate", "Attendance rate", "rate",
         "attended \u00f7 RSVPed \u201cgoing\u201d, over the people who RSVPed and attended")
HELD = F("held", "Sessions held", "exact", "sessions that took place (not a count of people)",
         additive=True)
CANCELLED = F("cancelled", "Sessions cancelled", "exact", "sessions cancelled", additive=True)
SIZE = F("size", "Average session size", "average",
         "attendances \u00f7 sessions held, over the people who attended")
EMPLOYEES = F("employees", "Employees", "people", "people with an account", additive=True)
GROUPS = F("groups", "Groups", "exact", "groups that existed at the end of the period",
           additive=True)
NEW_GROUPS = F("new_groups", "New groups", "exact", "groups created in the period",
               additive=True)
GIVEN = F("given", "Recognitions given", "count", "recognitions, over the people who gave them",
          additive=True)
GAVE_SHARE = F("gave_share", "Employees who gave recognition", "rate",
               "people who gave at least one \u00f7 employees")
GOT_SHARE = F("got_share", "Employees who received recognition", "rate",
              "people recognised at least once \u00f7 employees")
RECOGNISED = F("recognised", "People recognised", "people",
               "people recognised at least once", additive=True)
RECEIVED = F("received", "Recognitions received", "count",
             "recognitions received, over the people who received them", additive=True)
ANSWERS = F("answers", "Check-out answers", "count",
            "anonymous answers, over the people who answered", additive=True)
SAFE = F("safe", "Felt safe and respectful (1\u20135)", "average",
         "the average anonymous answer, over the people who answered")
RAISED = F("raised", "Flags raised", "count",
           "flags raised, over both the people who flagged and the people flagged",
           additive=True)
RESOLVED = F("resolved", "Flags resolved", "count",
             "flags a facilitator actioned or dismissed, over the same people", additive=True)
RUNS = F("runs", "Activities run", "exact",
         "team-building activities run in sessions (not a count of people), over the people "
         "who attended those sessions", additive=True)

COMPLETED = F("completed", "Completed in the period", "people",
              "people who completed the module (its practice and questions) in the period")

PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("participation", "Participation",
              "How many people take part in peer support groups and sessions.",
              "whole period; by department",
              (ACTIVE, NEW, ATTENDED, RATE, HELD, CANCELLED, SIZE, EMPLOYEES)),
    PanelSpec("trends", "Trends",
              "The same figures week by week (month by month for long periods), as a chart "
              "with the numbers in a table.",
              "by finished week or month",
              (ACTIVE, NEW, ATTENDED, RATE, HELD, CANCELLED, SIZE)),
    PanelSpec("groups", "Groups",
              "How many groups there are and how they grow. Open and request-to-join groups "
              "may be named; private and sensitive groups only count inside their category.",
              "by category; by named (open or request-to-join, not sensitive) group",
              (GROUPS, NEW_GROUPS, AT_START, AT_END, LEFT, ACTIVE, NEW, ATTENDED, HELD)),
    PanelSpec("recognition", "Recognition",
              "How much peers recognise each other, for which values, and which departments "
              "receive little recognition.",
              "whole period; by value; by department",
              (GIVEN, GAVE_SHARE, GOT_SHARE, RECOGNISED, RECEIVED),
              requires="recognition"),
    PanelSpec("checkouts", "Session check-outs",
              "How safe and respectful sessions felt, from anonymous check-out answers. "
              "Answers carry no name, so they cannot be split by department.",
              "by group category",
              (ANSWERS, SAFE),
              requires="checkouts"),
    PanelSpec("moderation", "Moderation health",
              "Chat flags raised and resolved: an early signal of where respect is breaking "
              "down. Counts only, never a message, never who flagged or was flagged.",
              "by ground rule; by department of the person whose message was flagged",
              (RAISED, RESOLVED),
              requires="moderation"),
    PanelSpec("activities", "Team-building activities",
              "How many team-building activities groups ran, by what they are for. Counts of "
              "activities only: never who took part, how anyone rated one, or what anyone "
              "wrote.",
              "by purpose of the activity",
              (RUNS,),
              requires="activities"),
    PanelSpec("training", "Listening training",
              "How many people completed each module of the listening and empathy path. "
              "Never who, never their answers or practice replies.",
              "by module; by department",
              (COMPLETED,),
              requires="training"),
)
TRAINING_PANEL = PANELS[-1]
