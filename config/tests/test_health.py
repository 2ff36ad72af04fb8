"""/health/ cannot be used to take the site down: its checks run once per few seconds, whoever asks."""

import threading
import time

import pytest

from config import health


@pytest.fixture
def counted_checks(monkeypatch, settings):
    settings.HEALTH_CACHE_SECONDS = 60
    monkeypatch.setattr(health, "_last", {"status": None, "at": 0.0})
    calls = []

    def slow_checks():
        calls.append(1)
        time.sleep(0.3)  # what a worker ping costs
        return {"database": "ok", "broker": "ok", "worker": "ok (1 alive)"}

    monkeypatch.setattr(health, "run_checks", slow_checks)
    return calls


def test_many_anonymous_requests_run_the_checks_once(client, db, counted_checks):
    started = time.monotonic()
    for _ in range(50):
        response = client.get("/health/")
        assert response.status_code == 200 and response.json()["worker"] == "ok (1 alive)"
    assert len(counted_checks) == 1
    assert time.monotonic() - started < 2  # 50 x 0.3 s had the checks run each time


def test_concurrent_requests_never_wait_for_a_refresh_in_progress(counted_checks, settings):
    health.current_status()
    settings.HEALTH_CACHE_SECONDS = 0  # stale from now on: each request would check again
    durations = []

    def ask():
        started = time.monotonic()
        health.current_status()
        durations.append(time.monotonic() - started)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(counted_checks) <= 3  # the first, then one refresh at a time
    assert sorted(durations)[5] < 0.1  # the others answered the last status at once


def test_the_status_is_refreshed_once_it_is_stale(counted_checks, settings):
    health.current_status()
    settings.HEALTH_CACHE_SECONDS = 0
    health.current_status()
    assert len(counted_checks) == 2
