#!/usr/bin/env python
"""Django's command-line utility for administrative tasks.

On a machine with no DATABASE_URL, the commands that need a database first start (or attach to)
the private PostgreSQL under var/: see config/local_services.py.
"""
import os
import sys

# Commands that never touch the database: they need no private PostgreSQL started for them.
COMMANDS_WITHOUT_DATABASE = {"help", "version", "--help", "-h", "--version", "collectstatic", "compilemessages",
                             "makemessages"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from config import local_services

    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    local_services.local_environment(with_database=command not in COMMANDS_WITHOUT_DATABASE)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
