"""Production settings are values, not code paths: the same module passes Django's deploy checks."""

import os
import re
import subprocess
import sys

import yaml
from django.conf import settings

PRODUCTION = {
    "DATABASE_URL": "postgres://demarche@127.0.0.1:1/demarche",  # never connected to by `check`
    "SECRET_KEY": "a-production-secret-key-of-more-than-fifty-characters-0123456789",
    "ALLOWED_HOSTS": "demarche.example.org",
    "SECURE_COOKIES": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_PRELOAD": "true",
}


def manage(*args, **env):
    unwanted = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # the browser tests set the last
    clean = {key: value for key, value in os.environ.items() if key not in unwanted}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env={**clean, **env},
                          capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_checks_without_warnings():
    run = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert run.returncode == 0, run.stderr + run.stdout


def test_a_server_database_without_secret_key_is_refused():
    settings_without_key = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}
    run = manage("check", **settings_without_key)
    assert run.returncode != 0
    assert "SECRET_KEY must be set" in run.stderr


def test_pages_send_a_content_security_policy_and_security_headers(client, db):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_health_reports_the_database_and_broker(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert "broker" in response.json()


def test_admin_login_is_locked_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_superuser("editor", password="the-right-password")
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post("/admin/login/", {"username": "editor", "password": "wrong"}).status_code == 429  # 5th
    locked = client.post("/admin/login/", {"username": "editor", "password": "the-right-password"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_reading_the_settings_starts_nothing_and_writes_nothing(tmp_path):
    """Settings only read the environment: with no servers named, importing them (as gunicorn, Celery or a
    script would) leaves the var folder empty; manage.py and the test setup start the private PostgreSQL."""
    unwanted = {"DATABASE_URL", "SECRET_KEY", "CELERY_BROKER_URL"}
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env["DEMARCHE_VAR_DIR"] = str(tmp_path / "var")
    run = subprocess.run([sys.executable, "-c", "import config.settings as s; print(s.DATABASES, s.CELERY_BROKER_URL)"],
                         cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    from config import local_services

    # ...and the broker is the socket `runlocal` starts the private Redis on.
    assert run.stdout.split() == ["{}", f"redis+socket://{local_services.redis_socket(tmp_path / 'var')}"]
    assert not (tmp_path / "var").exists()



def readme_production_environment() -> dict[str, str]:
    """The environment docker-compose gives `web` with the README's production `.env`."""
    readme = (settings.BASE_DIR / "README.md").read_text()
    block = readme.split("cat > .env <<EOF\n", 1)[1].split("\nEOF\n", 1)[0]
    dotenv = dict(line.split("=", 1) for line in block.splitlines())
    dotenv = {key: "generated-" + "x" * 60 if value.startswith("$(") else value for key, value in dotenv.items()}
    compose = yaml.safe_load((settings.BASE_DIR / "docker-compose.yml").read_text())
    environment = {}
    for key, value in compose["x-app"]["environment"].items():
        def substitute(match):
            name, default = match.group(1), match.group(3) or ""
            return dotenv.get(name, default)
        environment[key] = re.sub(r"\$\{(\w+)(:[-?]([^}]*))?\}", substitute, str(value))
    environment["DATABASE_URL"] = PRODUCTION["DATABASE_URL"]  # the compose one names a host only it knows
    return environment


def test_the_readmes_production_env_passes_the_deploy_checks():
    environment = readme_production_environment()
    assert environment["SECURE_SSL_REDIRECT"] == "true" and int(environment["SECURE_HSTS_SECONDS"]) >= 31536000
    run = manage("check", "--deploy", "--fail-level", "WARNING", **environment)
    assert run.returncode == 0, run.stderr + run.stdout
