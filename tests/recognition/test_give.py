from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from groups.models import Group, Membership
from recognition.models import Recognition, RecognitionRecipient
from tests.factories import UserFactory
from tests.recognition.factories import GroupFactory, give, value


def _post(client, **overrides):
    data = {"recipients": "casey@example.org", "values": [value().pk],
            "message": "Thank you for listening so patiently.", "visibility": "public"}
    data.update(overrides)
    return client.post("/recognition/give/", data)


def test_giving_recognition_stores_it_and_thanks_the_giver(client, employee, colleague):
    client.force_login(employee)

    response = _post(client, values=[value().pk, value("empathy").pk])

    recognition = Recognition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/recognition/#recognition-{recognition.pk}"
    assert recognition.giver == employee
    assert list(recognition.recipients.all()) == [colleague]
    assert {v.slug for v in recognition.values.all()} == {"active-listening", "empathy"}
    assert recognition.visibility == "public" and recognition.group is None


def test_several_colleagues_can_be_recognised_at_once(client, employee, colleague, member):
    client.force_login(employee)

    _post(client, recipients=f"casey@example.org, {member.email.upper()}")

    assert set(Recognition.objects.get().recipients.all()) == {colleague, member}


def test_the_give_form_needs_a_login(client):
    response = client.get("/recognition/give/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


BAD_INPUT = [
    ({"message": "   "}, "Write a short message"),
    ({"message": "x" * 501}, "500 characters or fewer (it has 501)"),
    ({"recipients": "nobody@example.org"}, "couldn&#x27;t find a colleague"),
    ({"recipients": ""}, "Choose at least one colleague"),
    ({"values": []}, "Choose at least one value"),
    ({"values": ["99999"]}, "Choose from the listed values"),
    ({"visibility": "group"}, "start from that group"),
    ({"visibility": "everyone-and-their-dog"}, "Choose everyone or only the people"),
]


@pytest.mark.parametrize(("overrides", "error"), BAD_INPUT)
def test_bad_input_gets_a_clear_error_keeps_the_input_and_saves_nothing(
        client, employee, colleague, overrides, error):
    client.force_login(employee)

    response = _post(client, **overrides)

    page = response.content.decode()
    assert response.status_code == 200
    assert error in page
    assert Recognition.objects.count() == 0
    if "message" not in overrides:
        assert "Thank you for listening so patiently." in page


def test_recognising_oneself_is_refused(client, employee, colleague):
    client.force_login(employee)

    response = _post(client, recipients=f"casey@example.org, {employee.email}")

    assert "recognise yourself" in response.content.decode()
    assert Recognition.objects.count() == 0


def test_an_inactive_colleague_cannot_be_recognised(client, employee, colleague):
    colleague.is_active = False
    colleague.save(update_fields=["is_active"])
    client.force_login(employee)

    response = _post(client)

    assert "no longer has an active account" in response.content.decode()
    assert Recognition.objects.count() == 0


def test_an_inactive_value_cannot_be_chosen(client, employee, colleague):
    courage = value("courage")
    courage.is_active = False
    courage.save(update_fields=["is_active"])
    client.force_login(employee)

    response = _post(client, values=[courage.pk])

    assert "Choose from the listed values" in response.content.decode()
    assert Recognition.objects.count() == 0


def test_the_weekly_limit_stops_the_eleventh_with_a_clear_message(client, employee, colleague,
                                                                   settings):
    settings.RECOGNITION_WEEKLY_LIMIT = 3
    for _ in range(3):
        give(employee, colleague)
    client.force_login(employee)

    response = _post(client, message="One more thank you")

    page = response.content.decode()
    assert "You have given 3 recognitions in the last 7 days" in page
    assert "You can recognise someone again from" in page
    assert "One more thank you" in page
    assert Recognition.objects.count() == 3


def test_the_weekly_limit_is_a_rolling_seven_days(employee, colleague, settings):
    settings.RECOGNITION_WEEKLY_LIMIT = 2
    first = give(employee, colleague)
    give(employee, colleague)
    with pytest.raises(ValidationError):
        give(employee, colleague)

    Recognition.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - timedelta(days=7, minutes=1))
    give(employee, colleague)

    assert Recognition.objects.filter(giver=employee).count() == 3


def test_the_limit_is_per_giver(employee, colleague, member, settings):
    settings.RECOGNITION_WEEKLY_LIMIT = 1
    give(employee, colleague)

    give(member, colleague)

    assert Recognition.objects.count() == 2


