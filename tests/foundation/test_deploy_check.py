"""Production settings (DEBUG=0 with real values) pass Django's deployment checklist."""

from tests.foundation.subprocess_settings import clean_env, run_manage


def test_production_settings_pass_check_deploy_at_warning_level():
    env = clean_env({
        "DEBUG": "0",
        "ALLOWED_HOSTS": "peersupport.example.com",
        "CSRF_TRUSTED_ORIGINS": "https://peersupport.example.com",
        "DATABASE_URL": "postgres://peersupport:secret@db:5432/peersupport",
        "REDIS_URL": "redis://redis:6379/0",
        "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
        "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.com:587",
        "SITE_URL": "https://peersupport.example.com",
    })

    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_site_url_is_flagged():
    """The worker and beat answer no request: without SITE_URL their links would be wrong."""
    env = clean_env({"DEBUG": "0", "ALLOWED_HOSTS": "peersupport.example.com"})

    result = run_manage(["check", "--deploy"], env)

    assert "peersupport.W001" in result.stderr + result.stdout


def test_the_embedded_default_is_not_mistaken_for_production():
    """The same check flags the DEBUG=1 defaults, so the test above cannot pass vacuously."""
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], clean_env({}))

    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG is on
