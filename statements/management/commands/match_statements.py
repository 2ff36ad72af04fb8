"""`match_statements`: give a statement to every quote that has none (quotes stored before statements existed),
article by article in publication order, as an import would have."""

from django.core.management.base import BaseCommand
from django.db import transaction

from statements.matching import quotes_assign_statements
from statements.models import Article, Quote


class Command(BaseCommand):
    help = "Match every quote without a statement to the statement of an earlier report, or give it its own."

    def handle(self, *args, **options):
        articles = (Article.objects.filter(quotes__statement__isnull=True).distinct()
                    .order_by("published_date", "pk").values_list("pk", flat=True))
        done = 0
        for article_id in articles.iterator():
            with transaction.atomic():
                quotes_assign_statements(list(Quote.objects.filter(article_id=article_id, statement__isnull=True)))
            done += 1
        self.stdout.write(f"{done} articles matched; {Quote.objects.filter(statement__isnull=True).count()} "
                          "quotes without a statement left.")
