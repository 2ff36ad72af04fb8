"""Human review wins over the machine: re-running extraction keeps every curator's decision."""

import pytest

from statements.ingest.quotes import article_analyse
from statements.models import Quote
from statements.reviewing import quote_review

TEXT = (
    "Le président russe Vladimir Poutine a répondu vendredi. "
    "« La plupart des attaques viennent de l'étranger », a déclaré Vladimir Poutine. "
    "« Nous sommes prêts à coopérer », a-t-il ajouté. "
    "Selon un analyste, « rien ne changera »."
)


@pytest.fixture
def analysed_article(make_article, putin, biden):
    article = make_article(TEXT)
    article_analyse(article)
    assert article.quotes.count() >= 2
    return article


def test_verified_and_rejected_quotes_survive_reextraction(analysed_article, staff_user, biden):
    first, second = analysed_article.quotes.order_by("start")[:2]
    quote_review(quote=first, user=staff_user, verdict=Quote.Review.VERIFIED, speaker=biden)  # a curator edit
    quote_review(quote=second, user=staff_user, verdict=Quote.Review.REJECTED)

    article_analyse(analysed_article)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.review_status, first.speaker, first.reviewed_by) == (Quote.Review.VERIFIED, biden, staff_user)
    assert second.review_status == Quote.Review.REJECTED
    spans = list(analysed_article.quotes.values_list("start", "end"))
    assert len(spans) == len(set(spans))
    overlapping = [q for q in analysed_article.quotes.exclude(pk__in=[first.pk, second.pk])
                   if q.start < first.end and first.start < q.end]
    assert overlapping == []


def test_reextraction_replaces_machine_quotes_without_duplicates(analysed_article):
    before = sorted(analysed_article.quotes.values_list("start", "end", "text"))
    article_analyse(analysed_article)
    assert sorted(analysed_article.quotes.values_list("start", "end", "text")) == before
