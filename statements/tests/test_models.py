import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from statements.models import Article, Quote


def test_article_content_hash_is_unique(make_article):
    make_article(content_hash="a" * 64)
    with pytest.raises(IntegrityError):
        make_article(content_hash="a" * 64)


def test_quote_span_is_unique_and_not_empty(make_article):
    article = make_article("« Oui », dit-il.")
    Quote.objects.create(article=article, text="Oui", start=2, end=5, language="fr")
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=article, text="Oui", start=2, end=5, language="fr")
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.create(article=article, text="", start=5, end=5, language="fr")


def test_rejected_quotes_are_not_published(make_article):
    article = make_article("« Oui » et « non ».")
    kept = Quote.objects.create(article=article, text="Oui", start=2, end=5, language="fr")
    Quote.objects.create(article=article, text="non", start=13, end=16, language="fr",
                         review_status=Quote.Review.REJECTED)
    assert list(Quote.objects.published()) == [kept]
    assert Article.objects.get().quotes.count() == 2


@pytest.mark.parametrize("language", ["en", "fr"])
def test_kind_and_claim_labels_are_the_translated_choice_labels(language):
    with translation.override(language):
        for kind in Quote.Kind.values:
            for claim in [*Quote.Claim.values, ""]:
                quote = Quote(kind=kind, claim_type=claim)
                assert (str(quote.kind_label), str(quote.claim_label)) == (quote.get_kind_display(),
                                                                           quote.get_claim_type_display())
    with translation.override("fr"):
        assert str(Quote(kind=Quote.Kind.READOUT).kind_label) != "communiqué / readout"


def test_an_articles_source_label_is_its_publisher_else_its_title_shortened():
    assert Article(publisher="Le Monde", title="Un titre").source_label == "Le Monde"
    assert Article(publisher="", title="Un titre").source_label == "Un titre"
    long_title = "Une très longue dépêche " * 5
    assert len(Article(title=long_title).source_label) == 60
    assert Article(title=long_title).source_label.endswith("…")
