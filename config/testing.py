"""Test setup that must run before Django reads its settings (loaded by pytest with `-p config.testing`).

On a machine with no DATABASE_URL the tests, like `manage.py`, use the private PostgreSQL under var/
(pytest-django then creates its test database on that server): config/local_services.py.
"""

import os

from config import local_services

local_services.local_environment()
# The tests run in one process: the throttle's shared cache is its memory (config/tests/test_proxies.py
# tests the database's).
os.environ.setdefault("CACHE_URL", "locmem://")
