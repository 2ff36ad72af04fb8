"""What every benchmark needs: its own database, a Django set-up, and a results file."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"


def django_setup(database: str = "demarche_bench") -> None:
    """Point Django at a benchmark database (never the one `make run` serves), migrate it, and set up."""
    if os.environ.get("DATABASE_URL"):
        parts = urlsplit(os.environ["DATABASE_URL"])
        os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{database}"))
        _create_database(parts, database)
    else:
        from config import local_services

        os.environ["DEMARCHE_DB_NAME"] = database
        local_services.local_environment()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _create_database(parts, database: str) -> None:
    import psycopg

    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{database}"')


def corpus_statements_give(*, join_every: int = 0) -> float:
    """Give the corpus's quotes statements, in SQL: each quote one of its own (what matching leaves for quotes
    that resemble no other), or, with `join_every` n, every n-th quote (by id) a later or earlier report of the
    statement of the quote before it. The seconds it took."""
    from django.db import connection

    n = int(join_every)
    own = f"id % {n} <> 0" if n else "true"
    reported = f"CASE WHEN id % {n} = 0 THEN id - 1 ELSE id END" if n else "id"
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO statements_statement (id, speaker_id, statement_date, statement_precision, "
                       "created_at) SELECT id, speaker_id, statement_date, statement_precision, now() "
                       f"FROM statements_quote WHERE {own}")  # two integers, never input
        cursor.execute("SELECT setval(pg_get_serial_sequence('statements_statement', 'id'), "
                       "(SELECT max(id) FROM statements_statement))")
        cursor.execute(f"UPDATE statements_quote SET statement_id = {reported}")
        cursor.execute("VACUUM ANALYZE statements_quote")
        cursor.execute("VACUUM ANALYZE statements_statement")
    return round(time.perf_counter() - started, 1)


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    if not ordered:
        return {}

    def at(fraction: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 2)

    return {"n": len(ordered), "p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99),
            "mean_ms": round(statistics.fmean(ordered), 2)}


def write_results(name: str, results: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    results = {
        "benchmark": name,
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "python_reference_ms": python_reference_ms()},
        **results,
    }
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    return path


def python_reference_ms() -> float:
    """The machine's speed of the moment: a fixed pure-Python loop, best of three, in ms. Shared
    virtual machines of the same kind have been seen to differ by 2x on it, and every latency with it."""
    timings = []
    for _ in range(3):
        start, total = time.perf_counter(), 0
        for number in range(5_000_000):
            total += number
        timings.append((time.perf_counter() - start) * 1000)
    return round(min(timings), 1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[float, str]:
    """GET a URL: (milliseconds, body)."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        body = response.read().decode()
    return (time.perf_counter() - started) * 1000, body


@contextlib.contextmanager
def gunicorn(workers: int = 2, app: str = "config.wsgi", backlog: int = 2048):
    """Serve the project with gunicorn on a free loopback port (against the database django_setup chose);
    yield its base URL. Throttling is lifted: the benchmarks measure the pages, not the limiter."""
    port = free_port()
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "API_ANON_RATE": "1000000/minute"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", app, "--bind", f"127.0.0.1:{port}",
                               "--workers", str(workers), "--backlog", str(backlog), "--log-level", "warning"],
                              cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base + "/health/")
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def wrk_installed() -> None:
    if shutil.which("wrk") is None:
        sys.exit("this benchmark needs the load generator wrk: apt-get install wrk")


def wrk(url: str, *, seconds: int, connections: int, paths: list[str] | None = None, threads: int = 2,
        timeout_s: int = 10) -> dict:
    """Load `url` (or, given `paths`, those paths of its server in turn) with wrk: requests/s, latency
    percentiles (ms) and every kind of error.

    A request slower than `timeout_s` counts as an error (wrk's timeout), as does any answer that is
    not 2xx or 3xx (`status`).
    """
    run = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s",
         "-s", str(Path(__file__).with_name("wrk_report.lua")), url],
        capture_output=True, text=True, check=True, env={**os.environ, "WRK_PATHS": "\n".join(paths or [])},
    )
    line = next(line for line in run.stdout.splitlines() if line.startswith("WRK_JSON "))
    report = json.loads(line.removeprefix("WRK_JSON "))
    latency = {f"{name}_ms": round(value / 1000, 2) for name, value in report["latency_us"].items()}
    return {
        "requests": report["requests"],
        "requests_per_s": round(report["requests"] / (report["duration_us"] / 1e6), 1),
        "errors": sum(report["errors"].values()),
        "errors_by_kind": report["errors"],
        **latency,
    }
