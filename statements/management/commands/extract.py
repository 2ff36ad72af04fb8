"""`extract --json FILE...`: what extraction would store, as JSON Lines; nothing is written."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.ingest.preview import documents_extract


class Command(BaseCommand):
    help = "Print, one JSON object per document, the quotes, speakers, actors and incidents extraction finds."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="JSON Lines output (the only format; kept explicit)")
        parser.add_argument("--gazetteer", type=Path, default=None,
                            help="read the gazetteer from this folder instead of the database")

    def handle(self, *args, files: list[Path], gazetteer: Path | None, **options):
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"no such file: {', '.join(missing)}")
        for prediction in documents_extract(files, gazetteer_dir=gazetteer, max_bytes=settings.IMPORT_MAX_BYTES):
            self.stdout.write(json.dumps(prediction, ensure_ascii=False))
