from unittest import mock

import pytest
from django.core import mail

from groups import services, tasks
from groups.models import NoticeReceipt
from tests.groups.conftest import join


def test_a_notice_task_that_runs_twice_sends_once(member, facilitator, open_group):
    membership = join(open_group, member)
    removal = services.membership_remove(group=open_group, by=facilitator,
                                         membership=membership, reason="Put-downs.")
    assert tasks.send_notice("removed", removal.pk, member.pk) is True
    assert tasks.send_notice("removed", removal.pk, member.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_leaves_no_receipt_so_the_retry_sends(member, facilitator, open_group):
    membership = join(open_group, member)
    removal = services.membership_remove(group=open_group, by=facilitator,
                                         membership=membership, reason="Put-downs.")
    with mock.patch("groups.services.notices.send_mail", side_effect=OSError("smtp down")), \
            pytest.raises(OSError):
        services.notice_send(kind="removed", object_id=removal.pk, recipient=member)
    assert not NoticeReceipt.objects.exists()
    assert services.notice_send(kind="removed", object_id=removal.pk, recipient=member)


def test_rules_change_emails_each_member_once(member, employee, facilitator, open_group,
                                              django_capture_on_commit_callbacks):
    join(open_group, member)
    join(open_group, employee)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.group_rules_update(group=open_group, by=facilitator,
                                              rules=[{"key": "respect", "text": "Be kind."}])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, employee.email])
    assert tasks.notify_rules_changed(version.pk) == 0
    assert len(mail.outbox) == 2


def test_a_notice_for_something_deleted_is_skipped(member):
    assert tasks.send_notice("removed", 999999, member.pk) is False
    assert tasks.send_notice("removed", 1, 999999) is False
