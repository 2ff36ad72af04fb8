"""`evaluate_extraction GOLD.json`: score extraction on an annotated sample (gold-seeds.json format)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.extraction.evaluate import gold_split, score_with_errors
from statements.ingest.preview import documents_extract, gold_files


class Command(BaseCommand):
    help = "Extract the documents a gold file annotates and print quote, speaker, actor and incident scores."

    def add_arguments(self, parser):
        parser.add_argument("gold", type=Path)
        parser.add_argument("--gazetteer", type=Path, default=None,
                            help="read the gazetteer from this folder instead of the database")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the scores as JSON")
        parser.add_argument("--split", default=None, help="score only the documents of this split (dev, heldout)")
        parser.add_argument("--errors", action="store_true", help="print each error before the scores")

    def handle(self, *args, gold: Path, gazetteer: Path | None, as_json: bool, split: str | None = None,
               errors: bool = False, **options):
        try:
            annotation = gold_split(_load(gold), split)
            files = gold_files(annotation, gold)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{gold}: {error}") from error
        predictions = list(documents_extract(files, gazetteer_dir=gazetteer, max_bytes=settings.IMPORT_MAX_BYTES))
        report, found_errors = score_with_errors(annotation, predictions)
        if errors:
            for error in found_errors:
                self.stdout.write(error)
        if as_json:
            self.stdout.write(_dumps(report))
            return
        for key, value in report.items():
            if isinstance(value, float):
                self.stdout.write(f"{key:>24}: {value:.3f}")
            elif isinstance(value, int):
                self.stdout.write(f"{key:>24}: {value}")


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _dumps(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=str)
