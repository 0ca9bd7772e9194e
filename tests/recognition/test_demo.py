from accounts import demo as accounts_demo
from recognition import demo
from recognition.models import Recognition


def test_demo_seed_is_idempotent_and_recognises_the_employee_for_active_listening(db):
    people = accounts_demo.seed()

    demo.seed(people)
    count = Recognition.objects.count()
    demo.seed(people)

    assert Recognition.objects.count() == count >= 6
    assert Recognition.objects.filter(recipients__email="employee@example.com",
                                      values__slug="active-listening").exists()
