"""The learning path pages: a learner's own progress, practice replies and answers."""

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.training.conftest import GOOD_REPLY, complete_module
from training import services
from training.models import ModuleProgress, PracticeItem, PracticeReply


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_index_lists_the_seeded_modules(employee):
    response = logged_in(employee).get("/training/")
    assert response.status_code == 200
    for title in ["Attending and presence", "Reflecting feelings", "Open questions",
                  "Holding back advice and fixing", "Empathy versus sympathy",
                  "Confidentiality and its limits", "Facilitating a circle"]:
        assert title in response.content.decode()


def test_index_needs_a_login(db):
    response = Client().get("/training/")
    assert response.status_code == 302


def test_unknown_module_is_404(employee):
    assert logged_in(employee).get("/training/no-such-module/").status_code == 404


def test_unpublished_module_is_404(employee, first_module):
    first_module.is_published = False
    first_module.save()
    assert logged_in(employee).get(f"/training/{first_module.slug}/").status_code == 404


def test_module_page_shows_examples_practice_and_questions(employee, first_module):
    html = logged_in(employee).get(f"/training/{first_module.slug}/").content.decode()
    assert "A weak reply" in html and "A stronger reply" in html
    assert "Choose the better reply" in html
    assert 'src="/static/training/practice.js"' in html
    assert "<script>" not in html and "onclick" not in html


def test_module_body_markdown_is_rendered_safely(employee, first_module):
    first_module.body = "### Heading\n<script>alert(1)</script>"
    first_module.save()
    html = logged_in(employee).get(f"/training/{first_module.slug}/").content.decode()
    assert "<h3>Heading</h3>" in html
    assert "<script>alert(1)" not in html


def test_a_reply_with_advice_is_saved_with_its_feedback(employee, first_module):
    item = PracticeItem.objects.filter(module=first_module).first()
    client = logged_in(employee)
    response = client.post(f"/training/practice/{item.pk}/", {"text": "You should log off."})
    assert response.status_code == 302
    reply = PracticeReply.objects.get(user=employee)
    assert reply.pitfalls == ["advice"] and not reply.passed
    html = client.get(f"/training/{first_module.slug}/").content.decode()
    assert "You should log off." in html
    assert "Advice" in html and "Unsolicited" not in html


def test_an_empty_reply_gets_a_clear_error_and_saves_nothing(employee, first_module):
    item = PracticeItem.objects.filter(module=first_module).first()
    client = logged_in(employee)
    response = client.post(f"/training/practice/{item.pk}/", {"text": "   "}, follow=True)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode() or "Write your reply" in \
        response.content.decode()
    assert PracticeReply.objects.count() == 0


def test_completing_every_item_and_question_completes_the_module(employee, first_module):
    complete_module(employee, first_module)
    progress = ModuleProgress.objects.get(user=employee, module=first_module)
    assert progress.completed_at is not None
    html = logged_in(employee).get(f"/training/{first_module.slug}/").content.decode()
    assert 'id="module-completed"' in html


def test_a_wrong_answer_does_not_complete_it(employee, first_module):
    for item in PracticeItem.objects.filter(module=first_module):
        services.practice_reply_submit(user=employee, item=item, text=GOOD_REPLY)
    for question in first_module.questions.all():
        wrong = "a" if question.better == "b" else "b"
        services.choice_answer(user=employee, question=question, chosen=wrong)
    assert ModuleProgress.objects.get(user=employee, module=first_module).completed_at is None


def test_a_bad_answer_value_is_refused(employee, first_module):
    question = first_module.questions.first()
    response = logged_in(employee).post(f"/training/questions/{question.pk}/answer/",
                                        {"chosen": "z"}, follow=True)
    assert "Choose reply A or reply B" in response.content.decode()


def test_nobody_else_sees_my_replies(employee, member, facilitator, hr, first_module):
    item = PracticeItem.objects.filter(module=first_module).first()
    services.practice_reply_submit(user=employee, item=item, text="My secret reply words")
    for other in (member, facilitator, hr):
        for url in ["/training/", f"/training/{first_module.slug}/", "/training/facilitator/"]:
            assert "My secret reply words" not in logged_in(other).get(url).content.decode()


def test_i_can_delete_my_reply_and_completion_stays(employee, first_module):
    complete_module(employee, first_module)
    reply = PracticeReply.objects.filter(user=employee).first()
    response = logged_in(employee).post(f"/training/replies/{reply.pk}/delete/")
    assert response.status_code == 302
    assert not PracticeReply.objects.filter(pk=reply.pk).exists()
    assert ModuleProgress.objects.get(user=employee, module=first_module).completed_at


def test_someone_else_cannot_delete_my_reply(employee, member, first_module):
    item = PracticeItem.objects.filter(module=first_module).first()
    reply, _ = services.practice_reply_submit(user=employee, item=item, text=GOOD_REPLY)
    assert logged_in(member).post(f"/training/replies/{reply.pk}/delete/").status_code == 404
    assert PracticeReply.objects.filter(pk=reply.pk).exists()


def test_delete_all_deletes_only_mine(employee, member, first_module):
    item = PracticeItem.objects.filter(module=first_module).first()
    services.practice_reply_submit(user=employee, item=item, text=GOOD_REPLY)
    services.practice_reply_submit(user=member, item=item, text=GOOD_REPLY)
    logged_in(employee).post("/training/replies/delete-all/")
    assert not PracticeReply.objects.filter(user=employee).exists()
    assert PracticeReply.objects.filter(user=member).count() == 1


def test_delete_needs_post(employee):
    assert logged_in(employee).get("/training/replies/delete-all/").status_code == 405


@pytest.mark.django_db
def test_index_query_count_is_pinned(django_assert_num_queries, employee):
    client = logged_in(employee)
    UserFactory()
    # session, user, modules with counts, progress, items passed, answers right,
    # latest certification, sign-offs
    with django_assert_num_queries(8):
        client.get("/training/")
