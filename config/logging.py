"""Structured logs: with LOG_FORMAT=json (the docker-compose default), one JSON object per line.

Each object carries the time, level, logger and message, plus every field passed with `extra=`
(`logger.info("item imported", extra={"job": 3, "item": 12})`), so that a log store can filter on
them. The plain format stays the default on a developer's terminal.
"""

import json
import logging

_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _RECORD_ATTRIBUTES})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)
