from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from statements.gazetteer_loading import gazetteer_load


class Command(BaseCommand):
    help = "Load the reference gazetteer (actors, incidents, events, topics); safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=settings.GAZETTEER_DIR, help="folder of the JSON files")

    def handle(self, *args, dir: Path, **options):
        counts = gazetteer_load(directory=dir)
        summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "nothing new"
        self.stdout.write(f"Gazetteer loaded from {dir}: {summary}.")
