"""True aggregates from the apps built around participation: recognition, check-outs, flags.

Each reads its app's models only if they are installed (`available_panels`), so the dashboard
shows exactly the panels whose data exists. Fixed number of aggregate queries each.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Count, F, Q, Sum

from dashboards.selectors.base import Scope

Numbers = dict[str, Any]


def model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def available_panels() -> set[str]:
    present = set()
    if model("recognition.Recognition") and model("recognition.RecognitionRecipient"):
        present.add("recognition")
    if model("peer_sessions.CheckoutAnswer") and model("peer_sessions.CheckoutReceipt"):
        present.add("checkouts")
    if model("chat.Flag") and model("chat.Message"):
        present.add("moderation")
    if model("activities.ActivityRun"):
        present.add("activities")
    if model("training.ModuleProgress"):
        present.add("training")
    return present


def recognition_figures(*, scope: Scope) -> Numbers:
    """Recognitions given (not hidden) in the period: totals, per value, per department.

    Two queries over the recognition rollups (dashboards.models): people by role, value and
    department (one row per person: plain counts), and the counts of recognitions."""
    from dashboards.models import RecognitionMask, RecognitionTally
    from dashboards.rollups import Units
    from dashboards.selectors.masks import people_count, people_rows

    Role = RecognitionMask.Role
    units = Units.of(scope.period)
    people = (RecognitionMask.objects.filter(people_rows(scope), scope.people(""),
                                             **units.place())
              .values("role", "department_id", value_name=F("value__name"))
              .annotate(n=people_count("mask", units.mask)).order_by())
    counts = (RecognitionTally.objects.filter(scope.groups("group__"), scope.people(""),
                                              grain=units.grain, unit__gte=units.units[0],
                                              unit__lte=units.units[-1])
              .values("kind", "department_id", value_name=F("value__name"))
              .annotate(n=Sum("count")).order_by())

    def add(target: dict, key, n: int) -> None:
        if n:
            target[key] = target.get(key, 0) + n

    given, received, by_value = {}, {}, {}
    for row in counts:
        target, key = {RecognitionTally.Kind.GIVEN: (given, row["department_id"]),
                       RecognitionTally.Kind.RECEIVED: (received, row["department_id"]),
                       RecognitionTally.Kind.VALUE: (by_value, row["value_name"])}[row["kind"]]
        add(target, key, row["n"])
    gave, got, givers_by_value = {}, {}, {}
    for row in people:
        target, key = {Role.GAVE: (gave, row["department_id"]),
                       Role.RECEIVED: (got, row["department_id"]),
                       Role.GAVE_VALUE: (givers_by_value, row["value_name"])}[row["role"]]
        add(target, key, row["n"])
    # One department per person (the rollups' snapshot): people add up across departments.
    return {
        "total": {"given": sum(given.values()), "givers": sum(gave.values()),
                  "recipients": sum(got.values())},
        "by_value": [{"values__name": name, "count": count, "givers": givers_by_value.get(name, 0)}
                     for name, count in by_value.items()],
        "givers": {dept: {"giver__department_id": dept, "given": count,
                          "givers": gave.get(dept, 0)} for dept, count in given.items()},
        "receivers": {dept: {"recipient__department_id": dept, "received": count,
                             "recipients": got.get(dept, 0)}
                      for dept, count in received.items()},
    }


def checkout_figures(*, scope: Scope) -> Numbers:
    """Average check-out score per category, and the distinct people who answered.

    Answers carry no person, so the department filter cannot apply to them; the people
    behind an average are counted from the receipts (who answered, never what). Read from
    the rollups: three queries, whatever the number of answers."""
    from dashboards.models import ActivityMask, CheckoutTally
    from dashboards.rollups import Units
    from dashboards.selectors.masks import category_rows, people_count, people_rows

    units = Units.of(scope.period)
    answers = (CheckoutTally.objects.filter(scope.groups("group__"), grain=units.grain,
                                            unit__gte=units.units[0], unit__lte=units.units[-1])
               .values("group__category")
               .annotate(answers=Sum("answers"), score_total=Sum("score_total")).order_by())
    checked = people_count("checked_out", units.mask)
    people = dict(ActivityMask.objects.filter(category_rows(scope), **units.place())
                  .values("category").annotate(n=checked).order_by()
                  .values_list("category", "n"))
    by_category: dict[str, Numbers] = {
        row["group__category"]: {"session__group__category": row["group__category"],
                                 "answers": row["answers"], "score_total": row["score_total"],
                                 "people": people.get(row["group__category"], 0)}
        for row in answers
    }
    everyone = ActivityMask.objects.filter(people_rows(scope), **units.place()).aggregate(
        n=checked)["n"]
    return {"by_category": by_category, "total": {
        "answers": sum(r["answers"] for r in by_category.values()),
        "score_total": sum(r["score_total"] for r in by_category.values()) or None,
        "people": everyone}}


def flag_figures(*, scope: Scope) -> Numbers:
    """Chat flags raised and resolved in the period, by rule and by the department of the
    person whose message was flagged. Counts only: never a message, never who."""
    flag = model("chat.Flag")
    start, end = scope.period.start, scope.period.end
    raised = Q(created_at__gte=start, created_at__lt=end)
    resolved = Q(resolved_at__gte=start, resolved_at__lt=end,
                 status__in=[flag.Status.ACTIONED, flag.Status.DISMISSED])
    base = flag.objects.filter(scope.groups("message__session__group__"),
                               scope.people("message__author__"), raised | resolved)
    counts = {"raised": Count("id", filter=raised), "resolved": Count("id", filter=resolved),
              "authors": Count("message__author", distinct=True),
              "reporters": Count("reporter", distinct=True)}
    return {
        "total": base.aggregate(**counts),
        "by_rule": {row["rule_key"]: row for row in
                    base.values("rule_key").annotate(**counts).order_by()},
        "by_department": {row["message__author__department_id"]: row for row in
                          base.values("message__author__department_id").annotate(**counts)
                          .order_by()},
    }


def activity_run_figures(*, scope: Scope) -> Numbers:
    """Team-building activities run in the period, by purpose, each with the distinct people
    who attended the sessions they were run in (the people behind the count). Two queries.
    Runs belong to sessions, not to people, so the department filter does not apply."""
    run = model("activities.ActivityRun")
    attendance = model("peer_sessions.Attendance")
    in_scope = run.objects.filter(scope.groups("session__group__"),
                                  started_at__gte=scope.period.start,
                                  started_at__lt=scope.period.end)
    runs = list(in_scope.values_list("category", "session_id"))
    attendees: dict[int, set[int]] = {}
    for session_id, user_id in (attendance.objects
                                .filter(session_id__in=in_scope.values("session_id"))
                                .values_list("session_id", "user_id")):
        attendees.setdefault(session_id, set()).add(user_id)
    by_category: dict[str, Numbers] = {}
    everyone: set[int] = set()
    for category, session_id in runs:
        row = by_category.setdefault(category, {"runs": 0, "people": set()})
        row["runs"] += 1
        row["people"] |= attendees.get(session_id, set())
        everyone |= attendees.get(session_id, set())
    return {"by_category": {c: {"runs": r["runs"], "people": len(r["people"])}
                            for c, r in by_category.items()},
            "total": {"runs": len(runs), "people": len(everyone)}}
