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
