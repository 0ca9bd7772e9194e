"""Moderation health: flag counts by rule and department, never content, never who."""

import csv
import io

from django.urls import reverse

from chat.models import Flag, Message
from tests.dashboards.conftest import hold_session, join, last_week_start, make_group
from tests.factories import UserFactory


def flag_many(org, authors, reporters, rule_key="respect", resolved=0):
    week = last_week_start()
    group = make_group(f"Flagged {rule_key}", "team_building")
    join(group, authors + reporters, week)
    session = hold_session(group, week, [], [])
    for i, (author, reporter) in enumerate(zip(authors, reporters, strict=True)):
        message = Message.objects.create(session=session, author=author,
                                         body=f"secret words {i}", client_id=f"c{i}")
        flag = Flag.objects.create(message=message, reporter=reporter, rule_key=rule_key)
        Flag.objects.filter(pk=flag.pk).update(created_at=week)
        if i < resolved:
            Flag.objects.filter(pk=flag.pk).update(status=Flag.Status.ACTIONED,
                                                   resolved_at=week)


def rows(client) -> list[list[str]]:
    response = client.get(reverse("dashboards:export_csv"))
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_flags_are_counted_by_rule_when_enough_people_are_behind_them(hr_client, org):
    flag_many(org, org.engineering[:6], [UserFactory() for _ in range(6)], resolved=4)
    flag_many(org, [UserFactory() for _ in range(9)], [UserFactory() for _ in range(9)],
              rule_key="own_experience", resolved=9)
    flag_many(org, [UserFactory() for _ in range(7)], [UserFactory() for _ in range(7)],
              rule_key="confidentiality", resolved=7)
    table = rows(hr_client)
    own = next(r for r in table if r and r[0] == "Own experience")
    assert own[1:] == ["10", "10"]
    confidentiality = next(r for r in table if r and r[0] == "Confidentiality")
    # 7 raised rounds to 5; resolved: respect (4) alone would cover too few, so 7 goes too.
    assert confidentiality[1:] == ["5", "hidden"]
    # The rules nobody flagged are zeros ("fewer than 5"): the smallest shown rule is hidden
    # beside them so the total cannot be subtracted down to them.
    respect = next(r for r in table if r and r[0] == "Respect")
    assert respect[1:] == ["hidden", "hidden"]
    all_flags = next(r for r in table if r and r[0] == "All flags")
    assert all_flags[1:] == ["20", "20"]  # 22 raised, 20 resolved
    body = hr_client.get(reverse("dashboards:index")).content.decode()
    assert "Moderation health" in body and "secret words" not in body


def test_flags_about_few_people_are_hidden_with_a_complementary_cell(hr_client, org):
    flag_many(org, org.engineering[:2], [UserFactory() for _ in range(2)],
              rule_key="confidentiality")
    flag_many(org, org.engineering[2:8], [UserFactory() for _ in range(6)])
    flag_many(org, [UserFactory() for _ in range(9)], [UserFactory() for _ in range(9)],
              rule_key="own_experience")
    table = rows(hr_client)
    confidentiality = next(r for r in table if r and r[0] == "Confidentiality")
    assert confidentiality[1] == "fewer than 5"
    # The other rules hold 2 flags together: the smallest shown one is hidden beside them.
    respect = next(r for r in table if r and r[0] == "Respect")
    assert respect[1] == "hidden"
    own = next(r for r in table if r and r[0] == "Own experience")
    assert own[1] == "10"
