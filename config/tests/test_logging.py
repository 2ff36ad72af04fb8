"""Structured logs: one JSON object per line, with the fields a message carries."""

import json
import logging
import sys

from config.logging import JsonFormatter


def test_a_log_line_is_one_json_object_with_the_extra_fields():
    record = logging.makeLogRecord({"name": "statements.ingest.jobs", "levelname": "INFO", "levelno": logging.INFO,
                                    "msg": "item %s imported", "args": (12,), "job": 3, "article": "a\n«b»"})

    entry = json.loads(JsonFormatter().format(record))

    assert entry["message"] == "item 12 imported"
    assert (entry["level"], entry["logger"], entry["job"], entry["article"]) == (
        "INFO", "statements.ingest.jobs", 3, "a\n«b»")
    assert "\n" not in JsonFormatter().format(record)  # one line, whatever the message holds


def test_an_exception_travels_in_its_own_field():
    try:
        raise ValueError("bad PDF")
    except ValueError:
        record = logging.LogRecord("statements", logging.ERROR, __file__, 1, "failed", (), exc_info=sys.exc_info())

    entry = json.loads(JsonFormatter().format(record))

    assert "ValueError: bad PDF" in entry["exception"]
