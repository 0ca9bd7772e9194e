"""The system check that a reminder's claim outlasts one send (peersupport.W003)."""

from peersupport.checks import notice_lease_check


def test_the_default_lease_outlasts_a_hung_mail_server(settings):
    assert settings.NOTICE_CLAIM_LEASE == 300 and settings.EMAIL_TIMEOUT == 30
    assert notice_lease_check(None) == []


def test_a_lease_shorter_than_a_send_is_flagged(settings):
    settings.NOTICE_CLAIM_LEASE = 45

    [warning] = notice_lease_check(None)

    assert warning.id == "peersupport.W003"
    assert "45 s" in warning.msg and "30 s" in warning.msg
