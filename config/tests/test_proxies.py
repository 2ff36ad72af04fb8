"""Who the client is, behind a proxy or not: the login lock-out and the API throttle key on the same
address, X-Forwarded-For is believed only with BEHIND_PROXY (its last entry), the throttle is shared."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.management import call_command
from django.db import connection
from rest_framework.throttling import SimpleRateThrottle

PROXY = "10.0.0.1"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password="the-right-password")


def login(client, password, **headers):
    return client.post("/admin/login/", {"username": "editor", "password": password}, **headers)


def test_without_a_proxy_a_forged_header_neither_bypasses_nor_moves_the_lock_out(client, editor, settings):
    settings.BEHIND_PROXY = False
    for n in range(5):
        login(client, "wrong", REMOTE_ADDR="6.6.6.6", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert login(client, "the-right-password", REMOTE_ADDR="6.6.6.6", HTTP_X_FORWARDED_FOR="1.2.3.4").status_code == 429
    assert login(client, "the-right-password", REMOTE_ADDR="1.2.3.4").status_code == 302  # the editor, elsewhere


def test_behind_a_proxy_an_attacker_locks_out_only_itself(client, editor, settings):
    """All requests come from the proxy's address: before, five wrong passwords from anyone locked the
    account out for everyone."""
    settings.BEHIND_PROXY = True
    for _ in range(5):
        login(client, "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4, 6.6.6.6")  # 1.2.3.4 is forged
    assert login(client, "the-right-password", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6").status_code == 429
    editor_there = login(client, "the-right-password", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert editor_there.status_code == 302


@pytest.fixture
def five_a_minute(monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "5/minute", "user": "5/minute"})


def statuses(client, n, **headers):
    return [client.get("/api/v1/quotes/", **headers).status_code for _ in range(n)]


def test_a_random_forwarded_for_does_not_bypass_the_throttle(client, db, five_a_minute):
    codes = [client.get("/api/v1/quotes/", REMOTE_ADDR="6.6.6.6", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
             for n in range(7)]
    assert codes == [200] * 5 + [429] * 2


def test_behind_a_proxy_the_throttle_counts_each_client(client, db, five_a_minute, settings):
    settings.BEHIND_PROXY = True
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert statuses(client, 6, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="1.1.1.1, 6.6.6.6") == [200] * 5 + [429]
    assert statuses(client, 1, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.7") == [200]


@pytest.fixture
def shared_cache(db):
    """The shared cache as in production without CACHE_URL (the tests keep it in memory)."""
    call_command("createcachetable", "demarche_cache")  # what migrate does where CACHE_URL is not set
    shared = caches["shared"]
    caches["shared"] = DatabaseCache("demarche_cache", {})
    yield caches["shared"]
    caches["shared"] = shared


def test_the_throttle_counts_in_the_cache_every_process_shares(client, db, five_a_minute, shared_cache):
    statuses(client, 3, REMOTE_ADDR="6.6.6.6")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM demarche_cache WHERE cache_key LIKE %s", ["%throttle_anon_6.6.6.6"])
        assert cursor.fetchone()[0] == 1
    assert statuses(client, 3, REMOTE_ADDR="6.6.6.6") == [200, 200, 429]


def test_the_api_answers_when_the_shared_cache_does_not(client, db, five_a_minute, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(caches["shared"], "get", unreachable)
    assert statuses(client, 7, REMOTE_ADDR="6.6.6.6") == [200] * 7


@pytest.mark.parametrize(("cache_url", "backend"), [
    ("", "django.core.cache.backends.db.DatabaseCache"),
    ("redis://redis:6379/1", "django.core.cache.backends.redis.RedisCache"),
])
def test_production_caches_are_shared_between_processes(cache_url, backend):
    environment = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
    code = "from django.conf import settings; print(settings.CACHES['shared']['BACKEND'])"
    run = subprocess.run([sys.executable, "-c", f"import django; django.setup(); {code}"], cwd=settings.BASE_DIR,
                         env={**environment, "CACHE_URL": cache_url, "DJANGO_SETTINGS_MODULE": "config.settings"},
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == backend, run.stderr
