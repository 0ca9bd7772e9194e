"""The production stack, checked by reading docker-compose.yml (no Docker engine runs here)."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ["migrate", "web", "worker", "beat"]
REQUIRED_ENV = ["DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS",
                "CSRF_TRUSTED_ORIGINS", "ALLAUTH_TRUSTED_PROXY_COUNT"]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def command_of(service: dict) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def test_the_stack_has_every_service(services):
    assert set(services) == {"postgres", "redis", "migrate", "web", "worker", "beat", "proxy"}


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_get_production_settings_from_the_environment(services, name):
    env = services[name]["environment"]

    assert set(REQUIRED_ENV) <= set(env)
    assert str(env["DEBUG"]) == "0"
    assert str(env["ALLAUTH_TRUSTED_PROXY_COUNT"]) == "1"
    assert env["DATABASE_URL"].startswith("postgres://")
    assert "@postgres:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:6379/")
    # Secrets are required from the operator, never defaulted in the file.
    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", env["SECRET_KEY"])
    assert ":?" in env["DATABASE_URL"]


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_wait_for_healthy_postgres_and_redis(services, name):
    depends = services[name]["depends_on"]

    assert depends["postgres"] == {"condition": "service_healthy"}
    assert depends["redis"] == {"condition": "service_healthy"}
    assert services[name]["build"] == "."


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_nothing_starts_before_the_migrations_have_run(services, name):
    assert services[name]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"}


def test_migrate_is_a_one_shot_step(services):
    assert command_of(services["migrate"]) == "python manage.py migrate --noinput"
    assert services["migrate"]["restart"] == "no"


def test_web_serves_the_asgi_app_and_can_scale(services):
    web = services["web"]
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert "peersupport.asgi:application" in dockerfile
    assert "container_name" not in web
    assert "ports" not in web  # only the proxy publishes ports; replicas would clash
    assert web["deploy"]["replicas"] >= 2
    assert web["expose"] == ["8000"]
    assert "deploy/healthcheck.py" in " ".join(web["healthcheck"]["test"])


def test_worker_and_a_single_beat_run_celery(services):
    assert command_of(services["worker"]).startswith("celery -A peersupport worker")
    assert command_of(services["beat"]).startswith("celery -A peersupport beat")
    assert services["beat"]["deploy"]["replicas"] == 1


@pytest.mark.parametrize("name", ["postgres", "redis", "web", "worker", "beat", "proxy"])
def test_long_running_services_have_healthchecks(services, name):
    assert services[name]["healthcheck"]["test"]


def test_proxy_fronts_web_and_passes_websockets(services):
    proxy = services["proxy"]
    conf = (ROOT / "deploy" / "nginx.conf").read_text()

    assert proxy["image"].startswith("nginx:")
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in proxy["volumes"]
    assert proxy["depends_on"]["web"] == {"condition": "service_healthy"}
    assert sorted(proxy["ports"]) == ["443:443", "80:80"]
    assert "server web:8000" in conf
    assert "proxy_pass http://peersupport_web;" in conf
    for header in ["Upgrade $http_upgrade", "Connection $connection_upgrade",
                   "X-Forwarded-For $proxy_add_x_forwarded_for",
                   "X-Forwarded-Proto $scheme", "Host $host"]:
        assert f"proxy_set_header {header};" in conf
    assert "proxy_http_version 1.1;" in conf


def test_data_lives_in_named_volumes(compose, services):
    assert "pgdata:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert set(compose["volumes"]) == {"pgdata", "redisdata"}


def test_the_image_runs_as_a_non_root_user_with_static_files_collected():
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    assert "pip install -r requirements.txt" in dockerfile
    assert "collectstatic --noinput" in dockerfile
    user_line = [line for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert user_line and user_line[-1] != "USER root"
    assert dockerfile.index("USER ") > dockerfile.index("collectstatic")



def test_the_image_runs_its_processes_on_jemalloc():
    """The memory a crowd of sockets used goes back to the system (peersupport/memory.py)."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    launcher = ROOT / "deploy" / "with-jemalloc"

    assert "apt-get install -y --no-install-recommends libjemalloc2" in dockerfile
    assert 'ENTRYPOINT ["/app/deploy/with-jemalloc"]' in dockerfile
    assert launcher.stat().st_mode & 0o111  # executable, as COPY keeps it
    assert 'exec "$@"' in launcher.read_text()
