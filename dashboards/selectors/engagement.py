"""True aggregates from the apps built around participation: recognition, check-outs, flags.

Each reads its app's models only if they are installed (`available_panels`), so the dashboard
shows exactly the panels whose data exists. Fixed number of aggregate queries each.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Count, Q, Sum

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
    return present


def recognition_figures(*, scope: Scope) -> Numbers:
    """Recognitions given (not hidden) in the period: totals, per value, per department."""
    recognition = model("recognition.Recognition")
    link = model("recognition.RecognitionRecipient")
    start, end = scope.period.start, scope.period.end
    base = recognition.objects.filter(scope.groups("group__"), is_hidden=False,
                                      created_at__gte=start, created_at__lt=end)
    given = base.filter(scope.people("giver__"))
    totals = given.aggregate(given=Count("id"), givers=Count("giver", distinct=True))
    received = link.objects.filter(scope.groups("recognition__group__"),
                                   recognition__is_hidden=False,
                                   recognition__created_at__gte=start,
                                   recognition__created_at__lt=end)
    totals.update(received.filter(scope.people("recipient__")).aggregate(
        recipients=Count("recipient", distinct=True)))
    by_value = list(given.values("values__name").annotate(
        count=Count("id", distinct=True), givers=Count("giver", distinct=True)).order_by())
    givers_by_department = {row["giver__department_id"]: row for row in
                            given.values("giver__department_id").annotate(
                                given=Count("id"), givers=Count("giver", distinct=True))
                            .order_by()}
    receivers_by_department = {row["recipient__department_id"]: row for row in
                               received.filter(scope.people("recipient__"))
                               .values("recipient__department_id").annotate(
                                   received=Count("recognition", distinct=True),
                                   recipients=Count("recipient", distinct=True),
                                   givers=Count("recognition__giver", distinct=True))
                               .order_by()}
    return {"total": totals, "by_value": by_value, "givers": givers_by_department,
            "receivers": receivers_by_department}


def checkout_figures(*, scope: Scope) -> Numbers:
    """Average check-out score per category, and the distinct people who answered.

    Answers carry no person, so the department filter cannot apply to them; the people
    behind an average are counted from the receipts (who answered, never what). Read from
    the rollups: two queries, whatever the number of answers."""
    from dashboards.models import ActivityMask, CheckoutTally
    from dashboards.rollups import Units
    from dashboards.selectors.participation import _hits

    units = Units.of(scope.period)
    answers = (CheckoutTally.objects.filter(scope.groups("group__"), grain=units.grain,
                                            unit__gte=units.units[0], unit__lte=units.units[-1])
               .values("group__category")
               .annotate(answers=Sum("answers"), score_total=Sum("score_total")).order_by())
    by_category: dict[str, Numbers] = {
        row["group__category"]: {"session__group__category": row["group__category"],
                                 "answers": row["answers"], "score_total": row["score_total"],
                                 "people": 0}
        for row in answers
    }
    checked = (ActivityMask.objects.filter(scope.groups("group__"), grain=units.grain,
                                           block__in=sorted(units.masks()))
               .annotate(hit=_hits("checked_out", units.masks())).filter(hit__gt=0))
    people = dict(checked.values("group__category").annotate(people=Count("user", distinct=True))
                  .order_by().values_list("group__category", "people"))
    for category, row in by_category.items():
        row["people"] = people.get(category, 0)
    total = {"answers": sum(r["answers"] for r in by_category.values()) or 0,
             "score_total": sum(r["score_total"] for r in by_category.values()) or None,
             "people": checked.aggregate(people=Count("user", distinct=True))["people"]}
    return {"by_category": by_category, "total": total}


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