def test_the_default_limit_is_ten(employee, colleague):
    for _ in range(10):
        give(employee, colleague)

    with pytest.raises(ValidationError, match="10 recognitions"):
        give(employee, colleague)


# --- Within a group -------------------------------------------------------------------------


def test_a_member_recognises_another_member_within_the_group(client, employee, member, circle,
                                                              join):
    join(circle, employee)
    membership = Membership.objects.get(group=circle, user=member)
    client.force_login(employee)

    response = client.post("/recognition/give/tuesday-circle/", {
        "members": [membership.pk], "values": [value("support").pk],
        "message": "Thank you for sharing.", "visibility": "group"})

    recognition = Recognition.objects.get()
    assert response.status_code == 302
    assert recognition.group == circle and recognition.visibility == "group"
    assert list(recognition.recipients.all()) == [member]


def test_the_group_form_lists_pseudonyms_not_names(client, employee, member, circle, join):
    circle.allow_pseudonyms = True
    circle.save(update_fields=["allow_pseudonyms"])
    join(circle, employee)
    Membership.objects.filter(group=circle, user=member).update(pseudonym="Kestrel")
    client.force_login(employee)

    page = client.get("/recognition/give/tuesday-circle/").content.decode()

    assert "Kestrel" in page
    assert member.display_name not in page
    assert member.email not in page


def test_a_non_member_of_a_visible_group_gets_403_and_nothing_is_saved(client, outsider,
                                                                       member, circle):
    membership = Membership.objects.get(group=circle, user=member)
    client.force_login(outsider)

    response = client.post("/recognition/give/tuesday-circle/", {
        "members": [membership.pk], "values": [value().pk], "message": "Hi",
        "visibility": "group"})

    assert response.status_code == 403
    assert Recognition.objects.count() == 0


def test_a_private_group_is_not_found_for_a_non_member(client, outsider):
    GroupFactory(slug="quiet-room", visibility=Group.Visibility.PRIVATE)
    client.force_login(outsider)

    assert client.get("/recognition/give/quiet-room/").status_code == 404


def test_a_forged_member_of_another_group_is_refused(client, employee, outsider, circle, join):
    join(circle, employee)
    elsewhere = join(GroupFactory(), outsider)
    client.force_login(employee)

    response = client.post("/recognition/give/tuesday-circle/", {
        "members": [elsewhere.pk], "values": [value().pk], "message": "Hi",
        "visibility": "group"})

    assert "Choose from the group" in response.content.decode()
    assert Recognition.objects.count() == 0


def test_public_visibility_is_refused_within_a_group(client, employee, member, circle, join):
    join(circle, employee)
    membership = Membership.objects.get(group=circle, user=member)
    client.force_login(employee)

    response = client.post("/recognition/give/tuesday-circle/", {
        "members": [membership.pk], "values": [value().pk], "message": "Hi",
        "visibility": "public"})

    assert "Within a group, choose" in response.content.decode()
    assert Recognition.objects.count() == 0


def test_the_service_refuses_a_group_the_giver_is_not_in(outsider, member, circle):
    with pytest.raises(ValidationError, match="only while you are one of its members"):
        give(outsider, member, visibility="group", group=circle)
    assert Recognition.objects.count() == 0


def test_the_service_refuses_recipients_outside_the_group(employee, outsider, circle, join):
    join(circle, employee)

    with pytest.raises(ValidationError, match="only its current members"):
        give(employee, outsider, visibility="group", group=circle)


def test_the_service_refuses_group_visibility_without_a_group(employee, colleague):
    with pytest.raises(ValidationError, match="needs a group"):
        give(employee, colleague, visibility="group")


def test_recipient_rows_start_pending_for_notification(employee, colleague):
    recognition = give(employee, colleague, notify=True)

    link = RecognitionRecipient.objects.get(recognition=recognition)
    # Eager Celery runs only after commit; in this test the transaction never commits.
    assert link.notification == RecognitionRecipient.Notification.PENDING


def test_a_second_account_with_the_same_name_does_not_confuse_the_email_lookup(
        client, employee, colleague):
    UserFactory(display_name="Casey Colleague", email="casey.other@example.org")
    client.force_login(employee)

    _post(client)

    assert list(Recognition.objects.get().recipients.all()) == [colleague]
