"""Re-run extraction over stored articles after the extractor or the gazetteer improved."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from statements.ingest.quotes import articles_reextract
from statements.models import Article
from statements.tasks import reextract_articles


class Command(BaseCommand):
    help = "Re-extract quotes from stored articles; verified and rejected quotes are kept as curators left them."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="article ids (default: every article)")
        parser.add_argument("--sync", action="store_true", help="run here instead of queuing tasks for the worker")

    def handle(self, *args, ids: list[int], sync: bool, verbosity: int, **options):
        article_ids = ids or list(Article.objects.order_by("pk").values_list("pk", flat=True))
        if not sync:
            reextract_articles.delay(article_ids)
            self.stdout.write(f"{len(article_ids)} article(s) queued for re-extraction.")
            return
        with tqdm(total=len(article_ids), unit="article", disable=verbosity == 0 or None, file=sys.stderr) as bar:
            quotes = articles_reextract(article_ids, progress=bar.update)
        self.stdout.write(f"Re-extracted {len(article_ids)} article(s): {quotes} machine quote(s) stored.")
