"""Human review wins over the machine: re-running extraction keeps every curator's decision."""

import pytest
from django.utils.html import escape

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


def test_reextraction_keeps_every_quote_id_and_earlier_permalinks_never_404(analysed_article, client, monkeypatch):
    """The extractor changes between two runs (a quote lost, one found shorter, one new): every earlier
    permalink answers 200 (found again, same id) or 410 (withdrawn, with its words), never 404."""
    from statements.extraction import extract as real_extract
    from statements.ingest import quotes as ingest_quotes

    before = {quote.pk: quote.text for quote in analysed_article.quotes.all()}
    links_before = {quote.pk: quote.get_absolute_url() for quote in analysed_article.quotes.all()}

    def changed_extractor(text, **kwargs):
        result = real_extract(text, **kwargs)
        lost, *rest = result.quotes
        rest[0].end -= 3  # found again, a little shorter
        rest[0].text = text[rest[0].start:rest[0].end]
        new = type(lost)(text="Selon un analyste", start=text.index("Selon"), end=text.index("Selon") + 17)
        result.quotes = [*rest, new]
        return result

    monkeypatch.setattr(ingest_quotes, "extract", changed_extractor)
    article_analyse(analysed_article)

    after = {quote.pk: quote for quote in analysed_article.quotes.all()}
    assert set(before) <= set(after)  # nothing deleted
    statuses = {client.get(url).status_code for url in links_before.values()}
    assert statuses <= {200, 410} and 410 in statuses
    withdrawn = [quote for quote in after.values() if quote.review_status == Quote.Review.WITHDRAWN]
    assert [quote.text for quote in withdrawn] == [before[withdrawn[0].pk]]
    gone = client.get(withdrawn[0].get_absolute_url())
    assert gone.status_code == 410 and escape(withdrawn[0].text) in gone.content.decode()
    assert not Quote.objects.published().filter(pk=withdrawn[0].pk).exists()
    api = client.get(f"/api/v1/quotes/{withdrawn[0].pk}/")
    assert api.status_code == 410 and api.json()["error"]["code"] == "withdrawn"

    monkeypatch.setattr(ingest_quotes, "extract", real_extract)
    article_analyse(analysed_article)  # found again: restored under its id
    assert {quote.pk for quote in analysed_article.quotes.published()} >= set(before)
