from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.backup import database_backup


class Command(BaseCommand):
    help = "Write the whole database to FILE with pg_dump (custom format); restore it with `restore FILE`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            database_backup(file)
        except Exception as error:
            raise CommandError(f"backup failed: {getattr(error, 'stderr', b'') or error}") from error
        self.stdout.write(f"Backup written to {file} ({file.stat().st_size:,} bytes).")
