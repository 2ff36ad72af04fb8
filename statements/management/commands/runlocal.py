"""Serve the site with its Celery worker and beat, as `make run` does.

Starts the private Redis (when CELERY_BROKER_URL is not set), then gunicorn, a Celery worker
and Celery beat as child processes, and stops them all on Ctrl-C. A child that dies is started
again, as docker-compose's `restart: unless-stopped` does in production (a Celery worker on a
unix-socket broker exits when the broker goes away); one that dies within CRASH_LOOP_SECONDS of
its start stops them all instead.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from config import local_services

CRASH_LOOP_SECONDS = 10


class Command(BaseCommand):
    help = "Serve the site at http://127.0.0.1:8000 with a Celery worker and beat (local run)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("CELERY_CONCURRENCY", 2)))

    def handle(self, *args, bind: str, workers: int, **options):
        if not os.environ.get("CELERY_BROKER_URL"):
            socket_path = local_services.ensure_local_redis(settings.VAR_DIR)
            self.stdout.write(f"Private Redis on {socket_path}")
        settings.INBOX_DIR.mkdir(parents=True, exist_ok=True)  # beat imports what is dropped here
        bin_dir = os.path.dirname(sys.executable)
        commands = {
            "web": [os.path.join(bin_dir, "gunicorn"), "config.wsgi", "--bind", bind, "--workers", "3",
                    "--access-logfile", "-"],
            "worker": [os.path.join(bin_dir, "celery"), "-A", "config", "worker", "--loglevel", "INFO",
                       "--concurrency", str(workers)],
            "beat": [os.path.join(bin_dir, "celery"), "-A", "config", "beat", "--loglevel", "INFO",
                     "--schedule", str(settings.VAR_DIR / "celerybeat-schedule")],
        }
        self.stdout.write(f"Démarche at http://{bind}/ (admin at /admin/); Ctrl-C stops web, worker and beat.")
        self.stdout.write(f"Files dropped in {settings.INBOX_DIR} are imported by beat.")
        stop = []
        signal.signal(signal.SIGTERM, lambda *_: stop.append(True))  # `make stop` sends it
        pid_file = local_services.run_pid_file(settings.VAR_DIR)
        pid_file.write_text(str(os.getpid()))
        try:
            self.supervise(commands, stop)
        finally:
            pid_file.unlink(missing_ok=True)

    def supervise(self, commands: dict[str, list[str]], stop: list) -> None:
        """Run every command, start again any that dies, until `stop` is not empty, Ctrl-C, or a crash loop."""
        children = {name: subprocess.Popen(command) for name, command in commands.items()}
        started = dict.fromkeys(children, time.monotonic())
        try:
            while not stop:
                dead = [name for name, child in children.items() if child.poll() is not None]
                if any(time.monotonic() - started[name] < CRASH_LOOP_SECONDS for name in dead):
                    self.stderr.write(f"{', '.join(dead)} stopped right after starting; stopping the rest.")
                    break
                for name in dead:
                    self.stderr.write(f"{name} stopped (exit code {children[name].returncode}); starting it again.")
                    children[name], started[name] = subprocess.Popen(commands[name]), time.monotonic()
                time.sleep(0.2)
        except KeyboardInterrupt:
            pass
        finally:
            for child in children.values():
                if child.poll() is None:
                    child.terminate()
            for child in children.values():
                try:
                    child.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    child.kill()
