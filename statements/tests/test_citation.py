"""Citing a quote: the speaker as author, the date at its precision, the source, the permalink and the day
it was accessed, in text, CSL-JSON, BibTeX and RIS, each one download away."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from statements.models import Quote


@pytest.fixture
def english_quote(make_article, biden):
    text = 'Biden said: "We expect them to act, and we will respond," he told reporters on Friday.'
    article = make_article(text, title="Biden warns Moscow", publisher="Reuters", url="https://example.org/biden",
                           language="en", published_date=datetime.date(2021, 7, 9))
    words = "We expect them to act, and we will respond,"
    start = text.index(words)
    return Quote.objects.create(article=article, text=words, start=start, end=start + len(words), speaker=biden,
                                language="en", statement_date=datetime.date(2021, 7, 9), statement_precision="day")


@pytest.mark.django_db
@pytest.mark.parametrize("suffix, media_type", [("bib", "application/x-bibtex"),
                                                ("ris", "application/x-research-info-systems"),
                                                ("json", "application/vnd.citationstyles.csl+json")])
def test_each_citation_downloads_with_author_date_source_permalink_and_accessed_date(client, english_quote, suffix,
                                                                                    media_type):
    response = client.get(reverse("quote-cite", args=[english_quote.pk, suffix]))
    assert response.status_code == 200 and response["Content-Type"].startswith(media_type)
    assert response["Content-Disposition"] == f'attachment; filename="demarche-quote-{english_quote.pk}.{suffix}"'
    body = response.content.decode()
    today = timezone.localdate().isoformat()
    permalink = f"http://testserver{english_quote.get_absolute_url()}"
    assert "Joe Biden" in body and permalink in body and "https://example.org/biden" in body
    assert "we will respond”" in body and "respond,”" not in body  # no dangling comma inside the words
    if suffix == "json":
        [item] = json.loads(body)
        assert item["author"] == [{"literal": "Joe Biden"}] and item["issued"] == {"date-parts": [[2021, 7, 9]]}
        assert item["accessed"] == {"date-parts": [[int(part) for part in today.split("-")]]}
    elif suffix == "ris":
        assert body.startswith("TY  - NEWS\r\n") and "AU  - Joe Biden\r\n" in body and "DA  - 2021/07/09\r\n" in body
        assert f"Y2  - {today}\r\n" in body and body.endswith("ER  - \r\n")
    else:
        assert "author = {Joe Biden}" in body and f"urldate = {{{today}}}" in body and "day = {9}" in body


@pytest.mark.django_db
def test_the_quote_page_links_every_download_and_its_text_citation_says_when_it_was_accessed(client, english_quote):
    page = client.get(english_quote.get_absolute_url()).content.decode()
    for suffix in ("bib", "ris", "json"):
        assert f'href="{reverse("quote-cite", args=[english_quote.pk, suffix])}"' in page
    assert f"accessed {timezone.localdate().isoformat()}" in page


@pytest.mark.django_db
def test_a_rejected_quote_has_no_citation(client, english_quote):
    english_quote.review_status = Quote.Review.REJECTED
    english_quote.save()
    assert client.get(reverse("quote-cite", args=[english_quote.pk, "bib"])).status_code == 404
