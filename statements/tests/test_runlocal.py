"""`make run`'s supervisor: a child that dies is started again; one that dies at once stops everything."""

import sys
import threading

from statements.management.commands import runlocal


def child_logging_its_starts(log, lifetime_s: float) -> list[str]:
    return [sys.executable, "-c", f"import time; open({str(log)!r}, 'a').write('started\\n'); time.sleep({lifetime_s})"]


def test_a_child_that_dies_is_started_again(tmp_path, monkeypatch):
    monkeypatch.setattr(runlocal, "CRASH_LOOP_SECONDS", 0.5)
    log, stop = tmp_path / "starts", []
    threading.Timer(3.5, stop.append, [True]).start()
    runlocal.Command().supervise({"worker": child_logging_its_starts(log, lifetime_s=1)}, stop)
    assert log.read_text().count("started") >= 2


def test_a_child_dying_right_after_its_start_stops_the_rest(tmp_path):
    log, stop = tmp_path / "starts", []
    timer = threading.Timer(30, stop.append, [True])
    timer.start()
    try:
        runlocal.Command().supervise({"web": [sys.executable, "-c", "raise SystemExit(3)"],
                                      "worker": child_logging_its_starts(log, lifetime_s=60)}, stop)
    finally:
        timer.cancel()
    assert not stop  # it returned on its own, long before the timer
    assert (log.read_text() if log.exists() else "").count("started") <= 1  # the worker was not restarted


def test_make_stop_stops_a_running_runlocal_and_its_children(tmp_path):
    """`make stop` sends runlocal SIGTERM through its pid file; runlocal then stops web, worker and beat."""
    import subprocess

    from config import local_services

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    local_services.run_pid_file(tmp_path).write_text(str(child.pid))
    local_services.stop_local_run(tmp_path, timeout=10)
    assert child.wait(timeout=5) != 0  # terminated, not finished
    assert not local_services.run_pid_file(tmp_path).exists()
    local_services.stop_local_run(tmp_path)  # nothing running: nothing to do


def test_runlocal_records_its_pid_while_it_serves_and_stops_its_children_on_sigterm(tmp_path, monkeypatch, settings):
    import os
    import signal

    settings.VAR_DIR = tmp_path
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")  # no private Redis for this test
    seen = []

    def supervise(commands, stop):
        seen.append((tmp_path / "runlocal.pid").read_text())
        os.kill(os.getpid(), signal.SIGTERM)
        seen.append(bool(stop))

    monkeypatch.setattr(runlocal.Command, "supervise", lambda self, commands, stop: supervise(commands, stop))
    previous = signal.getsignal(signal.SIGTERM)
    try:
        runlocal.Command().handle(bind="127.0.0.1:0", workers=1)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == [str(os.getpid()), True]
    assert not (tmp_path / "runlocal.pid").exists()
