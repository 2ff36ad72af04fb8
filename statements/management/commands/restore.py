from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.backup import database_restore


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by `backup FILE` (pg_restore --clean)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"no such backup: {file}")
        try:
            database_restore(file)
        except Exception as error:
            raise CommandError(f"restore failed: {getattr(error, 'stderr', b'') or error}") from error
        self.stdout.write(f"Restored from {file}.")
