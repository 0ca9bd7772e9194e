from groups.models import Membership
from recognition.models import Reply
from recognition.services import recognition_hide, reply_post
from tests.recognition.factories import give


def test_a_viewer_replies_and_goes_back_to_the_feed(client, employee, colleague):
    recognition = give(employee, colleague)
    client.force_login(colleague)

    response = client.post(f"/recognition/{recognition.pk}/reply/",
                           {"body": "  Thank you!  ", "next": f"/recognition/#recognition-"
                                                              f"{recognition.pk}"})

    assert response.status_code == 302
    assert Reply.objects.get().body == "Thank you!"
    feed = client.get("/recognition/").content.decode()
    assert "Thank you!" in feed


def test_an_empty_reply_is_refused(client, employee, colleague):
    recognition = give(employee, colleague)
    client.force_login(colleague)

    response = client.post(f"/recognition/{recognition.pk}/reply/", {"body": "   "})

    assert response.status_code == 400
    assert "Write a reply first" in response.content.decode()
    assert not Reply.objects.exists()


def test_a_long_reply_is_refused_and_kept_for_editing(client, employee, colleague):
    recognition = give(employee, colleague)
    client.force_login(colleague)
    body = "so grateful " * 30

    response = client.post(f"/recognition/{recognition.pk}/reply/", {"body": body})

    page = response.content.decode()
    assert "280 characters or fewer" in page
    assert body.strip() in page
    assert not Reply.objects.exists()


def test_someone_who_cannot_see_it_cannot_reply(client, employee, colleague, outsider):
    recognition = give(employee, colleague, visibility="private")
    client.force_login(outsider)

    assert client.post(f"/recognition/{recognition.pk}/reply/",
                       {"body": "Hi"}).status_code == 404
    assert not Reply.objects.exists()


def test_nobody_replies_to_a_hidden_recognition(client, employee, colleague, hr):
    recognition = give(employee, colleague)
    recognition_hide(recognition=recognition, moderator=hr)
    client.force_login(employee)  # the giver still sees it

    assert client.post(f"/recognition/{recognition.pk}/reply/",
                       {"body": "Hi"}).status_code == 403
    assert not Reply.objects.exists()


def test_the_author_deletes_their_reply(client, employee, colleague):
    recognition = give(employee, colleague)
    reply = reply_post(recognition=recognition, author=colleague, body="Thanks")
    client.force_login(colleague)

    client.post(f"/recognition/replies/{reply.pk}/remove/")

    assert not Reply.objects.exists()


def test_another_viewer_cannot_remove_a_reply(client, employee, colleague, member):
    recognition = give(employee, colleague)
    reply = reply_post(recognition=recognition, author=colleague, body="Thanks")
    client.force_login(member)

    assert client.post(f"/recognition/replies/{reply.pk}/remove/").status_code == 403
    assert Reply.objects.filter(is_hidden=False).count() == 1


def test_a_group_facilitator_hides_a_reply_in_their_group(client, employee, member, facilitator,
                                                          circle, join, mfa_exempt):
    join(circle, employee)
    recognition = give(employee, member, visibility="group", group=circle)
    reply = reply_post(recognition=recognition, author=member, body="Unkind words")
    mfa_exempt(facilitator)
    client.force_login(facilitator)

    client.post(f"/recognition/replies/{reply.pk}/remove/")

    reply.refresh_from_db()
    assert reply.is_hidden
    client.force_login(employee)
    assert "Unkind words" not in client.get("/recognition/").content.decode()


def test_replies_in_a_pseudonymous_group_show_the_pseudonym(client, employee, member, circle,
                                                            join):
    circle.allow_pseudonyms = True
    circle.save(update_fields=["allow_pseudonyms"])
    join(circle, employee)
    Membership.objects.filter(group=circle, user=member).update(pseudonym="Otter")
    recognition = give(employee, member, visibility="group", group=circle)
    reply_post(recognition=recognition, author=member, body="Thank you all")
    client.force_login(employee)

    page = client.get(f"/recognition/{recognition.pk}/").content.decode()

    assert "Otter" in page and member.display_name not in page
