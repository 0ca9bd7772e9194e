from recognition.models import Recognition, Report
from recognition.services import report_file
from tests.factories import UserFactory
from tests.recognition.factories import give


def _staff():
    return UserFactory(display_name="Stevie Staff", is_staff=True)


def test_a_viewer_reports_a_recognition_once(client, employee, colleague, member):
    recognition = give(employee, colleague)
    client.force_login(member)

    response = client.post(f"/recognition/{recognition.pk}/report/",
                           {"reason": "disrespectful", "details": "Feels like mockery."},
                           follow=True)
    again = client.post(f"/recognition/{recognition.pk}/report/", {"reason": "other"},
                        follow=True)

    assert "A moderator will look at it" in response.content.decode()
    assert "already reported" in again.content.decode()
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.status) == (member, "disrespectful", "open")


def test_a_report_without_a_reason_is_refused(client, employee, colleague, member):
    recognition = give(employee, colleague)
    client.force_login(member)

    response = client.post(f"/recognition/{recognition.pk}/report/", {"details": "hmm"})

    assert response.status_code == 400
    assert "Choose what is wrong with it" in response.content.decode()
    assert "hmm" in response.content.decode()
    assert not Report.objects.exists()


def test_someone_who_cannot_see_it_cannot_report_it(client, employee, colleague, outsider):
    recognition = give(employee, colleague, visibility="private")
    client.force_login(outsider)

    assert client.get(f"/recognition/{recognition.pk}/report/").status_code == 404


def test_staff_see_reports_of_public_ones_and_hide_them(client, employee, colleague, member,
                                                        mfa_exempt):
    recognition = give(employee, colleague, message="A backhanded compliment")
    report_file(recognition=recognition, reporter=member, reason="disrespectful")
    staff = _staff()
    mfa_exempt(staff)
    client.force_login(staff)

    queue = client.get("/recognition/reports/")
    assert "A backhanded compliment" in queue.content.decode()

    client.post(f"/recognition/{recognition.pk}/hide/", {"next": "/recognition/reports/"})

    recognition.refresh_from_db()
    assert recognition.is_hidden and recognition.hidden_by == staff
    assert Report.objects.get().status == Report.Status.ACTIONED
    client.force_login(member)
    assert "A backhanded compliment" not in client.get("/recognition/").content.decode()


def test_staff_can_dismiss_reports_and_restore(client, employee, colleague, member, mfa_exempt):
    recognition = give(employee, colleague)
    report_file(recognition=recognition, reporter=member, reason="other")
    staff = _staff()
    mfa_exempt(staff)
    client.force_login(staff)

    client.post(f"/recognition/{recognition.pk}/dismiss/")
    assert Report.objects.get().status == Report.Status.DISMISSED
    client.post(f"/recognition/{recognition.pk}/hide/")
    client.post(f"/recognition/{recognition.pk}/restore/")

    recognition.refresh_from_db()
    assert not recognition.is_hidden


def test_group_facilitators_moderate_their_groups_ones_not_public_ones(
        client, employee, member, facilitator, circle, join, mfa_exempt):
    join(circle, employee)
    in_group = give(employee, member, visibility="group", group=circle, message="In group")
    public = give(employee, member, message="Public")
    report_file(recognition=in_group, reporter=member, reason="pressure")
    report_file(recognition=public, reporter=member, reason="pressure")
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    queue = client.get("/recognition/reports/").content.decode()
    assert "In group" in queue and "Public" not in queue

    assert client.post(f"/recognition/{public.pk}/hide/").status_code == 403
    client.post(f"/recognition/{in_group.pk}/hide/")
    assert Recognition.objects.get(pk=in_group.pk).is_hidden
    assert not Recognition.objects.get(pk=public.pk).is_hidden


def test_staff_do_not_moderate_group_ones(client, employee, member, circle, join):
    join(circle, employee)
    in_group = give(employee, member, visibility="group", group=circle)
    client.force_login(_staff())

    assert client.post(f"/recognition/{in_group.pk}/hide/").status_code == 404
    assert not Recognition.objects.get(pk=in_group.pk).is_hidden


def test_a_group_facilitator_needs_two_factor_to_moderate(client, employee, member,
                                                          facilitator, circle, join):
    join(circle, employee)
    in_group = give(employee, member, visibility="group", group=circle)
    client.force_login(facilitator)

    response = client.post(f"/recognition/{in_group.pk}/hide/")

    assert response.status_code == 302 and "totp" in response["Location"]
    assert not Recognition.objects.get(pk=in_group.pk).is_hidden


def test_a_member_cannot_hide_or_open_the_queue(client, employee, colleague, member):
    recognition = give(employee, colleague)
    client.force_login(member)

    assert client.post(f"/recognition/{recognition.pk}/hide/").status_code == 403
    assert client.get("/recognition/reports/").status_code == 403
    assert not Recognition.objects.get(pk=recognition.pk).is_hidden


def test_hiding_something_one_cannot_see_is_not_found(client, employee, colleague, outsider):
    recognition = give(employee, colleague, visibility="private")
    client.force_login(outsider)

    assert client.post(f"/recognition/{recognition.pk}/hide/").status_code == 404


def test_hiding_needs_post(client, employee, colleague):
    recognition = give(employee, colleague)
    client.force_login(_staff())

    assert client.get(f"/recognition/{recognition.pk}/hide/").status_code == 405
